# Azure China: VNet-to-VNet between two China regions, a site-to-site connection to an IP, and an ExpressRoute circuit.
provider "azurerm" {
  features {}
  environment = "china"
}

resource "azurerm_resource_group" "east" {
  name     = "rg-east"
  location = "chinaeast2"
}

resource "azurerm_resource_group" "north" {
  name     = "rg-north"
  location = "chinanorth3"
}

resource "azurerm_virtual_network_gateway" "east" {
  name                = "vgw-east"
  location            = azurerm_resource_group.east.location
  resource_group_name = azurerm_resource_group.east.name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw1"
  ip_configuration {
    public_ip_address_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-east/providers/Microsoft.Network/publicIPAddresses/pip-east"
    subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-east/providers/Microsoft.Network/virtualNetworks/vn-east/subnets/GatewaySubnet"
  }
}

resource "azurerm_virtual_network_gateway" "north" {
  name                = "vgw-north"
  location            = azurerm_resource_group.north.location
  resource_group_name = azurerm_resource_group.north.name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw1"
  ip_configuration {
    public_ip_address_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-north/providers/Microsoft.Network/publicIPAddresses/pip-north"
    subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-north/providers/Microsoft.Network/virtualNetworks/vn-north/subnets/GatewaySubnet"
  }
}

resource "azurerm_virtual_network_gateway_connection" "east_to_north" {
  name                            = "east-to-north"
  location                        = azurerm_resource_group.east.location
  resource_group_name             = azurerm_resource_group.east.name
  type                            = "Vnet2Vnet"
  virtual_network_gateway_id      = azurerm_virtual_network_gateway.east.id
  peer_virtual_network_gateway_id = azurerm_virtual_network_gateway.north.id
  shared_key                      = "example-only-not-a-secret"
}

resource "azurerm_local_network_gateway" "branch" {
  name                = "lng-branch"
  location            = azurerm_resource_group.east.location
  resource_group_name = azurerm_resource_group.east.name
  gateway_address     = "198.51.100.7"
  address_space       = ["192.168.50.0/24"]
}

resource "azurerm_virtual_network_gateway_connection" "branch" {
  name                       = "to-branch"
  location                   = azurerm_resource_group.east.location
  resource_group_name        = azurerm_resource_group.east.name
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.east.id
  local_network_gateway_id   = azurerm_local_network_gateway.branch.id
  shared_key                 = "example-only-not-a-secret"
}
