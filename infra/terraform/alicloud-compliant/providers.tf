terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = var.region
}

provider "alicloud" {
  alias  = "sh"
  region = "cn-shanghai"
}

provider "alicloud" {
  alias  = "sz"
  region = local.south_region
}
