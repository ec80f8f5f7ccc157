provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_vpn_gateway" "gm" {
  name               = "vpngw-gm"
  vpc_id             = "vpc-bj-0001"
  local_subnets      = ["10.30.0.0/16"]
  connect_subnet     = "subnet-bj-0001"
  availability_zones = ["cn-north-4a", "cn-north-4b"]
  flavor             = "GM"
}

# flavor omitted: Professional1.
resource "huaweicloud_vpn_gateway" "standard" {
  name               = "vpngw-std"
  vpc_id             = "vpc-bj-0001"
  local_subnets      = ["10.31.0.0/16"]
  connect_subnet     = "subnet-bj-0001"
  availability_zones = ["cn-north-4a", "cn-north-4b"]
}

resource "huaweicloud_vpn_customer_gateway" "office" {
  name     = "cgw-office"
  id_value = "203.0.113.40"
}

resource "huaweicloud_vpn_connection" "gm" {
  name                = "conn-gm"
  gateway_id          = huaweicloud_vpn_gateway.gm.id
  gateway_ip          = "eip-gm-0001"
  customer_gateway_id = huaweicloud_vpn_customer_gateway.office.id
  peer_subnets        = ["10.220.0.0/16"]
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

# Policies omitted: aes-128 / sha2-256.
resource "huaweicloud_vpn_connection" "standard" {
  name                = "conn-std"
  gateway_id          = huaweicloud_vpn_gateway.standard.id
  gateway_ip          = "eip-std-0001"
  customer_gateway_id = huaweicloud_vpn_customer_gateway.office.id
  peer_subnets        = ["10.221.0.0/16"]
  vpn_type            = "static"
  psk                 = "example-only"
}
