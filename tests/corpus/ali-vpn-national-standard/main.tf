provider "alicloud" {
  region = "cn-shanghai"
}

resource "alicloud_vpn_gateway" "gm" {
  vpn_gateway_name = "vpn-gm"
  vpc_id           = "vpc-sh0001"
  vswitch_id       = "vsw-sh0001"
  bandwidth        = 100
  vpn_type         = "NationalStandard"
  enable_ipsec     = true
  payment_type     = "Subscription"
}

# vpn_type omitted: provider default Normal (international algorithms only).
resource "alicloud_vpn_gateway" "plain" {
  vpn_gateway_name = "vpn-plain"
  vpc_id           = "vpc-sh0001"
  vswitch_id       = "vsw-sh0001"
  bandwidth        = 10
  enable_ipsec     = true
  enable_ssl       = true
  payment_type     = "Subscription"
}

resource "alicloud_vpn_customer_gateway" "branch" {
  customer_gateway_name = "branch-sh"
  ip_address            = "203.0.113.20"
}

resource "alicloud_vpn_connection" "gm_link" {
  vpn_gateway_id      = alicloud_vpn_gateway.gm.id
  customer_gateway_id = alicloud_vpn_customer_gateway.branch.id
  local_subnet        = ["10.1.0.0/16"]
  remote_subnet       = ["10.201.0.0/16"]
  ike_config {
    ike_version  = "ikev2"
    ike_enc_alg  = "sm4"
    ike_auth_alg = "sm3"
    psk          = "example-only"
  }
  ipsec_config {
    ipsec_enc_alg  = "sm4"
    ipsec_auth_alg = "sm3"
  }
}

# Dual-tunnel form on the Normal gateway with AES.
resource "alicloud_vpn_connection" "aes_link" {
  vpn_gateway_id = alicloud_vpn_gateway.plain.id
  local_subnet   = ["10.2.0.0/16"]
  remote_subnet  = ["10.202.0.0/16"]
  tunnel_options_specification {
    customer_gateway_id = alicloud_vpn_customer_gateway.branch.id
    role                = "master"
    tunnel_ike_config {
      ike_enc_alg  = "aes256"
      ike_auth_alg = "sha1"
    }
    tunnel_ipsec_config {
      ipsec_enc_alg  = "aes256"
      ipsec_auth_alg = "sha256"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = alicloud_vpn_customer_gateway.branch.id
    role                = "slave"
    tunnel_ike_config {
      ike_enc_alg = "aes256"
    }
    tunnel_ipsec_config {
      ipsec_enc_alg = "aes256"
    }
  }
}

resource "alicloud_ssl_vpn_server" "clients" {
  name           = "ssl-clients"
  vpn_gateway_id = alicloud_vpn_gateway.plain.id
  client_ip_pool = "192.168.100.0/24"
  local_subnet   = "10.2.0.0/16"
  cipher         = "AES-256-CBC"
}
