provider "aws" {
  region = "cn-north-1"
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# Our own account (caller identity) and an EC2 service principal in the China partition.
resource "aws_iam_role" "ops" {
  name = "ops-break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ec2.amazonaws.com.cn" }
      },
    ]
  })
}

data "aws_iam_policy_document" "ci_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "ci" {
  name               = "ci-deployer"
  assume_role_policy = data.aws_iam_policy_document.ci_trust.json
}

variable "auditor_account" {
  type    = string
  default = "444455556666"
}

# An outside auditor's account, written as a heredoc.
resource "aws_iam_role" "auditor" {
  name               = "external-auditor"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"AWS": "arn:aws-cn:iam::${var.auditor_account}:root"}
      }]
    }
  EOT
}
