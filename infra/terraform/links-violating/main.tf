# Links and leased lines that break the permit (CKV_CNLIC_401: an end outside mainland China, or one that cannot
# be shown inside; CKV_CNLIC_404: a line not from a basic-telecom carrier; CKV_CNLIC_405: a network granted to
# another account's inter-region network), one cloud after another.
provider "alicloud" {
  region = "cn-shenzhen"
}

provider "tencentcloud" {
  region = "ap-guangzhou"
}

provider "huaweicloud" {
  region = "cn-north-4"
}

provider "aws" {
  region = "cn-north-1"
}

provider "azurerm" {
  features {}
}

# ---- Alibaba Cloud
resource "alicloud_cen_instance" "backbone" {
  cen_instance_name = "zqt-backbone"
}

# 401: a bandwidth package from China to North America.
resource "alicloud_cen_bandwidth_package" "to_us" {
  bandwidth              = 20
  geographic_region_a_id = "China"
  geographic_region_b_id = "North-America"
}

# 401 (and 101/102: the VPC it attaches is in Hong Kong).
resource "alicloud_cen_instance_attachment" "hongkong_vpc" {
  instance_id              = alicloud_cen_instance.backbone.id
  child_instance_id        = "vpc-hk"
  child_instance_type      = "VPC"
  child_instance_region_id = "cn-hongkong"
}

# 401 and 404: line_operator Other = a connectivity provider outside the Chinese mainland.
resource "alicloud_express_connect_physical_connection" "overseas_line" {
  access_point_id = "ap-cn-shenzhen-xx-A"
  line_operator   = "Other"
  peer_location   = "partner pop"
}

# 405: a Shenzhen VPC granted to the CEN of an account outside the organisation, whose bandwidth packages
# would then carry our traffic (SP-4: no resale or sublease of bandwidth).
resource "alicloud_cen_instance_grant" "to_reseller_cen" {
  cen_id            = "cen-reseller01"
  child_instance_id = "vpc-wz9shared01"
  cen_owner_id      = "5566778899001122"
}

# ---- Tencent Cloud
resource "tencentcloud_ccn" "corp" {
  name = "zqt-ccn"
}

# 401: a limit towards Silicon Valley: the CCN carries traffic across the border.
resource "tencentcloud_ccn_bandwidth_limit" "gz_to_silicon_valley" {
  ccn_id          = tencentcloud_ccn.corp.id
  region          = "ap-guangzhou"
  dst_region      = "na-siliconvalley"
  bandwidth_limit = 100
}

# 401 (could not be established): a customer gateway known only by its public IP address.
resource "tencentcloud_vpn_customer_gateway" "branch" {
  name              = "branch"
  public_ip_address = "203.0.113.30"
}

# 405: a Guangzhou VPC joined to another company's CCN (ccn_uin names its owner).
resource "tencentcloud_ccn_attachment" "partner_ccn" {
  ccn_id          = "ccn-partner1"
  instance_type   = "VPC"
  instance_id     = "vpc-gzshared"
  instance_region = "ap-guangzhou"
  ccn_uin         = "100099998888"
}

# ---- Huawei Cloud
resource "huaweicloud_cc_connection" "corp" {
  name = "zqt-cc"
}

# 401: region_id ap-southeast-1 is Hong Kong.
resource "huaweicloud_cc_network_instance" "hongkong_vpc" {
  cloud_connection_id = huaweicloud_cc_connection.corp.id
  instance_id         = "vpc-hk"
  project_id          = "p-hk"
  region_id           = "ap-southeast-1"
  type                = "vpc"
}

# 401: a bandwidth package from the mainland to Asia-Pacific.
resource "huaweicloud_cc_bandwidth_package" "to_apac" {
  name           = "zqt-bwp-ap"
  local_area_id  = "Chinese-Mainland"
  remote_area_id = "Asia-Pacific"
  bandwidth      = 5
  charge_mode    = "bandwidth"
  billing_mode   = 3
}

# 405: a Beijing VPC another account's cloud connection may load.
resource "huaweicloud_cc_authorization" "to_partner" {
  name                       = "to-partner"
  instance_type              = "vpc"
  instance_id                = "vpc-bjshared"
  cloud_connection_domain_id = "ffeeddccbbaa00998877665544332211"
  cloud_connection_id        = "cc-partner-01"
}

# ---- AWS China
# 401: a transit-gateway peering to us-east-1.
resource "aws_ec2_transit_gateway_peering_attachment" "to_virginia" {
  peer_region             = "us-east-1"
  peer_transit_gateway_id = "tgw-us"
  transit_gateway_id      = "tgw-bj"
}

# 404 (could not be established): the line's carrier is not stated.
resource "aws_dx_connection" "unstated" {
  name      = "zqt-dx"
  bandwidth = "1Gbps"
  location  = "SINBJ"
}

# ---- Azure China
# 401 and 404: peering in Hong Kong, from Equinix.
resource "azurerm_express_route_circuit" "equinix_hk" {
  name                  = "zqt-er"
  resource_group_name   = "zqt-rg"
  location              = "chinaeast2"
  service_provider_name = "Equinix"
  peering_location      = "Hong Kong"
  bandwidth_in_mbps     = 100
  sku {
    tier   = "Standard"
    family = "MeteredData"
  }
}

# 401 (could not be established): a local network gateway known only by its address.
resource "azurerm_local_network_gateway" "branch" {
  name                = "branch"
  location            = "chinaeast2"
  resource_group_name = "zqt-rg"
  gateway_address     = "198.51.100.40"
  address_space       = ["192.168.20.0/24"]
}
