# Violating AWS China stack: every resource here breaks the permit on purpose (see expected.yaml).

# SP-15(3)/SP-16(3): a proxy in Hong Kong is outside mainland China.
resource "aws_instance" "hk_proxy" {
  provider          = aws.hk
  ami               = "ami-0c9e2a1b3d4f5a6b7"
  instance_type     = "t3.small"
  availability_zone = "ap-east-1a"
  tags              = { Name = "zqt-hk-proxy", "license-service" = "isp" }
}

# SP-15(3): user data backed up abroad.
resource "aws_s3_bucket" "oregon_backup" {
  provider = aws.oregon
  bucket   = "zqt-backup-us-west-2"
}

# SP-2: IDC rooms are not licensed in Ningxia.
resource "aws_instance" "ningxia_idc" {
  provider          = aws.ningxia
  ami               = "ami-0d1e2f3a4b5c6d7e8"
  instance_type     = "m6i.large"
  availability_zone = "cn-northwest-1a"
  tags              = { Name = "zqt-nx-idc", "license-service" = "idc" }
}

# SP-15(4)/(6): Ningxia is inside ISP coverage, but it is a new machine room, and the prior-filing tag
# reuses the filing of the Beijing room (TE-2025-0077), whose scope is cn-north-1.
resource "aws_ebs_volume" "ningxia_data" {
  provider          = aws.ningxia
  availability_zone = "cn-northwest-1b"
  size              = 500
  type              = "gp3"
  encrypted         = true
  tags              = { Name = "zqt-nx-data", "license-service" = "isp", "prior-filing" = "TE-2025-0077" }
}

# Location cannot be established: the provider's region id is misspelt.
resource "aws_s3_bucket" "typo" {
  provider = aws.typo
  bucket   = "zqt-typo"
}

# SP-15(3): another AWS account (a contractor) may assume an administrator role.
resource "aws_iam_role" "contractor_admin" {
  name = "contractor-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = ["arn:aws-cn:iam::111122223333:root", "arn:aws-cn:iam::444455556666:root"] }
    }]
  })
}

# SP-15(3): a wildcard principal, narrowed only by a condition.
resource "aws_iam_role" "anyone_with_external_id" {
  name = "anyone-with-external-id"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEquals = { "sts:ExternalId" = "zqt-7f3a" } }
    }]
  })
}

# SP-15(3): SSH from anywhere, inline in the security group.
resource "aws_security_group" "bastion" {
  name        = "zqt-bastion"
  description = "Bastion"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# SP-15(3): every port, every protocol, from anywhere.
resource "aws_vpc_security_group_ingress_rule" "all_open" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# SP-15(3): the EKS API endpoint is public (the provider default) and open to 0.0.0.0/0.
resource "aws_eks_cluster" "public_api" {
  name     = "zqt-public"
  role_arn = "arn:aws-cn:iam::111122223333:role/zqt-eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}
