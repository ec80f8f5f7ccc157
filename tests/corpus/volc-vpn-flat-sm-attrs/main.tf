provider "volcengine" {
  region = "cn-shanghai"
}

resource "volcengine_vpn_connection" "sm" {
  vpn_connection_name   = "conn-sm"
  vpn_gateway_id        = "vgw-sh000001"
  customer_gateway_id   = "cgw-sh000001"
  local_subnet          = ["10.70.0.0/16"]
  remote_subnet         = ["10.230.0.0/16"]
  ike_config_psk        = "exampleonly"
  ike_config_version    = "ikev2"
  ike_config_enc_alg    = "sm4"
  ike_config_auth_alg   = "sm3"
  ipsec_config_enc_alg  = "sm4"
  ipsec_config_auth_alg = "sm3"
}

# Enc algs omitted (aes); auth set to sm3 only.
resource "volcengine_vpn_connection" "half" {
  vpn_connection_name   = "conn-half"
  vpn_gateway_id        = "vgw-sh000001"
  customer_gateway_id   = "cgw-sh000002"
  local_subnet          = ["10.70.0.0/16"]
  remote_subnet         = ["10.231.0.0/16"]
  ike_config_psk        = "exampleonly"
  ike_config_auth_alg   = "sm3"
  ipsec_config_auth_alg = "sm3"
}
