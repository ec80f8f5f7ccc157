terraform {
  required_providers {
    huaweicloud = { source = "huaweicloud/huaweicloud" }
  }
}

variable "bucket" {
  type = string
}

resource "huaweicloud_obs_bucket" "archive" {
  bucket        = var.bucket
  storage_class = "COLD"
  acl           = "private"
  tags          = { "license-service" = "idc", "system-role" = "data" }
}
