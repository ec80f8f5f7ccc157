provider "aws" {
  region = "cn-north-1"
}

resource "aws_ec2_managed_prefix_list" "anywhere" {
  name           = "anywhere"
  address_family = "IPv4"
  max_entries    = 2
  entry {
    cidr        = "0.0.0.0/1"
    description = "lower half"
  }
  entry {
    cidr        = "128.0.0.0/1"
    description = "upper half"
  }
}

resource "aws_ec2_managed_prefix_list" "ops" {
  name           = "ops-networks"
  address_family = "IPv4"
  max_entries    = 1
  entry {
    cidr = "10.0.0.0/8"
  }
}

# SSH from a prefix list that covers the whole IPv4 internet.
resource "aws_vpc_security_group_ingress_rule" "ssh_anywhere" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_id    = aws_ec2_managed_prefix_list.anywhere.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh_ops" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_id    = aws_ec2_managed_prefix_list.ops.id
}
