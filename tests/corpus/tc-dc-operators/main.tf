provider "tencentcloud" {
  region = "ap-shanghai"
}

resource "tencentcloud_dc_instance" "mobile" {
  access_point_id     = "ap-shanghai-b-ap1"
  direct_connect_name = "line-cmcc"
  line_operator       = "ChinaMobile"
  port_type           = "10GBase-LR"
  bandwidth           = 1000
}

resource "tencentcloud_dc_instance" "international" {
  access_point_id     = "ap-shanghai-b-ap1"
  direct_connect_name = "line-intl"
  line_operator       = "InternationalOperator"
  port_type           = "1000Base-LX"
}

resource "tencentcloud_dc_instance" "other_domestic" {
  access_point_id     = "ap-shanghai-b-ap2"
  direct_connect_name = "line-other"
  line_operator       = "ChinaOther"
  port_type           = "1000Base-LX"
}

# A dedicated tunnel on the first line: no carrier of its own.
resource "tencentcloud_dcx" "tunnel" {
  dc_id          = tencentcloud_dc_instance.mobile.id
  name           = "tunnel-1"
  dcg_id         = "dcg-00000001"
  network_type   = "VPC"
  network_region = "ap-shanghai"
  vpc_id         = "vpc-sh000001"
  route_type     = "BGP"
  bgp_asn        = 65020
}
