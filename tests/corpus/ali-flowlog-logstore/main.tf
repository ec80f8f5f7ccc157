provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_log_project" "net" {
  project_name = "net-logs-bj"
}

resource "alicloud_log_store" "flow" {
  project_name     = alicloud_log_project.net.project_name
  logstore_name    = "vpc-flow"
  retention_period = 180
}

# retention_period omitted: provider default 30 days.
resource "alicloud_log_store" "alb_access" {
  project_name  = alicloud_log_project.net.project_name
  logstore_name = "alb-access"
}

# Deprecated attribute names (project / name) and permanent retention.
resource "alicloud_log_store" "audit" {
  project          = alicloud_log_project.net.project_name
  name             = "audit"
  retention_period = 3650
}

# A second VPC's flow log into that store, named by the older attribute names' values.
resource "alicloud_vpc_flow_log" "audit_vpc" {
  flow_log_name  = "audit-vpc-flow"
  resource_type  = "VPC"
  resource_id    = "vpc-bj000003"
  traffic_type   = "All"
  project_name   = alicloud_log_project.net.project_name
  log_store_name = alicloud_log_store.audit.name
}

resource "alicloud_vpc_flow_log" "vpc" {
  flow_log_name  = "vpc-flow"
  resource_type  = "VPC"
  resource_id    = "vpc-bj000001"
  traffic_type   = "All"
  project_name   = alicloud_log_project.net.project_name
  log_store_name = alicloud_log_store.flow.logstore_name
}

resource "alicloud_alb_load_balancer_access_log_config_attachment" "web" {
  load_balancer_id = "alb-bj000001"
  log_project      = alicloud_log_project.net.project_name
  log_store        = alicloud_log_store.alb_access.logstore_name
}

# Writes to a store that this configuration does not declare.
resource "alicloud_vpc_flow_log" "other_vpc" {
  flow_log_name  = "other-flow"
  resource_type  = "VPC"
  resource_id    = "vpc-bj000002"
  traffic_type   = "All"
  project_name   = "shared-logs-bj"
  log_store_name = "flow"
}
