# A preset: always opens the rules it is named for, plus whatever the caller adds.
variable "group_id" {
  type = string
}

variable "extra_rules" {
  type    = list(string)
  default = []
}

variable "cidr_blocks" {
  type    = list(string)
  default = []
}

locals {
  preset_rules = ["https-443-tcp", "ssh-22-tcp"]
}

module "sg" {
  source              = "../.."
  group_id            = var.group_id
  ingress_rules       = concat(local.preset_rules, var.extra_rules)
  ingress_cidr_blocks = var.cidr_blocks
}
