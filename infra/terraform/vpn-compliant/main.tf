# VPNs that keep the permit's VPN duties, one cloud after another: state-approved commercial cryptography where
# the cloud offers it (CKV_CNLIC_402, SP-16(1)), VPN client networks without internet egress (CKV_CNLIC_403,
# SP-16(2)), and peers that are our own mainland sites, listed in the profile's organization.vpn_peers
# (CKV_CNLIC_401, SP-16(3)). VPN gateways serve the VPN business (license-service = vpn), which files no rooms.
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
  vpn = { "license-service" = "vpn" }
}

# ---- Alibaba Cloud: a national-standard (国密) gateway, SM4/SM3 in both phases, a split-tunnel SSL-VPN
resource "alicloud_vpn_gateway" "guomi" {
  vpn_gateway_name = "zqt-guomi"
  vpc_id           = "vpc-sz"
  vswitch_id       = "vsw-sz"
  bandwidth        = 100
  vpn_type         = "NationalStandard"
  enable_ssl       = true
  payment_type     = "Subscription"
  tags             = local.vpn
}

resource "alicloud_vpn_customer_gateway" "beijing_office" {
  customer_gateway_name = "bj-office"
  ip_address            = "192.0.2.10" # organization.vpn_peers: Beijing head office
}

resource "alicloud_vpn_connection" "to_beijing" {
  vpn_gateway_id      = alicloud_vpn_gateway.guomi.id
  customer_gateway_id = alicloud_vpn_customer_gateway.beijing_office.id
  local_subnet        = ["10.8.0.0/16"]
  remote_subnet       = ["10.100.0.0/16"]
  ike_config {
    ike_version  = "ikev2"
    ike_enc_alg  = "sm4"
    ike_auth_alg = "sm3"
  }
  ipsec_config {
    ipsec_enc_alg  = "sm4"
    ipsec_auth_alg = "sm3"
  }
}

resource "alicloud_ssl_vpn_server" "staff" {
  name           = "staff"
  vpn_gateway_id = alicloud_vpn_gateway.guomi.id
  client_ip_pool = "192.168.100.0/24"
  local_subnet   = "10.8.0.0/16"
  cipher         = "AES-256-CBC" # no SM cipher on offer for SSL-VPN: 402 does not apply
}

resource "alicloud_snat_entry" "app_subnet" {
  snat_table_id = "stb-sz"
  source_cidr   = "10.8.1.0/24" # the application subnet, not the VPN client pool
  snat_ip       = "198.51.100.80"
}

# ---- Tencent Cloud: SM4 in both phases to the Shanghai branch; an SSL-VPN pushing the VPC only
resource "tencentcloud_vpn_customer_gateway" "shanghai_branch" {
  name              = "sh-branch"
  public_ip_address = "192.0.2.20" # organization.vpn_peers: Shanghai branch
}

resource "tencentcloud_vpn_connection" "to_shanghai" {
  name                      = "to-shanghai"
  vpc_id                    = "vpc-gz"
  vpn_gateway_id            = "vpngw-gz"
  customer_gateway_id       = tencentcloud_vpn_customer_gateway.shanghai_branch.id
  pre_share_key             = "example-only"
  ike_proto_encry_algorithm = "SM4"
  ipsec_encrypt_algorithm   = "SM4"
  security_group_policy {
    local_cidr_block  = "10.20.0.0/16"
    remote_cidr_block = ["10.120.0.0/16"]
  }
}

resource "tencentcloud_vpn_ssl_server" "staff" {
  vpn_gateway_id      = "vpngw-gz"
  ssl_vpn_server_name = "staff"
  local_address       = ["10.20.0.0/16"]
  remote_address      = "192.168.130.0/24"
}

# ---- Huawei Cloud: a GM-flavor gateway with SM4/SM3 policies
resource "huaweicloud_vpn_gateway" "gm" {
  name               = "zqt-gm"
  vpc_id             = "vpc-bj4"
  local_subnets      = ["10.30.0.0/16"]
  connect_subnet     = "subnet-bj4"
  availability_zones = ["cn-north-4a", "cn-north-4b"]
  flavor             = "GM"
  tags               = local.vpn
}

resource "huaweicloud_vpn_customer_gateway" "beijing_office" {
  name     = "bj-office"
  id_type  = "ip"
  id_value = "192.0.2.11"
}

resource "huaweicloud_vpn_connection" "to_beijing" {
  name                = "to-beijing"
  gateway_id          = huaweicloud_vpn_gateway.gm.id
  gateway_ip          = "eip-bj4"
  customer_gateway_id = huaweicloud_vpn_customer_gateway.beijing_office.id
  peer_subnets        = ["10.100.0.0/16"]
  vpn_type            = "static"
  psk                 = "example-only"
  ikepolicy {
    encryption_algorithm     = "sm4"
    authentication_algorithm = "sm3"
  }
  ipsecpolicy {
    encryption_algorithm     = "sm4"
    authentication_algorithm = "sm3"
  }
}

# ---- Volcengine: SM4/SM3 on the flat attributes
resource "volcengine_vpn_connection" "to_beijing" {
  vpn_connection_name   = "to-beijing"
  vpn_gateway_id        = "vgw-bj"
  customer_gateway_id   = "cgw-bj"
  local_subnet          = ["10.70.0.0/16"]
  remote_subnet         = ["10.100.0.0/16"]
  psk                   = "example-only"
  ike_config_enc_alg    = "sm4"
  ike_config_auth_alg   = "sm3"
  ipsec_config_enc_alg  = "sm4"
  ipsec_config_auth_alg = "sm3"
}

# ---- AWS China: no SM option (402 not applicable); Client VPN routes to the VPC only
resource "aws_customer_gateway" "beijing_office" {
  bgp_asn    = 65000
  ip_address = "192.0.2.12"
  type       = "ipsec.1"
}

resource "aws_ec2_client_vpn_endpoint" "staff" {
  server_certificate_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-000000000001"
  client_cidr_block      = "172.20.0.0/22"
  split_tunnel           = true
  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-000000000002"
  }
  connection_log_options {
    enabled = false
  }
  tags = local.vpn
}

resource "aws_ec2_client_vpn_route" "vpc" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  destination_cidr_block = "10.50.0.0/16"
  target_vpc_subnet_id   = "subnet-0aaa0000000000001"
}

resource "aws_ec2_client_vpn_authorization_rule" "vpc" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  target_network_cidr    = "10.50.0.0/16"
  authorize_all_groups   = true
}

# ---- Azure China: a Virtual WAN point-to-site gateway that hands clients no internet route
resource "azurerm_point_to_site_vpn_gateway" "staff" {
  name                        = "p2s-staff"
  location                    = "chinaeast2"
  resource_group_name         = "rg-wan"
  virtual_hub_id              = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-wan/providers/Microsoft.Network/virtualHubs/hub"
  vpn_server_configuration_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-wan/providers/Microsoft.Network/vpnServerConfigurations/cfg"
  scale_unit                  = 1
  connection_configuration {
    name = "staff"
    vpn_client_address_pool {
      address_prefixes = ["172.30.0.0/24"]
    }
  }
  tags = local.vpn
}
