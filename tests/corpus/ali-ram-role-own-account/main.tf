provider "alicloud" {
  region = "cn-shenzhen"
}

data "alicloud_account" "current" {}

variable "partner_account" {
  type    = string
  default = "5550001112223334"
}

# The caller's own account (through the account data source) and ECS: first party.
resource "alicloud_ram_role" "ops" {
  role_name = "ops-automation"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action = "sts:AssumeRole"
      Effect = "Allow"
      Principal = {
        RAM     = ["acs:ram::${data.alicloud_account.current.id}:root"]
        Service = ["ecs.aliyuncs.com"]
      }
    }]
  })
}

# The same written as a heredoc.
resource "alicloud_ram_role" "ops_heredoc" {
  role_name                   = "ops-automation-2"
  assume_role_policy_document = <<-DOC
    {
      "Version": "1",
      "Statement": [{
        "Action": "sts:AssumeRole",
        "Effect": "Allow",
        "Principal": {"RAM": ["acs:ram::${data.alicloud_account.current.id}:root"]}
      }]
    }
  DOC
}

# A partner's account from a variable default: third party.
resource "alicloud_ram_role" "partner" {
  role_name = "partner-readonly"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { RAM = ["acs:ram::${var.partner_account}:root"] }
    }]
  })
}
