provider "huaweicloud" {
  region = "cn-east-3"
}

variable "partner_pool" {
  type = string # no default
}

resource "huaweicloud_vpn_server" "staff" {
  p2c_vgw_id       = "p2c-vgw-0001"
  client_cidr      = "172.30.0.0/22"
  local_subnets    = ["10.60.0.0/16"]
  client_auth_type = "CERT"
}

resource "huaweicloud_nat_gateway" "exit" {
  name      = "nat-exit"
  spec      = "1"
  vpc_id    = "vpc-sh-0001"
  subnet_id = "subnet-sh-0001"
}

# "DC side" SNAT (source_type 1) for the P2C client range.
resource "huaweicloud_nat_snat_rule" "vpn_clients" {
  nat_gateway_id = huaweicloud_nat_gateway.exit.id
  floating_ip_id = "eip-sh-0001"
  source_type    = 1
  cidr           = "172.30.0.0/22"
}

# VPC-side SNAT for an application subnet.
resource "huaweicloud_nat_snat_rule" "apps" {
  nat_gateway_id = huaweicloud_nat_gateway.exit.id
  floating_ip_id = "eip-sh-0002"
  subnet_id      = "subnet-sh-apps"
}

resource "huaweicloud_nat_snat_rule" "partner" {
  nat_gateway_id = huaweicloud_nat_gateway.exit.id
  floating_ip_id = "eip-sh-0003"
  source_type    = 1
  cidr           = var.partner_pool
}
