provider "huaweicloud" {
  region = "cn-north-4"
}

variable "site_id" {
  type = string # no default
}

variable "site_operator" {
  type    = string
  default = "chinamobile"
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
    site_id  = var.site_id
    operator = var.site_operator
  }
}
