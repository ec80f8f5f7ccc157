# Violating Azure China stack: every resource here breaks the permit on purpose (see expected.yaml).

resource "azurerm_resource_group" "core" {
  name     = "zqt-core"
  location = "chinaeast2"
}

# SP-15(3)/SP-16(3): East Asia is Azure's Hong Kong region, outside mainland China.
resource "azurerm_resource_group" "hk" {
  provider = azurerm.global
  name     = "zqt-hk"
  location = "eastasia"
  tags     = { "license-service" = "isp" }
}

# SP-15(4)/(6): China North 3 (Hebei) is inside ISP coverage, but no machine room is filed there.
resource "azurerm_resource_group" "north3" {
  name     = "zqt-north3"
  location = "chinanorth3"
}

# SP-2: and Hebei is outside IDC coverage.
resource "azurerm_storage_account" "north3_idc" {
  name                     = "zqtnorth3idc"
  location                 = azurerm_resource_group.north3.location
  resource_group_name      = azurerm_resource_group.north3.name
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags                     = { "license-service" = "idc" }
}

# Location cannot be established: an unset variable.
resource "azurerm_resource_group" "dr" {
  name     = "zqt-dr"
  location = var.dr_location
}

# Location cannot be established: chinaeast4 is no Azure region.
resource "azurerm_resource_group" "typo" {
  name     = "zqt-east4"
  location = "chinaeast4"
}

# SP-15(4): the prior-filing tag names the machine room id instead of a filing reference (malformed);
# the account itself sits in the filed room SH-AZURE, so only 302 fails.
resource "azurerm_storage_account" "malformed_filing" {
  name                     = "zqtmalformed"
  location                 = azurerm_resource_group.core.location
  resource_group_name      = azurerm_resource_group.core.name
  account_tier             = "Standard"
  account_replication_type = "ZRS"
  tags                     = { "license-service" = "idc", "prior-filing" = "SH-AZURE" }
}

# SP-15(3): a foreign managed-service provider's tenant manages our subscription through Azure Lighthouse.
resource "azurerm_lighthouse_definition" "msp" {
  name               = "msp-operations"
  description        = "Managed-service provider operations"
  managing_tenant_id = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
  scope              = "/subscriptions/5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"

  authorization {
    principal_id           = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    role_definition_id     = "b24988ac-6180-42a0-ab88-20f7382dd24c" # Contributor
    principal_display_name = "MSP operators"
  }
}

resource "azurerm_network_security_group" "web" {
  name                = "zqt-web"
  location            = azurerm_resource_group.core.location
  resource_group_name = azurerm_resource_group.core.name

  # SP-15(3): every port from anywhere.
  security_rule {
    name                       = "allow-all-inbound"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

# SP-15(3): RDP from the internet.
resource "azurerm_network_security_rule" "rdp_internet" {
  name                        = "rdp-internet"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.core.name
  network_security_group_name = azurerm_network_security_group.web.name
}

# SP-15(3): a public AKS API server with no authorized IP ranges.
resource "azurerm_kubernetes_cluster" "public_api" {
  name                = "zqt-public"
  location            = azurerm_resource_group.core.location
  resource_group_name = azurerm_resource_group.core.name
  dns_prefix          = "zqt-public"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }
}
