variable "region" {
  type        = string
  description = "Home region of the control plane"
}

locals {
  south_region = "cn-shenzhen"
  idc_tags     = { "license-service" = "idc", "system-role" = "control" }
}
