terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm" }
  }
}

variable "location" {
  type = string
}

variable "retention_days" {
  type = number
}

resource "azurerm_resource_group" "monitoring" {
  name     = "zqt-monitoring"
  location = var.location
}

resource "azurerm_log_analytics_workspace" "ops" {
  name                = "zqt-ops"
  location            = azurerm_resource_group.monitoring.location
  resource_group_name = azurerm_resource_group.monitoring.name
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_days
  tags                = { "license-service" = "isp", "system-role" = "logs" }
}
