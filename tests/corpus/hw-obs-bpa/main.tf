provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_obs_bucket" "orders" {
  bucket        = "op-orders-bj"
  acl           = "private"
  encryption    = true
  sse_algorithm = "kms"
  tags          = { data-class = "personal" }
}

# acl omitted (private) and encryption omitted.
resource "huaweicloud_obs_bucket" "leads" {
  bucket = "op-leads-bj"
  tags   = { data-class = "personal" }
}

resource "huaweicloud_obs_bucket" "media" {
  bucket        = "op-media-bj"
  encryption    = true
  sse_algorithm = "AES256"
  tags          = { data-class = "personal" }
}

resource "huaweicloud_obs_bucket_acl" "media" {
  bucket = huaweicloud_obs_bucket.media.bucket
  public_permission {
    access_to_bucket = ["READ"]
  }
}

resource "huaweicloud_obs_bucket" "mirror" {
  bucket        = "op-mirror-bj"
  acl           = "public-read"
  encryption    = true
  sse_algorithm = "kms"
  tags          = { data-class = "personal" }
}

resource "huaweicloud_obs_bucket_bpa" "mirror" {
  bucket                  = huaweicloud_obs_bucket.mirror.bucket
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
