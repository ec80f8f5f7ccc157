provider "huaweicloud" {
  region = "cn-north-4"
}

module "stack" {
  source = "../../"
  name   = "demo"
  open_ports = {
    "80,443"    = "0.0.0.0/0"
    "22,3389"   = "0.0.0.0/0"
    "8000-8100" = "10.0.0.0/8"
  }
}
