provider "alicloud" {
  region = "cn-shenzhen"
}

variable "extra_ingress" {
  type    = list(object({ port = number, cidr = string }))
  default = []
}

variable "named_ingress" {
  type    = map(object({ port = number, cidr = string }))
  default = {}
}

variable "create_bastion_rule" {
  type    = bool
  default = false
}

# Nothing in the list: no instance exists.
resource "alicloud_security_group_rule" "extra" {
  count             = length(var.extra_ingress)
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${var.extra_ingress[count.index].port}/${var.extra_ingress[count.index].port}"
  cidr_ip           = var.extra_ingress[count.index].cidr
  security_group_id = "sg-wz9base"
}

# An empty map: no instance exists.
resource "alicloud_security_group_rule" "named" {
  for_each          = var.named_ingress
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${each.value.port}/${each.value.port}"
  cidr_ip           = each.value.cidr
  security_group_id = "sg-wz9base"
}

# Switched off: the world-open SSH rule is never created.
resource "alicloud_security_group_rule" "bastion" {
  count             = var.create_bastion_rule ? 1 : 0
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "0.0.0.0/0"
  security_group_id = "sg-wz9base"
}

# The one rule that does exist.
resource "alicloud_security_group_rule" "ops_ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "10.8.0.0/16"
  security_group_id = "sg-wz9base"
}
