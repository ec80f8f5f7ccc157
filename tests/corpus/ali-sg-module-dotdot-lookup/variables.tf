variable "group_name" {
  type    = string
  default = "sg-module"
}

variable "vpc_id" {
  type    = string
  default = ""
}

variable "ingress_with_cidr_blocks" {
  type    = list(map(string))
  default = []
}

variable "default_cidr" {
  type    = string
  default = "0.0.0.0/0"
}
