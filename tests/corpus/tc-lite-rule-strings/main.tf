provider "tencentcloud" {
  region = "ap-guangzhou"
}

locals {
  admin_ports = [22, 3389]
}

# "ACTION#CIDR#PORT#PROTOCOL" strings; the first one opens SSH to the world.
resource "tencentcloud_security_group_lite_rule" "jump" {
  security_group_id = "sg-jump0001"
  ingress = [
    "ACCEPT#0.0.0.0/0#22#TCP",
    "ACCEPT#10.0.0.0/8#3389#TCP",
    "DROP#0.0.0.0/0#ALL#ALL",
  ]
}

# Built with a for expression: admin ports from the management range only, web from anywhere.
resource "tencentcloud_security_group_lite_rule" "web" {
  security_group_id = "sg-web00001"
  ingress = concat(
    [for p in local.admin_ports : "ACCEPT#100.64.0.0/10#${p}#TCP"],
    ["ACCEPT#0.0.0.0/0#443#TCP", "DROP#0.0.0.0/0#ALL#ALL"],
  )
}

# A DROP entry for SSH from the world does not expose it.
resource "tencentcloud_security_group_lite_rule" "locked" {
  security_group_id = "sg-locked01"
  ingress           = ["DROP#0.0.0.0/0#22#TCP"]
}
