variable "group_id" {
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

variable "rules" {
  type = map(list(any))
  default = {
    "https-443-tcp" = [443, 443, "tcp", "HTTPS"]
    "ssh-22-tcp"    = [22, 22, "tcp", "SSH"]
    "rdp-3389-tcp"  = [3389, 3389, "tcp", "RDP"]
    "mysql-3306-tcp" = [3306, 3306, "tcp", "MySQL"]
  }
}
