variable "region" {
  type        = string
  description = "AWS China region. The default is the Ningxia region; this environment sets Beijing in terraform.tfvars."
  default     = "cn-northwest-1"
}

locals {
  default_tags = { "license-service" = "isp", "system-role" = "platform", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
  account_id   = "111122223333"
}
