provider "aws" {
  region = "cn-northwest-1"
}

variable "bastion_ingress" {
  type = map(object({ port = number, cidrs = list(string) }))
  default = {
    ssh   = { port = 22, cidrs = ["0.0.0.0/0"] }
    https = { port = 443, cidrs = ["0.0.0.0/0"] }
  }
}

variable "app_ingress" {
  type = map(object({ port = number, cidrs = list(string) }))
  default = {
    ssh   = { port = 22, cidrs = ["10.0.0.0/8"] }
    https = { port = 443, cidrs = ["0.0.0.0/0"] }
  }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0123456789abcdef0"

  dynamic "ingress" {
    for_each = var.bastion_ingress
    content {
      description = ingress.key
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0123456789abcdef0"

  dynamic "ingress" {
    for_each = var.app_ingress
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}
