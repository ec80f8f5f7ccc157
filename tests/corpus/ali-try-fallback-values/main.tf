provider "alicloud" {
  region = "cn-shenzhen"
}

variable "overrides" {
  type    = any
  default = {}
}

# try() on a missing key falls back to the literal: SSH from the world.
resource "alicloud_security_group_rule" "fallback_world" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = try(var.overrides.ssh_ports, "22/22")
  cidr_ip           = try(var.overrides.ssh_cidr, "0.0.0.0/0")
  security_group_id = "sg-wz9try"
}

# try() whose first argument is a literal: the literal (null only if it failed).
resource "alicloud_security_group_rule" "literal_first" {
  type                     = "ingress"
  ip_protocol              = "tcp"
  port_range               = "22/22"
  cidr_ip                  = try("10.0.0.0/8", null)
  source_security_group_id = try(var.overrides.source_group, null)
  security_group_id        = "sg-wz9try"
}

# coalesce() over an empty override and a management range.
resource "alicloud_security_group_rule" "coalesced" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "3389/3389"
  cidr_ip           = coalesce(lookup(var.overrides, "rdp_cidr", ""), "100.64.0.0/10")
  security_group_id = "sg-wz9try"
}
