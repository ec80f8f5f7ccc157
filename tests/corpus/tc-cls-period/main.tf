provider "tencentcloud" {
  region = "ap-shanghai"
}

resource "tencentcloud_cls_logset" "net" {
  logset_name = "net-logs"
}

resource "tencentcloud_cls_topic" "flow" {
  logset_id    = tencentcloud_cls_logset.net.id
  topic_name   = "vpc-flow"
  period       = 180
  storage_type = "hot"
}

# period omitted: Optional+Computed with no schema default; the value is decided by the service.
resource "tencentcloud_cls_topic" "audit" {
  logset_id  = tencentcloud_cls_logset.net.id
  topic_name = "cloudaudit"
  tags       = { log-class = "audit" }
}

resource "tencentcloud_vpc_flow_log" "vpc" {
  flow_log_name = "vpc-flow"
  resource_type = "VPC"
  resource_id   = "vpc-sh000001"
  vpc_id        = "vpc-sh000001"
  traffic_type  = "ALL"
  storage_type  = "cls"
  cloud_log_id  = tencentcloud_cls_topic.flow.id
}

# CLB log sets keep at most 90 days.
resource "tencentcloud_clb_log_set" "clb" {
  period = 90
}
