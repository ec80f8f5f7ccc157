# A rule-set module: ingress entries come from a list; optional trailing deny-all.
resource "tencentcloud_security_group" "this" {
  name = var.name
}

resource "tencentcloud_security_group_rule_set" "this" {
  security_group_id = tencentcloud_security_group.this.id

  dynamic "ingress" {
    for_each = var.ingress
    content {
      action      = try(ingress.value.action, "ACCEPT")
      cidr_block  = try(ingress.value.cidr_block, "0.0.0.0/0")
      protocol    = try(ingress.value.protocol, "TCP")
      port        = ingress.value.port
      description = try(ingress.value.description, "")
    }
  }

  dynamic "ingress" {
    for_each = var.deny_rest ? ["deny"] : []
    content {
      action     = "DROP"
      cidr_block = "0.0.0.0/0"
      protocol   = "ALL"
      port       = "ALL"
    }
  }
}
