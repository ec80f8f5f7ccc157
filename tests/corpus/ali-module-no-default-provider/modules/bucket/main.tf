variable "name" {
  type = string
}

resource "alicloud_oss_bucket" "this" {
  bucket = var.name
}
