terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "retention_in_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/zqt/vpc-flow-logs"
  retention_in_days = var.retention_in_days
}
