provider "aws" {
  region = "cn-northwest-1"
}

resource "aws_customer_gateway" "plant" {
  bgp_asn    = 65030
  ip_address = "203.0.113.50"
  type       = "ipsec.1"
}

resource "aws_vpn_gateway" "vgw" {
  vpc_id = "vpc-0ccc0000000000001"
}

resource "aws_vpn_connection" "plant" {
  vpn_gateway_id                       = aws_vpn_gateway.vgw.id
  customer_gateway_id                  = aws_customer_gateway.plant.id
  type                                 = "ipsec.1"
  tunnel1_phase1_encryption_algorithms = ["AES256"]
  tunnel1_phase2_encryption_algorithms = ["AES256-GCM-16"]
}
