terraform {
  required_version = ">= 1.5"
  required_providers {
    tencentcloud = {
      source  = "tencentcloudstack/tencentcloud"
      version = "~> 1.81"
    }
  }
}

# Default provider: region from terraform.tfvars (ap-chengdu).
provider "tencentcloud" {
  region = var.region
}

provider "tencentcloud" {
  alias  = "gz"
  region = "ap-guangzhou"
}

provider "tencentcloud" {
  alias  = "sh"
  region = "ap-shanghai"
}

provider "tencentcloud" {
  alias  = "hk"
  region = "ap-hongkong"
}

provider "tencentcloud" {
  alias  = "tw"
  region = "ap-taipei"
}

provider "tencentcloud" {
  alias  = "dr"
  region = var.dr_region # no default, not in terraform.tfvars: cannot be established
}
