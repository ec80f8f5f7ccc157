# Links and leased lines that keep the permit (CKV_CNLIC_401, CKV_CNLIC_404, CKV_CNLIC_405), one cloud after
# another: every end in mainland China, every line from a basic-telecom carrier, every network granted only to
# the organisation's own accounts, every room-occupying type in a filed room.
provider "alicloud" {
  region = "cn-shenzhen" # filed room SZ-ALI (whole region)
}

provider "tencentcloud" {
  region = "ap-guangzhou"
}

provider "huaweicloud" {
  region = "cn-north-4" # filed room BJ-HUAWEI
}

provider "aws" {
  region = "cn-north-1" # filed room BJ-AWS
}

provider "azurerm" {
  features {}
}

# ---- Alibaba Cloud: a CEN with a China-China bandwidth package and a Shenzhen VPC; a China Telecom line
resource "alicloud_cen_instance" "backbone" {
  cen_instance_name = "zqt-backbone"
}

resource "alicloud_cen_bandwidth_package" "domestic" {
  bandwidth              = 10
  geographic_region_a_id = "China"
  geographic_region_b_id = "China"
}

resource "alicloud_cen_instance_attachment" "shenzhen_vpc" {
  instance_id              = alicloud_cen_instance.backbone.id
  child_instance_id        = "vpc-sz"
  child_instance_type      = "VPC"
  child_instance_region_id = "cn-shenzhen"
}

resource "alicloud_express_connect_physical_connection" "telecom_line" {
  access_point_id = "ap-cn-shenzhen-xx-A"
  line_operator   = "CT"
  peer_location   = "Shenzhen office"
}

# 405: a VPC granted to the CEN of another of the organisation's accounts (organization.accounts).
resource "alicloud_cen_instance_grant" "group_hub" {
  cen_id            = "cen-grouphub1"
  child_instance_id = "vpc-wz9app01"
  cen_owner_id      = "1234567890123456"
}

# ---- Tencent Cloud: CCN between Guangzhou and Shanghai
resource "tencentcloud_ccn" "corp" {
  name = "zqt-ccn"
}

resource "tencentcloud_ccn_attachment" "guangzhou_vpc" {
  ccn_id          = tencentcloud_ccn.corp.id
  instance_type   = "VPC"
  instance_id     = "vpc-gz"
  instance_region = "ap-guangzhou"
}

resource "tencentcloud_ccn_bandwidth_limit" "gz_to_sh" {
  ccn_id          = tencentcloud_ccn.corp.id
  region          = "ap-guangzhou"
  dst_region      = "ap-shanghai"
  bandwidth_limit = 100
}

# ---- Huawei Cloud: Cloud Connect inside the mainland
resource "huaweicloud_cc_connection" "corp" {
  name = "zqt-cc"
}

resource "huaweicloud_cc_network_instance" "beijing_vpc" {
  cloud_connection_id = huaweicloud_cc_connection.corp.id
  instance_id         = "vpc-bj"
  project_id          = "p-bj"
  region_id           = "cn-north-4"
  type                = "vpc"
}

resource "huaweicloud_cc_bandwidth_package" "mainland" {
  name           = "zqt-bwp"
  local_area_id  = "Chinese-Mainland"
  remote_area_id = "Chinese-Mainland"
  bandwidth      = 5
  charge_mode    = "bandwidth"
  billing_mode   = 3
}

# 405: a VPC the organisation's own account may load into its cloud connection.
resource "huaweicloud_cc_authorization" "to_group" {
  name                       = "to-group"
  instance_type              = "vpc"
  instance_id                = "vpc-bj"
  cloud_connection_domain_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
  cloud_connection_id        = "cc-group-01"
}

# ---- AWS China: a transit-gateway peering to Ningxia; a Direct Connect line from China Telecom
resource "aws_ec2_transit_gateway_peering_attachment" "to_ningxia" {
  peer_region             = "cn-northwest-1"
  peer_transit_gateway_id = "tgw-nx"
  transit_gateway_id      = "tgw-bj"
}

resource "aws_dx_connection" "telecom" {
  name          = "zqt-dx"
  bandwidth     = "1Gbps"
  location      = "SINBJ"
  provider_name = "China Telecom"
}

# ---- Azure China: an ExpressRoute circuit from China Unicom, peering in Shanghai
resource "azurerm_express_route_circuit" "unicom" {
  name                  = "zqt-er"
  resource_group_name   = "zqt-rg"
  location              = "chinaeast2"
  service_provider_name = "China Unicom"
  peering_location      = "Shanghai"
  bandwidth_in_mbps     = 100
  sku {
    tier   = "Standard"
    family = "MeteredData"
  }
}
