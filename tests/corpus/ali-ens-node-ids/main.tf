provider "alicloud" {
  region = "cn-hangzhou"
}

variable "edge_nodes" {
  type = map(string)
  default = {
    bj  = "cn-beijing-telecom"
    hn  = "cn-chenzhou-telecom_unicom_cmcc"
    ist = "tr-Istanbul-1"
  }
}

resource "alicloud_ens_instance" "cache" {
  for_each                   = var.edge_nodes
  instance_type              = "ens.sn1.stiny"
  schedule_area_level        = "Region"
  ens_region_id              = each.value
  image_id                   = "centos_7_9_x64_20G"
  payment_type               = "Subscription"
  period                     = 1
  internet_charge_type       = "BandwidthByDay"
  internet_max_bandwidth_out = 100
  instance_name              = "cache-${each.key}"
}

# Province-level scheduling: the platform picks the node.
resource "alicloud_ens_instance" "floating" {
  instance_type        = "ens.sn1.stiny"
  schedule_area_level  = "Middle"
  carrier              = "telecom"
  image_id             = "centos_7_9_x64_20G"
  payment_type         = "Subscription"
  period               = 1
  internet_charge_type = "BandwidthByDay"
}

resource "alicloud_ens_load_balancer" "bj" {
  load_balancer_name = "edge-lb-bj"
  ens_region_id      = var.edge_nodes["bj"]
  load_balancer_spec = "elb.s1.small"
  payment_type       = "PayAsYouGo"
  network_id         = "n-bj0000001"
  vswitch_id         = "vsw-bj0000001"
}
