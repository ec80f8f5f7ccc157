# Rules are named; each name maps to [from_port, to_port, protocol, description]. One rule is created
# per (named rule, cidr) pair.
locals {
  pairs = flatten([
    for name in var.ingress_rules : [
      for cidr in var.ingress_cidr_blocks : { rule = name, cidr = cidr }
    ]
  ])
}

resource "alicloud_security_group_rule" "named" {
  count             = length(local.pairs)
  type              = "ingress"
  policy            = "accept"
  nic_type          = "intranet"
  security_group_id = var.group_id
  ip_protocol       = var.rules[local.pairs[count.index].rule][2]
  port_range        = "${var.rules[local.pairs[count.index].rule][0]}/${var.rules[local.pairs[count.index].rule][1]}"
  cidr_ip           = local.pairs[count.index].cidr
  description       = var.rules[local.pairs[count.index].rule][3]
}
