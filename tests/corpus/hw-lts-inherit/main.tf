provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_lts_group" "net" {
  group_name  = "net-logs"
  ttl_in_days = 365
}

resource "huaweicloud_lts_group" "scratch" {
  group_name  = "scratch"
  ttl_in_days = 7
}

# ttl_in_days omitted (-1): inherits the group's 365 days.
resource "huaweicloud_lts_stream" "flow" {
  group_id    = huaweicloud_lts_group.net.id
  stream_name = "vpc-flow"
}

resource "huaweicloud_lts_stream" "elb" {
  group_id    = huaweicloud_lts_group.net.id
  stream_name = "elb-access"
  ttl_in_days = 30
  tags        = { "log-class" = "access" } # ELB access logs: no producer of this configuration names it
}

resource "huaweicloud_vpc_flow_log" "vpc" {
  name          = "vpc-flow"
  resource_type = "vpc"
  resource_id   = "vpc-bj-0001"
  traffic_type  = "all"
  log_group_id  = huaweicloud_lts_group.net.id
  log_stream_id = huaweicloud_lts_stream.flow.id
}
