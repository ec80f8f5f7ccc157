provider "alicloud" {
  region = "cn-shanghai"
}

locals {
  personal = { data-class = "personal" }
}

resource "alicloud_oss_bucket" "members" {
  bucket = "op-members-sh"
  tags   = local.personal
  server_side_encryption_rule {
    sse_algorithm       = "KMS"
    kms_data_encryption = "SM4"
  }
}

resource "alicloud_oss_bucket_acl" "members" {
  bucket = alicloud_oss_bucket.members.bucket
  acl    = "private"
}

resource "alicloud_oss_bucket" "exports" {
  bucket = "op-exports-sh"
  tags   = local.personal
  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }
}

resource "alicloud_oss_bucket_acl" "exports" {
  bucket = alicloud_oss_bucket.exports.bucket
  acl    = "public-read"
}

# No SSE in the configuration.
resource "alicloud_oss_bucket" "tickets" {
  bucket = "op-tickets-sh"
  tags   = merge(local.personal, { team = "support" })
}

# Public ACL, but public access is blocked on the bucket.
resource "alicloud_oss_bucket" "photos" {
  bucket = "op-photos-sh"
  tags   = local.personal
  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }
}

resource "alicloud_oss_bucket_acl" "photos" {
  bucket = alicloud_oss_bucket.photos.bucket
  acl    = "public-read"
}

resource "alicloud_oss_bucket_public_access_block" "photos" {
  bucket              = alicloud_oss_bucket.photos.bucket
  block_public_access = true
}

# Website assets: public, but not tagged as personal data.
resource "alicloud_oss_bucket" "assets" {
  bucket = "op-assets-sh"
}

resource "alicloud_oss_bucket_acl" "assets" {
  bucket = alicloud_oss_bucket.assets.bucket
  acl    = "public-read"
}
