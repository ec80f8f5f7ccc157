terraform {
  required_providers {
    huaweicloud = { source = "huaweicloud/huaweicloud" }
  }
}

variable "retention_days" {
  type = number
}

resource "huaweicloud_lts_group" "access" {
  group_name  = "zqt-access-logs"
  ttl_in_days = var.retention_days
  tags        = { "license-service" = "isp", "system-role" = "logs" }
}

resource "huaweicloud_lts_stream" "elb" {
  group_id    = huaweicloud_lts_group.access.id
  stream_name = "elb-access"
}
