provider "alicloud" {
  region = "cn-shenzhen"
}

module "sg" {
  source     = "../.."
  group_name = "edge-web"
  vpc_id     = "vpc-wz9example"

  ingress_with_cidr_blocks = [
    { from_port = 22, to_port = 22 },                               # no cidr_block: the module default, the world
    { from_port = 443, to_port = 443, cidr_block = "0.0.0.0/0" },
    { from_port = 3389, to_port = 3389, cidr_block = "10.20.0.0/16" },
  ]
}
