provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "expose_api" {
  type    = bool
  default = false
}


resource "tencentcloud_kubernetes_cluster" "apps" {
  vpc_id                  = "vpc-placeholder"
  cluster_cidr            = "172.31.0.0/16"
  cluster_max_pod_num     = 64
  cluster_name            = "apps"
  cluster_version         = "1.30.0"
  cluster_internet        = var.expose_api
  cluster_internet_security_group = "sg-tkeapi01"
}

# No cluster_internet: the provider default is false (intranet only).
resource "tencentcloud_kubernetes_cluster" "batch" {
  vpc_id              = "vpc-placeholder"
  cluster_cidr        = "172.30.0.0/16"
  cluster_max_pod_num = 64
  cluster_name        = "batch"
  cluster_version     = "1.30.0"
}
