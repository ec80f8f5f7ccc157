provider "aws" {
  region = "cn-north-1"
}

variable "allow_internet" {
  type    = bool
  default = true
}

variable "second_endpoint_internet" {
  type    = bool
  default = false
}

resource "aws_ec2_client_vpn_endpoint" "staff" {
  description            = "staff"
  server_certificate_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-00000000000a"
  client_cidr_block      = "172.20.0.0/22"
  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-00000000000b"
  }
  connection_log_options {
    enabled = false
  }
}

resource "aws_ec2_client_vpn_network_association" "a" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  subnet_id              = "subnet-0aaa0000000000001"
}

resource "aws_ec2_client_vpn_route" "vpc" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  destination_cidr_block = "10.50.0.0/16"
  target_vpc_subnet_id   = aws_ec2_client_vpn_network_association.a.subnet_id
}

resource "aws_ec2_client_vpn_route" "internet" {
  count                  = var.allow_internet ? 1 : 0
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  destination_cidr_block = "0.0.0.0/0"
  target_vpc_subnet_id   = aws_ec2_client_vpn_network_association.a.subnet_id
}

resource "aws_ec2_client_vpn_authorization_rule" "internet" {
  count                  = var.allow_internet ? 1 : 0
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  target_network_cidr    = "0.0.0.0/0"
  authorize_all_groups   = true
}

# Gated off: no instance exists.
resource "aws_ec2_client_vpn_route" "second_internet" {
  count                  = var.second_endpoint_internet ? 1 : 0
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.staff.id
  destination_cidr_block = "0.0.0.0/0"
  target_vpc_subnet_id   = aws_ec2_client_vpn_network_association.a.subnet_id
}
