provider "azurerm" {
  features {}
  environment     = "china"
  subscription_id = "00000000-0000-0000-0000-000000000001"
}

data "azurerm_client_config" "current" {}
data "azurerm_subscription" "current" {}

# Our own tenant manages the subscription: first party.
resource "azurerm_lighthouse_definition" "internal_ops" {
  name               = "internal-ops"
  managing_tenant_id = data.azurerm_client_config.current.tenant_id
  scope              = data.azurerm_subscription.current.id

  authorization {
    principal_id       = data.azurerm_client_config.current.object_id
    role_definition_id = "b24988ac-6180-42a0-ab88-20f7382dd24c"
  }
}

# A managed-service provider's tenant.
resource "azurerm_lighthouse_definition" "msp" {
  name               = "msp-ops"
  managing_tenant_id = "7c1d2e3f-4a5b-4c6d-9e8f-0a1b2c3d4e5f"
  scope              = data.azurerm_subscription.current.id

  authorization {
    principal_id       = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"
    role_definition_id = "b24988ac-6180-42a0-ab88-20f7382dd24c"
  }
}

# A role for the identity running Terraform, read from the client config.
resource "azurerm_role_assignment" "deployer" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = data.azurerm_client_config.current.object_id
}
