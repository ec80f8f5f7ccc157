provider "tencentcloud" {
  region = "ap-beijing"
}

variable "vpc_cidr" {
  type    = string
  default = "10.90.0.0/16"
}

resource "tencentcloud_vpn_ssl_server" "split" {
  vpn_gateway_id      = "vpngw-bj000001"
  ssl_vpn_server_name = "ssl-split"
  local_address       = [var.vpc_cidr]
  remote_address      = "192.168.210.0/24"
}

resource "tencentcloud_vpn_ssl_server" "full" {
  vpn_gateway_id      = "vpngw-bj000002"
  ssl_vpn_server_name = "ssl-full"
  local_address       = [var.vpc_cidr, "0.0.0.0/0"]
  remote_address      = "192.168.211.0/24"
}
