# TGW peering inside the China partition, and one towards a global region passed into a local module.
provider "aws" {
  region = "cn-north-1"
}

resource "aws_ec2_transit_gateway" "bj" {
  description = "beijing hub"
}

module "to_ningxia" {
  source      = "./modules/tgw_peer"
  local_tgw   = aws_ec2_transit_gateway.bj.id
  peer_tgw    = "tgw-0nx0000000000001"
  peer_region = "cn-northwest-1"
}

module "to_virginia" {
  source      = "./modules/tgw_peer"
  local_tgw   = aws_ec2_transit_gateway.bj.id
  peer_tgw    = "tgw-0us0000000000001"
  peer_region = "us-east-1"
}

# Peering without peer_region: same region as the requester (provider default).
resource "aws_vpc_peering_connection" "same_region" {
  vpc_id      = "vpc-0aaa0000000000001"
  peer_vpc_id = "vpc-0bbb0000000000001"
}

# Site-to-site VPN to an on-premises gateway known only by its public IP.
resource "aws_customer_gateway" "office" {
  bgp_asn    = 65010
  ip_address = "203.0.113.10"
  type       = "ipsec.1"
}

resource "aws_vpn_connection" "office" {
  customer_gateway_id = aws_customer_gateway.office.id
  transit_gateway_id  = aws_ec2_transit_gateway.bj.id
  type                = "ipsec.1"
}
