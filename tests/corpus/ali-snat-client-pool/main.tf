provider "alicloud" {
  region = "cn-shenzhen"
}

locals {
  vpn_pool = "192.168.100.0/24"
  app_cidr = "10.8.1.0/24"
}

resource "alicloud_ssl_vpn_server" "staff" {
  name           = "staff-vpn"
  vpn_gateway_id = "vpn-sz000001"
  client_ip_pool = local.vpn_pool
  local_subnet   = "10.8.0.0/16"
}

# A second server that pushes the whole address space into the VPC (full tunnel).
resource "alicloud_ssl_vpn_server" "full_tunnel" {
  name           = "contractors-vpn"
  vpn_gateway_id = "vpn-sz000001"
  client_ip_pool = "192.168.110.0/24"
  local_subnet   = "10.8.0.0/16,0.0.0.0/0"
}

resource "alicloud_nat_gateway" "egress" {
  vpc_id           = "vpc-sz000001"
  nat_gateway_name = "egress"
  nat_type         = "Enhanced"
  vswitch_id       = "vsw-sz000001"
}

variable "snat_sources" {
  type    = list(string)
  default = ["10.8.1.0/24", "192.168.100.0/24"]
}

resource "alicloud_snat_entry" "out" {
  count         = length(var.snat_sources)
  snat_table_id = alicloud_nat_gateway.egress.snat_table_ids
  source_cidr   = var.snat_sources[count.index]
  snat_ip       = "198.51.100.80"
}
