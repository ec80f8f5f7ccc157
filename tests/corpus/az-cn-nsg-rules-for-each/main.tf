provider "azurerm" {
  features {}
  environment     = "china"
  subscription_id = "00000000-0000-0000-0000-000000000001"
}

resource "azurerm_resource_group" "net" {
  name     = "rg-net"
  location = "chinaeast2"
}

resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
}

variable "nsg_rules" {
  type = map(object({ priority = number, ports = list(string), source = string }))
  default = {
    web   = { priority = 100, ports = ["80", "443"], source = "Internet" }
    admin = { priority = 110, ports = ["22", "3389"], source = "*" }
    ops   = { priority = 120, ports = ["22"], source = "10.0.0.0/8" }
  }
}

resource "azurerm_network_security_rule" "web" {
  for_each                    = var.nsg_rules
  name                        = each.key
  priority                    = each.value.priority
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = each.value.ports
  source_address_prefix       = each.value.source
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.net.name
  network_security_group_name = azurerm_network_security_group.web.name
}

# The same rules written inline as dynamic security_rule blocks.
resource "azurerm_network_security_group" "inline" {
  name                = "nsg-inline"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  dynamic "security_rule" {
    for_each = var.nsg_rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_ranges    = security_rule.value.ports
      source_address_prefix      = security_rule.value.source
      destination_address_prefix = "*"
    }
  }
}
