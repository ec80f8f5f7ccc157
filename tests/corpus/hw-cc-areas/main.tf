# Huawei Cloud Connect: bandwidth packages name two areas; network instances name their region.
provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_cc_connection" "main" {
  name = "corp-cc"
}

resource "huaweicloud_cc_bandwidth_package" "mainland" {
  name           = "bwp-mainland"
  local_area_id  = "Chinese-Mainland"
  remote_area_id = "Chinese-Mainland"
  charge_mode    = "bandwidth"
  billing_mode   = "3"
  bandwidth      = 10
}

resource "huaweicloud_cc_bandwidth_package" "apac" {
  name           = "bwp-apac"
  local_area_id  = "Chinese-Mainland"
  remote_area_id = "Asia-Pacific"
  charge_mode    = "bandwidth"
  billing_mode   = "3"
  bandwidth      = 10
}

resource "huaweicloud_cc_network_instance" "beijing" {
  type                = "vpc"
  cloud_connection_id = huaweicloud_cc_connection.main.id
  instance_id         = "vpc-bj-0001"
  project_id          = "proj-bj"
  region_id           = "cn-north-4"
  cidrs               = ["10.10.0.0/16"]
}

# ap-southeast-1 on Huawei Cloud is Hong Kong, not Singapore.
resource "huaweicloud_cc_network_instance" "hongkong" {
  type                = "vpc"
  cloud_connection_id = huaweicloud_cc_connection.main.id
  instance_id         = "vpc-hk-0001"
  project_id          = "proj-hk"
  region_id           = "ap-southeast-1"
  cidrs               = ["10.20.0.0/16"]
}

resource "huaweicloud_cc_inter_region_bandwidth" "bj_hk" {
  cloud_connection_id  = huaweicloud_cc_connection.main.id
  bandwidth_package_id = huaweicloud_cc_bandwidth_package.apac.id
  bandwidth            = 5
  inter_region_ids     = ["cn-north-4", "ap-southeast-1"]
}
