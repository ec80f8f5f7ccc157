provider "tencentcloud" {
  region = "ap-guangzhou"
}

# SSH with no cidr_block: the module's try() default, the world.
module "bastion" {
  source = "../.."
  name   = "bastion"
  ingress = [
    { port = "22", description = "ssh" },
    { port = "443", cidr_block = "0.0.0.0/0" },
  ]
}

# Web only; the world-wide DROP ALL entry denies, it opens nothing.
module "web" {
  source = "../.."
  name   = "web"
  ingress = [
    { port = "80,443", cidr_block = "0.0.0.0/0" },
    { port = "22", cidr_block = "10.0.0.0/8" },
  ]
}
