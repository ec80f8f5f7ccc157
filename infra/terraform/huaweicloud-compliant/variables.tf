variable "region" {
  type        = string
  description = "Region of the filed machine room BJ-HUAWEI (TE-2025-0032); set in terraform.tfvars"
}

locals {
  audit_region = var.region
  zone         = "${var.region}a"
  base_tags    = { "license-service" = "isp", "system-role" = "control", "protection-grade" = "二级", "security-filing" = "MIIT-SEC-2024-0302" }
}
