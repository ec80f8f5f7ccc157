provider "alicloud" {
  region = var.region
}

variable "region" {
  type    = string
  default = "cn-hangzhou"
}

variable "admin_cidr" {
  type    = string
  default = "10.0.0.0/8"
}

resource "alicloud_oss_bucket" "logs" {
  bucket = "ops-logs-example"
}

resource "alicloud_security_group_rule" "admin_ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = var.admin_cidr
  security_group_id = "sg-example"
}
