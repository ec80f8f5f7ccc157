# A security-group module: one rule per entry of var.ingress_with_cidr_blocks; an entry that names no
# cidr_block falls back to the module-wide default.
resource "alicloud_security_group" "this" {
  security_group_name = var.group_name
  vpc_id              = var.vpc_id
}

resource "alicloud_security_group_rule" "ingress" {
  count             = length(var.ingress_with_cidr_blocks)
  type              = "ingress"
  nic_type          = "intranet"
  policy            = "accept"
  security_group_id = alicloud_security_group.this.id
  ip_protocol       = lookup(var.ingress_with_cidr_blocks[count.index], "protocol", "tcp")
  port_range        = "${lookup(var.ingress_with_cidr_blocks[count.index], "from_port", 1)}/${lookup(var.ingress_with_cidr_blocks[count.index], "to_port", 65535)}"
  cidr_ip           = lookup(var.ingress_with_cidr_blocks[count.index], "cidr_block", var.default_cidr)
  priority          = lookup(var.ingress_with_cidr_blocks[count.index], "priority", 1)
}
