terraform {
  required_version = ">= 1.5"
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = "~> 1.70"
    }
  }
}

provider "huaweicloud" {
  region = "cn-north-4"
}

# ap-southeast-1 is Huawei Cloud's Hong Kong region.
provider "huaweicloud" {
  alias  = "hk"
  region = "ap-southeast-1"
}

# cn-southwest-2 is Guiyang (Guizhou).
provider "huaweicloud" {
  alias  = "guiyang"
  region = "cn-southwest-2"
}
