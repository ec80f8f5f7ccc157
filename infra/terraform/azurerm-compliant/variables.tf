variable "location" {
  type        = string
  description = "Azure China location of the filed machine room SH-AZURE (TE-2025-0078)"
  default     = "chinaeast2"
}

variable "subscription_id" {
  type    = string
  default = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
}

variable "mgmt_subscription_id" {
  type    = string
  default = "6a2d3e4f-5b6c-4d7e-8f90-a1b2c3d4e5f6"
}

variable "admin_ssh_public_key" {
  type    = string
  default = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ0m3Xq6bq1ZQ2n0mV3oV0m4hCw3oYx0Yp2k9s5f7Gx1 ops@example-operator.cn"
}

locals {
  tenant_id = "00000000-0000-0000-0000-000000000001"
  tags      = { "license-service" = "isp", "system-role" = "platform", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}
