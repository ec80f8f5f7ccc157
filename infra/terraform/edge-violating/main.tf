# Resource-collaboration (edge) nodes that break SP-15(9) (CKV_CNLIC_901, mandatory): an ENS node in Hunan (no
# IDC licensed there), one in Istanbul (also outside mainland China and every coverage: 101, 102), one in
# Shanghai whose node room is not filed — each of the three is a new room (301) — one the platform picks by
# area (its place cannot be established: 103), and a Huawei IEC server and a Volcengine veEN instance whose
# sites are not in the node table (103 too). The provider region (cn-shenzhen, a filed room) locates none.
provider "alicloud" {
  region = "cn-shenzhen"
}

provider "huaweicloud" {
  region = "cn-north-4"
}

provider "volcengine" {
  region = "cn-beijing"
}

variable "nodes" {
  type = map(string)
  default = {
    hunan    = "cn-chenzhou-telecom_unicom_cmcc"
    istanbul = "tr-Istanbul-1"
  }
}

resource "alicloud_ens_instance" "cache" {
  for_each             = var.nodes
  ens_region_id        = each.value
  schedule_area_level  = "Region"
  instance_type        = "ens.sn1.stiny"
  image_id             = "centos_7_9_x64_20G"
  payment_type         = "Subscription"
  internet_charge_type = "BandwidthByDay"
  instance_name        = "cache-${each.key}"
}

resource "alicloud_ens_load_balancer" "shanghai" {
  ens_region_id      = "cn-shanghai-cmcc"
  load_balancer_spec = "elb.s1.small"
  payment_type       = "PayAsYouGo"
  network_id         = "n-sh0000001"
  vswitch_id         = "vsw-sh0000001"
}

resource "alicloud_ens_instance" "anywhere_in_province" {
  schedule_area_level  = "Middle"
  carrier              = "telecom"
  instance_type        = "ens.sn1.stiny"
  image_id             = "centos_7_9_x64_20G"
  payment_type         = "Subscription"
  internet_charge_type = "BandwidthByDay"
}

resource "huaweicloud_iec_server" "edge" {
  name             = "edge-node-1"
  flavor_id        = "c6.large.2"
  image_id         = "iec-image-0001"
  vpc_id           = "iec-vpc-0001"
  subnet_ids       = ["iec-subnet-0001"]
  security_groups  = ["iec-sg-0001"]
  system_disk_type = "SAS"
  system_disk_size = 40
  coverage_sites {
    site_id  = "site-0001"
    operator = "chinamobile"
  }
}

resource "volcengine_veenedge_instance" "edge" {
  area_name             = "cn-beijing-cmcc"
  instance_name         = "edge-bj"
  cloud_server_identity = "cs-0001"
}
