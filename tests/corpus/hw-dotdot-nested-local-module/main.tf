# The repository's root module: a VPC plus a nested local module, reached from examples/complete with "../../".
resource "huaweicloud_vpc" "this" {
  name = var.name
  cidr = var.cidr
}

module "sg" {
  source     = "./modules/secgroup"
  name       = "${var.name}-sg"
  open_ports = var.open_ports
}
