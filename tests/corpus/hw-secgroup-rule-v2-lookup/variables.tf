variable "name" {
  type    = string
  default = "sg"
}

variable "security_group_id" {
  type    = string
  default = ""
}

variable "rules" {
  type    = list(map(string))
  default = []
}
