terraform {
  required_version = ">= 1.5"
  required_providers {
    tencentcloud = {
      source  = "tencentcloudstack/tencentcloud"
      version = "~> 1.81"
    }
  }
}

# Credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY.
provider "tencentcloud" {
  region = var.region
}

# The shared-services network is managed by the operations sub-account, in the same filed room.
provider "tencentcloud" {
  alias  = "ops"
  region = local.home_region

  assume_role {
    role_arn         = "qcs::cam::uin/100012345678:roleName/ops-network"
    session_name     = "terraform-ops"
    session_duration = 3600
  }
}
