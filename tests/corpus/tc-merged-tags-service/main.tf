provider "tencentcloud" {
  region = "ap-chengdu"
}

variable "common_tags" {
  type    = map(string)
  default = { owner = "platform" }
}

locals {
  idc_tags = merge(var.common_tags, { "license-service" = "idc" })
}

# Tagged IDC through merge(): IDC is not licensed in Sichuan.
resource "tencentcloud_instance" "hosting" {
  instance_name     = "hosting-1"
  availability_zone = "ap-chengdu-1"
  image_id          = "img-placeholder"
  instance_type     = "S5.MEDIUM4"
  tags              = local.idc_tags
}

# The business type comes from terraform.tfvars (common_tags): ISP, licensed in Sichuan.
resource "tencentcloud_instance" "access" {
  instance_name     = "access-1"
  availability_zone = "ap-chengdu-2"
  image_id          = "img-placeholder"
  instance_type     = "S5.MEDIUM4"
  tags              = merge(var.common_tags, { app = "access" })
}
