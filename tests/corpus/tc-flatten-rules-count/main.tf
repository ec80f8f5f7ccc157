# One tencentcloud_security_group_rule per (named rule, cidr) pair.
locals {
  pairs = flatten([
    for rule_name in var.ingress_rules : [
      for cidr in var.ingress_cidr_blocks : {
        rule   = rule_name
        cidr   = cidr
        policy = var.ingress_policy
      }
    ]
  ])
}

resource "tencentcloud_security_group_rule" "ingress" {
  count             = length(local.pairs)
  security_group_id = var.security_group_id
  type              = "ingress"
  ip_protocol       = var.rules[lookup(local.pairs[count.index], "rule")][2]
  port_range        = var.rules[lookup(local.pairs[count.index], "rule")][0]
  cidr_ip           = lookup(local.pairs[count.index], "cidr")
  policy            = lookup(local.pairs[count.index], "policy", "ACCEPT")
  description       = var.rules[lookup(local.pairs[count.index], "rule")][3]
}
