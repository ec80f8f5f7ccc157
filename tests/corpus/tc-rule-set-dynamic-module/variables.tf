variable "name" {
  type = string
}

variable "ingress" {
  type    = any
  default = []
}

variable "deny_rest" {
  type    = bool
  default = true
}
