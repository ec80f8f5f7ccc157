variable "region" {
  type        = string
  description = "Region of the filed machine room GZ-TENCENT (TE-2025-0031)"
  default     = "ap-guangzhou"
}

variable "app_id" {
  type        = string
  description = "Tencent Cloud APPID, suffix of every COS bucket name"
  default     = "1250000000"
}

locals {
  home_region = "ap-guangzhou"
  # GZ-TENCENT covers zones 3 and 4 of Guangzhou only.
  zones    = ["ap-guangzhou-3", "ap-guangzhou-4"]
  idc_tags = { "license-service" = "idc", "system-role" = "control", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}
