provider "azurerm" {
  features {}
  environment = "china"
}

resource "azurerm_express_route_circuit" "unicom" {
  name                  = "er-unicom"
  resource_group_name   = "rg-net"
  location              = "chinaeast2"
  service_provider_name = "China Unicom"
  peering_location      = "Shanghai"
  bandwidth_in_mbps     = 200
  sku {
    tier   = "Standard"
    family = "MeteredData"
  }
}

resource "azurerm_express_route_circuit" "colo" {
  name                  = "er-colo"
  resource_group_name   = "rg-net"
  location              = "chinanorth3"
  service_provider_name = "Equinix"
  peering_location      = "Beijing"
  bandwidth_in_mbps     = 100
  sku {
    tier   = "Standard"
    family = "MeteredData"
  }
}

# ExpressRoute Direct: a port of our own; whoever carries the cross-connect is not in the configuration.
resource "azurerm_express_route_circuit" "direct" {
  name                  = "er-direct"
  resource_group_name   = "rg-net"
  location              = "chinaeast2"
  express_route_port_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/expressRoutePorts/erp-sh"
  bandwidth_in_gbps     = 10
  sku {
    tier   = "Standard"
    family = "MeteredData"
  }
}
