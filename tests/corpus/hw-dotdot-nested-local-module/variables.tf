variable "name" {
  type = string
}

variable "cidr" {
  type    = string
  default = "192.168.0.0/16"
}

variable "open_ports" {
  type    = map(string)
  default = {}
}
