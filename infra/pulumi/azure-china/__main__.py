"""Azure China (azure classic provider, azurerm underneath): Shanghai is filed, Hong Kong is not mainland.

Default provider: stack config azure:location = chinaeast2 (Shanghai, filed room SH-AZURE); every
resource also names its own location, as Azure requires.
"""
import pulumi_azure as azure

rg = azure.core.ResourceGroup("core", location="chinaeast2", tags={"license-service": "idc"})
azure.network.VirtualNetwork("core-vnet", resource_group_name=rg.name, location="China East 2",
                             address_spaces=["10.20.0.0/16"])
azure.network.NetworkSecurityGroup("ops-nsg", resource_group_name=rg.name, location=rg.location,
                                   security_rules=[
    {"name": "ssh-from-ops", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
     "source_port_range": "*", "destination_port_range": "22", "source_address_prefix": "10.0.0.0/8",
     "destination_address_prefix": "*"},
])

# 202: RDP open to any source (the pulumi name `securityRules` stands for Terraform's `security_rule`).
azure.network.NetworkSecurityGroup("rdp-nsg", resource_group_name=rg.name, location="chinaeast2",
                                   security_rules=[
    {"name": "rdp", "priority": 110, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
     "source_port_range": "*", "destination_port_range": "3389", "source_address_prefix": "*",
     "destination_address_prefix": "*"},
])
# 101 + 102 + 301: East Asia is Hong Kong.
azure.core.ResourceGroup("hk", location="eastasia")
