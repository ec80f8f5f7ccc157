variable "region" {
  type        = string
  description = "AWS China region. The default is the Ningxia region; this environment sets Beijing in terraform.tfvars."
  default     = "cn-northwest-1"
}

locals {
  default_tags = { "license-service" = "isp", "system-role" = "platform" }
  account_id   = "111122223333"
}
