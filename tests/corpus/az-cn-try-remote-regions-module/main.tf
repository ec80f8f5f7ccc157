provider "azurerm" {
  features {}
  environment     = "china"
  subscription_id = "00000000-0000-0000-0000-000000000001"
}

# A registry module that normalises region names; not downloaded.
module "regions" {
  source  = "Azure/avm-utl-regions/azurerm"
  version = "0.3.0"
}

locals {
  # The literal is only a fallback for when the module output is missing; the real value is unknown here.
  primary_location = try(module.regions.regions_by_name["chinanorth3"].name, "chinanorth2")
}

resource "azurerm_resource_group" "app" {
  name     = "rg-app"
  location = local.primary_location
}

resource "azurerm_resource_group" "shared" {
  name     = "rg-shared"
  location = "chinaeast2"
}
