variable "name" {
  type = string
}

variable "open_ports" {
  type        = map(string)
  description = "comma-separated port list => source CIDR"
}

resource "huaweicloud_networking_secgroup" "this" {
  name                 = var.name
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "this" {
  for_each          = var.open_ports
  security_group_id = huaweicloud_networking_secgroup.this.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = each.key
  remote_ip_prefix  = each.value
}
