provider "aws" {
  region = "cn-northwest-1"
}

variable "app_retention" {
  type = number # no default
}

# retention_in_days omitted: events never expire.
resource "aws_cloudwatch_log_group" "flow" {
  name = "/vpc/flow"
}

resource "aws_cloudwatch_log_group" "short" {
  name              = "/vpc/flow-short"
  retention_in_days = 90
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/access"
  retention_in_days = var.app_retention
  tags              = { log-class = "access" }
}

resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0ddd0000000000001"
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws-cn:iam::111122223333:role/flow-logs"
}

resource "aws_flow_log" "short" {
  vpc_id          = "vpc-0ddd0000000000002"
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.short.arn
  iam_role_arn    = "arn:aws-cn:iam::111122223333:role/flow-logs"
}
