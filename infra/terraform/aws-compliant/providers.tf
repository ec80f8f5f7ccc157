terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# AWS China (aws-cn partition). The region comes from terraform.tfvars, which overrides the variable's default.
provider "aws" {
  region = var.region

  default_tags {
    tags = local.default_tags
  }
}

# The audit role of our own account, same filed room (BJ-AWS).
provider "aws" {
  alias  = "audit"
  region = var.region

  assume_role {
    role_arn     = "arn:aws-cn:iam::111122223333:role/zqt-audit"
    session_name = "terraform-audit"
  }

  default_tags {
    tags = local.default_tags
  }
}
