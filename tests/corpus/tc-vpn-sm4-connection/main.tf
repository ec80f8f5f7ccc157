provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "ipsec_cipher" {
  type = string # no default
}

resource "tencentcloud_vpn_gateway" "gw" {
  name      = "vpngw-gz"
  vpc_id    = "vpc-gz000001"
  bandwidth = 10
  zone      = "ap-guangzhou-3"
  type      = "IPSEC"
}

resource "tencentcloud_vpn_customer_gateway" "idc" {
  name              = "idc-gz"
  public_ip_address = "203.0.113.30"
}

resource "tencentcloud_vpn_connection" "sm" {
  name                       = "conn-sm"
  vpc_id                     = "vpc-gz000001"
  vpn_gateway_id             = tencentcloud_vpn_gateway.gw.id
  customer_gateway_id        = tencentcloud_vpn_customer_gateway.idc.id
  pre_share_key              = "example-only"
  ike_proto_encry_algorithm  = "SM4"
  ike_proto_authen_algorithm = "SHA-256"
  ipsec_encrypt_algorithm    = "SM4"
  ipsec_integrity_algorithm  = "SHA-256"
  security_group_policy {
    local_cidr_block  = "10.0.0.0/16"
    remote_cidr_block = ["10.210.0.0/16"]
  }
}

# Algorithms omitted: schema defaults 3DES-CBC / MD5.
resource "tencentcloud_vpn_connection" "defaults" {
  name                = "conn-default"
  vpc_id              = "vpc-gz000001"
  vpn_gateway_id      = tencentcloud_vpn_gateway.gw.id
  customer_gateway_id = tencentcloud_vpn_customer_gateway.idc.id
  pre_share_key       = "example-only"
  security_group_policy {
    local_cidr_block  = "10.0.0.0/16"
    remote_cidr_block = ["10.211.0.0/16"]
  }
}

resource "tencentcloud_vpn_connection" "from_input" {
  name                      = "conn-input"
  vpc_id                    = "vpc-gz000001"
  vpn_gateway_id            = tencentcloud_vpn_gateway.gw.id
  customer_gateway_id       = tencentcloud_vpn_customer_gateway.idc.id
  pre_share_key             = "example-only"
  ike_proto_encry_algorithm = "SM4"
  ipsec_encrypt_algorithm   = var.ipsec_cipher
  security_group_policy {
    local_cidr_block  = "10.0.0.0/16"
    remote_cidr_block = ["10.212.0.0/16"]
  }
}

resource "tencentcloud_vpn_ssl_server" "clients" {
  vpn_gateway_id      = "vpngw-ssl00001"
  ssl_vpn_server_name = "ssl-gz"
  local_address       = ["10.0.0.0/16"]
  remote_address      = "192.168.200.0/24"
  encrypt_algorithm   = "AES-256-CBC"
  integrity_algorithm = "SHA1"
}
