# Old-generation type names (_v2), rules from a list of maps with lookup() defaults.
resource "huaweicloud_networking_secgroup_v2" "this" {
  count       = var.security_group_id == "" ? 1 : 0
  name        = var.name
  description = "managed by the sg module"
}

resource "huaweicloud_networking_secgroup_rule_v2" "this" {
  count             = length(var.rules)
  direction         = lookup(var.rules[count.index], "direction", "ingress")
  ethertype         = lookup(var.rules[count.index], "ethertype", "IPv4")
  protocol          = lookup(var.rules[count.index], "protocol", "tcp")
  port_range_min    = lookup(var.rules[count.index], "port_range_min")
  port_range_max    = lookup(var.rules[count.index], "port_range_max")
  remote_ip_prefix  = lookup(var.rules[count.index], "remote_ip_prefix", "0.0.0.0/0")
  security_group_id = var.security_group_id == "" ? join("", huaweicloud_networking_secgroup_v2.this.*.id) : var.security_group_id
}
