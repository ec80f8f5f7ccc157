# Compliant Azure China stack: everything in the filed machine room SH-AZURE (chinaeast2), management
# ports open to the management networks only, AKS API limited to the management networks.
resource "azurerm_resource_group" "core" {
  name     = "zqt-core"
  location = var.location
  tags     = local.tags
}

resource "azurerm_virtual_network" "core" {
  name                = "zqt-core"
  location            = azurerm_resource_group.core.location
  resource_group_name = azurerm_resource_group.core.name
  address_space       = ["10.80.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = azurerm_resource_group.core.name
  virtual_network_name = azurerm_virtual_network.core.name
  address_prefixes     = ["10.80.1.0/24"]
}

resource "azurerm_network_security_group" "mgmt" {
  name                = "zqt-mgmt"
  location            = var.location
  resource_group_name = azurerm_resource_group.core.name
  tags                = local.tags

  security_rule {
    name                       = "ssh-from-office"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "10.0.0.0/8"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "https-public"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "VirtualNetwork"
  }
}

resource "azurerm_network_security_rule" "rdp_from_bastion" {
  name                        = "rdp-from-bastion"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefixes     = ["100.64.0.0/10"]
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = azurerm_resource_group.core.name
  network_security_group_name = azurerm_network_security_group.mgmt.name
}

resource "azurerm_network_interface" "controller" {
  name                = "zqt-controller-nic"
  location            = var.location
  resource_group_name = azurerm_resource_group.core.name

  ip_configuration {
    name                          = "internal"
    subnet_id                     = azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

# Location given by its display name: the same region as chinaeast2.
resource "azurerm_linux_virtual_machine" "controller" {
  name                  = "zqt-controller"
  location              = "China East 2"
  resource_group_name   = azurerm_resource_group.core.name
  size                  = "Standard_D2s_v5"
  zone                  = "1"
  admin_username        = "zqtops"
  network_interface_ids = [azurerm_network_interface.controller.id]

  admin_ssh_key {
    username   = "zqtops"
    public_key = var.admin_ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }

  tags = { "license-service" = "idc", "system-role" = "control", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}

resource "azurerm_storage_account" "backups" {
  name                     = "zqtbackups"
  location                 = var.location
  resource_group_name      = azurerm_resource_group.core.name
  account_tier             = "Standard"
  account_replication_type = "ZRS"
  min_tls_version          = "TLS1_2"
  tags                     = { "license-service" = "idc", "system-role" = "data" }
}

resource "azurerm_kubernetes_cluster" "platform" {
  name                = "zqt-platform"
  location            = var.location
  resource_group_name = azurerm_resource_group.core.name
  dns_prefix          = "zqt-platform"

  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = 3
    zones          = ["1", "2", "3"]
    vnet_subnet_id = azurerm_subnet.app.id
  }

  identity {
    type = "SystemAssigned"
  }

  api_server_access_profile {
    authorized_ip_ranges = ["10.0.0.0/8", "100.64.0.0/10"]
  }

  tags = local.tags
}

resource "azurerm_user_assigned_identity" "deployer" {
  name                = "zqt-deployer"
  location            = var.location
  resource_group_name = azurerm_resource_group.core.name
}

resource "azurerm_role_assignment" "deployer_contributor" {
  scope                = azurerm_resource_group.core.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

module "monitoring" {
  source    = "./modules/monitoring"
  providers = { azurerm = azurerm.mgmt }

  location       = var.location
  retention_days = 180 # SP-9 / Cybersecurity Law art. 21: at least six months
}
