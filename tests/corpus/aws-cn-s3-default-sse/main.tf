provider "aws" {
  region = "cn-north-1"
}

resource "aws_s3_bucket" "crm" {
  bucket = "op-crm-exports-cn"
  tags   = { data-class = "personal" }
}

# No aws_s3_bucket_server_side_encryption_configuration: S3 applies SSE-S3 by default.
resource "aws_s3_bucket_public_access_block" "crm" {
  bucket                  = aws_s3_bucket.crm.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "survey" {
  bucket = "op-survey-cn"
  tags   = { data-class = "personal" }
}

resource "aws_s3_bucket_acl" "survey" {
  bucket = aws_s3_bucket.survey.id
  acl    = "public-read"
}
