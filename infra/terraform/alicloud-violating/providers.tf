terraform {
  required_providers {
    alicloud = { source = "aliyun/alicloud" }
  }
}

provider "alicloud" {
  region = "cn-beijing"
}

provider "alicloud" {
  alias  = "hk"
  region = "cn-hongkong"
}

provider "alicloud" {
  alias  = "somewhere"
  region = var.deploy_region # no default, no tfvars: cannot be established
}
