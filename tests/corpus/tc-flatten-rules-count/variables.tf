variable "security_group_id" {
  type = string
}

variable "ingress_rules" {
  type    = list(string)
  default = []
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = []
}

variable "ingress_policy" {
  type    = string
  default = "ACCEPT"
}

variable "rules" {
  type = map(list(string))
  default = {
    "ssh-tcp"   = ["22", "22", "TCP", "SSH"]
    "https-tcp" = ["443", "443", "TCP", "HTTPS"]
    "mysql-tcp" = ["3306", "3306", "TCP", "MySQL"]
  }
}
