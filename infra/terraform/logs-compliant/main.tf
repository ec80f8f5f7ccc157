# User and access logs kept at least the profile's logs.retention_days (180; CKV_CNLIC_601, SP-9), one cloud
# after another: each flow log, access log or diagnostic setting writes to a store declared here that keeps
# 180 days or more; an application's debug store, written by none of them, is not judged.
provider "alicloud" {
  region = "cn-shenzhen" # filed room SZ-ALI (whole region)
}

provider "tencentcloud" {
  region = "ap-guangzhou" # filed room GZ-TENCENT
}

provider "huaweicloud" {
  region = "cn-north-4" # filed room BJ-HUAWEI
}

provider "aws" {
  region = "cn-north-1" # filed room BJ-AWS
}

provider "azurerm" {
  features {}
}

# ---- Alibaba Cloud: a VPC flow log into a 180-day log store; a debug store of 7 days nobody sends access logs to
resource "alicloud_log_project" "audit" {
  project_name = "zqt-audit"
}

resource "alicloud_log_store" "vpc_flow" {
  project_name     = alicloud_log_project.audit.project_name
  logstore_name    = "vpc-flow"
  retention_period = 180
}

resource "alicloud_vpc_flow_log" "vpc" {
  flow_log_name  = "vpc-flow"
  resource_type  = "VPC"
  resource_id    = "vpc-wz90000000000000001"
  traffic_type   = "All"
  project_name   = alicloud_log_project.audit.project_name
  log_store_name = alicloud_log_store.vpc_flow.logstore_name
}

resource "alicloud_log_store" "app_debug" {
  project_name     = alicloud_log_project.audit.project_name
  logstore_name    = "app-debug"
  retention_period = 7
}

# ---- Tencent Cloud: a flow log into a CLS topic kept 180 days
resource "tencentcloud_cls_topic" "vpc_flow" {
  topic_name = "vpc-flow"
  logset_id  = "logset-00000001"
  period     = 180
}

resource "tencentcloud_vpc_flow_log" "vpc" {
  flow_log_name    = "vpc-flow"
  resource_type    = "VPC"
  resource_id      = "vpc-00000001"
  traffic_type     = "ALL"
  vpc_id           = "vpc-00000001"
  cloud_log_id     = tencentcloud_cls_topic.vpc_flow.id
  cloud_log_region = "ap-guangzhou"
  flow_log_storage {
    storage_type = "cls"
  }
}

# ---- Huawei Cloud: a flow log into a stream that keeps its group's 365 days
resource "huaweicloud_lts_group" "flow" {
  group_name  = "vpc-flow"
  ttl_in_days = 365
}

resource "huaweicloud_lts_stream" "flow" {
  group_id    = huaweicloud_lts_group.flow.id
  stream_name = "vpc-flow"
}

resource "huaweicloud_vpc_flow_log" "vpc" {
  name          = "vpc-flow"
  resource_type = "vpc"
  resource_id   = "0a1b2c3d-0000-0000-0000-000000000001"
  traffic_type  = "all"
  log_group_id  = huaweicloud_lts_group.flow.id
  log_stream_id = huaweicloud_lts_stream.flow.id
}

# ---- AWS (China): a flow log into a log group that never expires
resource "aws_cloudwatch_log_group" "flow" {
  name = "/zqt/vpc-flow" # retention_in_days omitted: events never expire
}

resource "aws_flow_log" "vpc" {
  vpc_id          = "vpc-0ddd0000000000001"
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws-cn:iam::111122223333:role/flow-logs"
}

# ---- Azure (China): application-gateway access logs into a workspace kept 365 days
resource "azurerm_resource_group" "logs" {
  name     = "zqt-logs"
  location = "chinaeast2"
}

resource "azurerm_log_analytics_workspace" "access" {
  name                = "zqt-access"
  location            = azurerm_resource_group.logs.location
  resource_group_name = azurerm_resource_group.logs.name
  sku                 = "PerGB2018"
  retention_in_days   = 365
}

resource "azurerm_monitor_diagnostic_setting" "gateway" {
  name                       = "gateway-access"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/zqt/providers/Microsoft.Network/applicationGateways/web"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.access.id
  enabled_log {
    category = "ApplicationGatewayAccessLog"
  }
}
