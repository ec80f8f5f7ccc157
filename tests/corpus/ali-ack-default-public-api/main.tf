provider "alicloud" {
  region = "cn-shenzhen"
}

# slb_internet_enabled is not set: the provider's default (true) gives the API server a public SLB.
resource "alicloud_cs_managed_kubernetes" "default_endpoint" {
  name                 = "apps-default"
  cluster_spec         = "ack.pro.small"
  worker_vswitch_ids   = ["vsw-wz9a", "vsw-wz9b"]
  new_nat_gateway      = false
  pod_cidr             = "172.20.0.0/16"
  service_cidr         = "172.21.0.0/20"
}

resource "alicloud_cs_managed_kubernetes" "private_endpoint" {
  name                 = "apps-private"
  cluster_spec         = "ack.pro.small"
  worker_vswitch_ids   = ["vsw-wz9a", "vsw-wz9b"]
  new_nat_gateway      = false
  pod_cidr             = "172.22.0.0/16"
  service_cidr         = "172.23.0.0/20"
  slb_internet_enabled = false
}
