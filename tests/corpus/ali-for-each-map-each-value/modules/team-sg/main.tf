variable "group_id" {
  type = string
}

variable "ssh_cidr" {
  type = string
}

resource "alicloud_security_group_rule" "ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = var.ssh_cidr
  security_group_id = var.group_id
}
