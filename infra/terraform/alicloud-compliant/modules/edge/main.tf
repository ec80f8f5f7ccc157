terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

resource "alicloud_vpc" "edge" {
  vpc_name   = "edge"
  cidr_block = "10.20.0.0/16"
  tags       = { "license-service" = "idc" }
}
