provider "huaweicloud" {
  region = "cn-north-4"
}

module "sg" {
  source = "../.."
  name   = "app"
  rules = [
    { port_range_min = "22", port_range_max = "22" },
    { port_range_min = "443", port_range_max = "443" },
    { port_range_min = "3389", port_range_max = "3389", remote_ip_prefix = "10.1.0.0/16" },
    { direction = "egress", port_range_min = "1", port_range_max = "65535" },
  ]
}
