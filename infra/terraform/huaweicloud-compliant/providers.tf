terraform {
  required_version = ">= 1.5"
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = "~> 1.70"
    }
  }
}

# Credentials come from HW_ACCESS_KEY / HW_SECRET_KEY; the region from terraform.tfvars.
provider "huaweicloud" {
  region = var.region
}

# Log collection runs under the audit enterprise project, in the same filed room.
provider "huaweicloud" {
  alias                 = "audit"
  region                = local.audit_region
  enterprise_project_id = "0"
}
