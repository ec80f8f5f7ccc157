provider "aws" {
  region = "cn-north-1"
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.40.0.0/16", 8, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_instance" "worker" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
  subnet_id     = aws_subnet.private[count.index].id
  availability_zone = element(data.aws_availability_zones.available.names, count.index)
}
