# VPNs that break the permit's VPN duties (advisory rules: they report, the profile decides whether they block):
# international algorithms where the cloud offers SM ones (CKV_CNLIC_402, SP-16(1)), VPN users given the public
# internet (CKV_CNLIC_403, SP-16(2)), and a peer that is no listed own site (CKV_CNLIC_401, could not be
# established: an address alone cannot say where a site is).
provider "alicloud" {
  region = "cn-shenzhen"
}

provider "tencentcloud" {
  region = "ap-guangzhou"
}

provider "huaweicloud" {
  region = "cn-north-4"
}

provider "volcengine" {
  region = "cn-beijing"
}

provider "aws" {
  region = "cn-north-1"
}

provider "azurerm" {
  features {}
}

locals {
  vpn       = { "license-service" = "vpn" }
  staff_vpn = "192.168.100.0/24"
}

# ---- Alibaba Cloud: a Normal gateway (the default), AES phases, and VPN users sent to the internet
resource "alicloud_vpn_gateway" "plain" {
  vpn_gateway_name = "zqt-plain"
  vpc_id           = "vpc-sz"
  vswitch_id       = "vsw-sz"
  bandwidth        = 20
  enable_ssl       = true
  payment_type     = "Subscription"
  tags             = local.vpn
}

resource "alicloud_vpn_customer_gateway" "partner" {
  customer_gateway_name = "partner"
  ip_address            = "203.0.113.50" # not one of our sites: where it is cannot be established
}

resource "alicloud_vpn_connection" "to_partner" {
  vpn_gateway_id      = alicloud_vpn_gateway.plain.id
  customer_gateway_id = alicloud_vpn_customer_gateway.partner.id
  local_subnet        = ["10.8.0.0/16"]
  remote_subnet       = ["10.200.0.0/16"]
  ike_config {
    ike_enc_alg  = "aes256"
    ike_auth_alg = "sha2"
  }
  ipsec_config {
    ipsec_enc_alg  = "aes256"
    ipsec_auth_alg = "sha256"
  }
}

resource "alicloud_ssl_vpn_server" "everyone" {
  name           = "everyone"
  vpn_gateway_id = alicloud_vpn_gateway.plain.id
  client_ip_pool = local.staff_vpn
  local_subnet   = "10.8.0.0/16,0.0.0.0/0" # full tunnel: all client traffic into the VPC
}

resource "alicloud_snat_entry" "staff_to_internet" {
  snat_table_id = "stb-sz"
  source_cidr   = local.staff_vpn # the VPN client pool itself
  snat_ip       = "198.51.100.80"
}

# ---- Tencent Cloud: the 3DES-CBC schema defaults; an SSL-VPN pushing 0.0.0.0/0
resource "tencentcloud_vpn_connection" "to_branch" {
  name                = "to-branch"
  vpc_id              = "vpc-gz"
  vpn_gateway_id      = "vpngw-gz"
  customer_gateway_id = "cgw-gz"
  pre_share_key       = "example-only"
  security_group_policy {
    local_cidr_block  = "10.20.0.0/16"
    remote_cidr_block = ["10.120.0.0/16"]
  }
}

resource "tencentcloud_vpn_ssl_server" "everyone" {
  vpn_gateway_id      = "vpngw-gz"
  ssl_vpn_server_name = "everyone"
  local_address       = ["10.20.0.0/16", "0.0.0.0/0"]
  remote_address      = "192.168.130.0/24"
}

# ---- Huawei Cloud: the default flavor; a SNAT rule on the P2C client CIDR
resource "huaweicloud_vpn_gateway" "default_flavor" {
  name               = "zqt-default"
  vpc_id             = "vpc-bj4"
  local_subnets      = ["10.30.0.0/16"]
  connect_subnet     = "subnet-bj4"
  availability_zones = ["cn-north-4a", "cn-north-4b"]
  tags               = local.vpn
}

resource "huaweicloud_vpn_server" "staff" {
  p2c_vgw_id       = "vgw-bj4"
  local_subnets    = ["10.30.0.0/16"]
  client_cidr      = "192.168.150.0/24"
  client_auth_type = "CERT"
}

resource "huaweicloud_nat_snat_rule" "staff_to_internet" {
  nat_gateway_id = "nat-bj4"
  floating_ip_id = "eip-bj4"
  source_type    = 1
  cidr           = "192.168.150.0/24"
}

# ---- Volcengine: SM3 hashes, but the ciphers left at their aes default
resource "volcengine_vpn_connection" "to_branch" {
  vpn_connection_name   = "to-branch"
  vpn_gateway_id        = "vgw-bj"
  customer_gateway_id   = "cgw-bj"
  local_subnet          = ["10.70.0.0/16"]
  remote_subnet         = ["10.170.0.0/16"]
  psk                   = "example-only"
  ike_config_auth_alg   = "sm3"
  ipsec_config_auth_alg = "sm3"
}

# ---- AWS China: the Client VPN internet-access recipe (no SM option: 402 does not apply)
resource "aws_ec2_client_vpn_endpoint" "staff" {
  server_certificate_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-000000000001"
  client_cidr_block      = "172.20.0.0/22"
  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-000000000002"
  }
  connection_log_options {
    enabled = false
  }
  tags = local.vpn
}

resource "aws_ec2_client_vpn_route" "internet" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  destination_cidr_block = "0.0.0.0/0"
  target_vpc_subnet_id   = "subnet-0aaa0000000000001"
}

resource "aws_ec2_client_vpn_authorization_rule" "internet" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  target_network_cidr    = "0.0.0.0/0"
  authorize_all_groups   = true
}

# ---- Azure China: point-to-site clients handed the hub's internet exit
resource "azurerm_point_to_site_vpn_gateway" "staff" {
  name                        = "p2s-staff"
  location                    = "chinaeast2"
  resource_group_name         = "rg-wan"
  virtual_hub_id              = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-wan/providers/Microsoft.Network/virtualHubs/hub"
  vpn_server_configuration_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-wan/providers/Microsoft.Network/vpnServerConfigurations/cfg"
  scale_unit                  = 1
  connection_configuration {
    name                      = "staff"
    internet_security_enabled = true
    vpn_client_address_pool {
      address_prefixes = ["172.30.0.0/24"]
    }
  }
  tags = local.vpn
}
