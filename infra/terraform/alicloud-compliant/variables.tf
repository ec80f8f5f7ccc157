variable "region" {
  type        = string
  description = "Home region of the control plane"
}

locals {
  south_region = "cn-shenzhen"
  idc_tags     = { "license-service" = "idc", "system-role" = "control", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}
