terraform {
  required_version = ">= 1.5"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.10"
    }
  }
}

provider "azurerm" {
  features {}
  environment     = "china"
  subscription_id = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
}

# The group's global (public cloud) subscription.
provider "azurerm" {
  alias = "global"
  features {}
  environment     = "public"
  subscription_id = "7b3e4f50-6c7d-4e8f-9a01-b2c3d4e5f607"
}
