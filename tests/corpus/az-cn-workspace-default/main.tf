provider "azurerm" {
  features {}
  environment = "china"
}

# retention_in_days omitted: the service keeps 30 days.
resource "azurerm_log_analytics_workspace" "default_retention" {
  name                = "law-default"
  location            = "chinaeast2"
  resource_group_name = "rg-logs"
  sku                 = "PerGB2018"
}

resource "azurerm_log_analytics_workspace" "half_year" {
  name                = "law-half-year"
  location            = "chinaeast2"
  resource_group_name = "rg-logs"
  sku                 = "PerGB2018"
  retention_in_days   = 180
  tags                = { "log-class" = "flow" } # the NSG flow log's traffic analytics land here
}

resource "azurerm_network_watcher_flow_log" "nsg" {
  name                      = "fl-nsg-web"
  network_watcher_name      = "NetworkWatcher_chinaeast2"
  resource_group_name       = "NetworkWatcherRG"
  network_security_group_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-web/providers/Microsoft.Network/networkSecurityGroups/nsg-web"
  storage_account_id        = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogs"
  enabled                   = true
  retention_policy {
    enabled = true
    days    = 90
  }
  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.half_year.workspace_id
    workspace_region      = "chinaeast2"
    workspace_resource_id = azurerm_log_analytics_workspace.half_year.id
  }
}

resource "azurerm_monitor_diagnostic_setting" "appgw" {
  name                       = "diag-appgw"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-web/providers/Microsoft.Network/applicationGateways/agw-web"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.default_retention.id
  enabled_log {
    category = "ApplicationGatewayAccessLog"
  }
}
