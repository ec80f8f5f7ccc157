# User and access logs kept too briefly for SP-9 (CKV_CNLIC_601, advisory; the profile's logs.retention_days is
# 180), one cloud after another: provider defaults of 30 days, a 90-day log group, a stream overriding its
# group with 30 days, a flow log whose store is not declared with it, and an NSG flow log kept 90 days.
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

# ---- Alibaba Cloud: ALB access logs into a log store with the provider's 30 days
resource "alicloud_log_project" "audit" {
  project_name = "zqt-audit"
}

resource "alicloud_log_store" "alb_access" {
  project_name  = alicloud_log_project.audit.project_name
  logstore_name = "alb-access" # retention_period omitted: 30 days
}

resource "alicloud_alb_load_balancer_access_log_config_attachment" "web" {
  load_balancer_id = "alb-0000000001"
  log_project      = alicloud_log_project.audit.project_name
  log_store        = alicloud_log_store.alb_access.logstore_name
}

# ---- Tencent Cloud: a CLS topic tagged as access logs, period omitted (30 days)
resource "tencentcloud_cls_topic" "access" {
  topic_name = "nginx-access"
  logset_id  = "logset-00000001"
  tags       = { "log-class" = "access" }
}

# ---- Huawei Cloud: a flow log into a stream that overrides its group with 30 days
resource "huaweicloud_lts_group" "flow" {
  group_name  = "vpc-flow"
  ttl_in_days = 365
}

resource "huaweicloud_lts_stream" "short" {
  group_id    = huaweicloud_lts_group.flow.id
  stream_name = "elb-flow"
  ttl_in_days = 30
}

resource "huaweicloud_vpc_flow_log" "elb" {
  name          = "elb-flow"
  resource_type = "port"
  resource_id   = "0a1b2c3d-0000-0000-0000-000000000002"
  traffic_type  = "all"
  log_group_id  = huaweicloud_lts_group.flow.id
  log_stream_id = huaweicloud_lts_stream.short.id
}

# ---- AWS (China): a flow log into a 90-day log group; a flow log into a group declared elsewhere
resource "aws_cloudwatch_log_group" "flow" {
  name              = "/zqt/vpc-flow"
  retention_in_days = 90
}

resource "aws_flow_log" "vpc" {
  vpc_id          = "vpc-0ddd0000000000001"
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws-cn:iam::111122223333:role/flow-logs"
}

resource "aws_flow_log" "shared" {
  vpc_id          = "vpc-0ddd0000000000002"
  traffic_type    = "ALL"
  log_destination = "arn:aws-cn:logs:cn-north-1:111122223333:log-group:/shared/flow"
  iam_role_arn    = "arn:aws-cn:iam::111122223333:role/flow-logs"
}

# ---- Azure (China): diagnostic settings into a workspace with the 30-day default; an NSG flow log of 90 days
resource "azurerm_resource_group" "logs" {
  name     = "zqt-logs"
  location = "chinaeast2"
}

resource "azurerm_log_analytics_workspace" "diag" {
  name                = "zqt-diag"
  location            = azurerm_resource_group.logs.location
  resource_group_name = azurerm_resource_group.logs.name
  sku                 = "PerGB2018"
}

resource "azurerm_monitor_diagnostic_setting" "gateway" {
  name                       = "gateway-access"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/zqt/providers/Microsoft.Network/applicationGateways/web"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.diag.id
  enabled_log {
    category = "ApplicationGatewayAccessLog"
  }
}

resource "azurerm_network_watcher_flow_log" "web" {
  network_watcher_name = "NetworkWatcher_chinaeast2"
  resource_group_name  = "NetworkWatcherRG"
  name                 = "nsg-web"
  location             = "chinaeast2"
  target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/zqt/providers/Microsoft.Network/networkSecurityGroups/web"
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/zqt/providers/Microsoft.Storage/storageAccounts/zqtlogs"
  enabled              = true
  retention_policy {
    enabled = true
    days    = 90
  }
}
