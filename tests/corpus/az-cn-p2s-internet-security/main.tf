provider "azurerm" {
  features {}
  environment = "china"
}

resource "azurerm_point_to_site_vpn_gateway" "staff" {
  name                        = "p2s-staff"
  location                    = "chinaeast2"
  resource_group_name         = "rg-hub"
  virtual_hub_id              = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/virtualHubs/hub-east2"
  vpn_server_configuration_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/vpnServerConfigurations/cfg-staff"
  scale_unit                  = 1
  connection_configuration {
    name                      = "staff"
    internet_security_enabled = true
    vpn_client_address_pool {
      address_prefixes = ["172.40.0.0/22"]
    }
  }
}

# internet_security_enabled omitted: provider default false.
resource "azurerm_point_to_site_vpn_gateway" "contractors" {
  name                        = "p2s-contractors"
  location                    = "chinaeast2"
  resource_group_name         = "rg-hub"
  virtual_hub_id              = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/virtualHubs/hub-east2"
  vpn_server_configuration_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/vpnServerConfigurations/cfg-contractors"
  scale_unit                  = 1
  connection_configuration {
    name = "contractors"
    vpn_client_address_pool {
      address_prefixes = ["172.41.0.0/22"]
    }
  }
}
