terraform {
  required_version = ">= 1.5"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.10"
    }
  }
}

# Azure China (operated by 21Vianet). Azure providers carry no region: every resource names its location.
provider "azurerm" {
  features {}
  environment     = "china"
  subscription_id = var.subscription_id
}

# The management subscription of the same tenant.
provider "azurerm" {
  alias = "mgmt"
  features {}
  environment     = "china"
  subscription_id = var.mgmt_subscription_id
}
