# Compliant AWS China stack: everything in the filed machine room BJ-AWS (cn-north-1), management ports
# open to the management networks only, trust only for our own account and AWS services, private EKS API.
resource "aws_vpc" "core" {
  cidr_block           = "10.70.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "zqt-core" }
}

resource "aws_subnet" "app_a" {
  vpc_id            = aws_vpc.core.id
  cidr_block        = "10.70.1.0/24"
  availability_zone = "cn-north-1a"
  tags              = { Name = "zqt-app-a" }
}

resource "aws_subnet" "app_b" {
  vpc_id            = aws_vpc.core.id
  cidr_block        = "10.70.2.0/24"
  availability_zone = "cn-north-1b"
  tags              = { Name = "zqt-app-b" }
}

resource "aws_security_group" "mgmt" {
  name        = "zqt-mgmt"
  description = "Management access from the operator networks only"
  vpc_id      = aws_vpc.core.id

  ingress {
    description = "SSH from the office network"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    description = "Public web"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "rdp_from_bastion" {
  security_group_id = aws_security_group.mgmt.id
  description       = "RDP from the bastion network"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "100.64.0.0/10"
}

resource "aws_security_group_rule" "kubelet_from_vpc" {
  type              = "ingress"
  security_group_id = aws_security_group.mgmt.id
  protocol          = "tcp"
  from_port         = 10250
  to_port           = 10250
  cidr_blocks       = ["10.70.0.0/16"]
}

resource "aws_instance" "controller" {
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "m6i.large"
  availability_zone      = "cn-north-1a"
  subnet_id              = aws_subnet.app_a.id
  vpc_security_group_ids = [aws_security_group.mgmt.id]
  tags                   = { Name = "zqt-controller", "license-service" = "idc", "system-role" = "control" }
}

resource "aws_kms_key" "data" {
  description         = "zqt data key"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "audit" {
  provider = aws.audit
  bucket   = "zqt-audit-${local.account_id}"
  tags     = { "system-role" = "audit" }
}

resource "aws_iam_role" "eks_cluster" {
  name = "zqt-eks-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "eks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role" "operators" {
  name = "zqt-operators"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws-cn:iam::${local.account_id}:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

resource "aws_eks_cluster" "platform" {
  name     = "zqt-platform"
  role_arn = aws_iam_role.eks_cluster.arn
  version  = "1.31"

  vpc_config {
    subnet_ids              = [aws_subnet.app_a.id, aws_subnet.app_b.id]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

module "audit_logs" {
  source    = "./modules/audit_logs"
  providers = { aws = aws.audit }

  retention_in_days = 180 # SP-9 / Cybersecurity Law art. 21: at least six months
}
