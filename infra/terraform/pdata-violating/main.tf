# Stores holding personal information that break SP-7 (CKV_CNLIC_602, advisory), one cloud after another; every
# store sits in a filed machine room (or one filed in advance), so only 602 fails.
provider "alicloud" {
  region = "cn-shenzhen" # filed room SZ-ALI
}

provider "tencentcloud" {
  region = "ap-guangzhou" # filed room GZ-TENCENT
}

provider "huaweicloud" {
  region = "cn-north-4" # filed room BJ-HUAWEI
}

provider "aws" {
  region = "cn-north-1" # filed room BJ-AWS
}

provider "azurerm" {
  features {}
}

provider "volcengine" {
  region = "cn-beijing"
}

provider "baiducloud" {
  region = "bj"
}

variable "classification" {
  type = string # no value anywhere: whether the bucket holds personal information cannot be established
}

locals {
  personal = { data-class = "personal" }
}

# ---- Alibaba Cloud: public through its split ACL; and a bucket with no encryption at all
resource "alicloud_oss_bucket" "exports" {
  bucket = "zqt-exports-sz"
  tags   = local.personal
  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }
}

resource "alicloud_oss_bucket_acl" "exports" {
  bucket = alicloud_oss_bucket.exports.bucket
  acl    = "public-read"
}

resource "alicloud_oss_bucket" "tickets" {
  bucket = "zqt-tickets-sz"
  tags   = merge(local.personal, { team = "support" })
}

# Public website assets: not classified, not judged.
resource "alicloud_oss_bucket" "assets" {
  bucket = "zqt-assets-sz"
  acl    = "public-read"
}

# ---- Tencent Cloud: an acl_body grant to AllUsers; a classification only known at apply
resource "tencentcloud_cos_bucket" "avatars" {
  bucket               = "zqt-avatars-1300000000"
  encryption_algorithm = "AES256"
  tags                 = local.personal
  acl_body             = <<-XML
    <AccessControlPolicy>
      <AccessControlList>
        <Grant>
          <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
            <URI>http://cam.qcloud.com/groups/global/AllUsers</URI>
          </Grantee>
          <Permission>READ</Permission>
        </Grant>
      </AccessControlList>
    </AccessControlPolicy>
  XML
}

resource "tencentcloud_cos_bucket" "misc" {
  bucket               = "zqt-misc-1300000000"
  encryption_algorithm = "AES256"
  tags                 = { data-class = var.classification }
}

# ---- Huawei Cloud: OBS without encryption (encryption defaults to false)
resource "huaweicloud_obs_bucket" "leads" {
  bucket = "zqt-leads-bj"
  tags   = local.personal
}

# ---- AWS (China): a public-read ACL with no public-access block; an unencrypted database
resource "aws_s3_bucket" "survey" {
  bucket = "zqt-survey-cn"
  tags   = local.personal
}

resource "aws_s3_bucket_acl" "survey" {
  bucket = aws_s3_bucket.survey.id
  acl    = "public-read"
}

resource "aws_db_instance" "crm" {
  identifier        = "zqt-crm"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  tags              = local.personal # storage_encrypted defaults to false
}

# ---- Azure (China): allow_nested_items_to_be_public left at its default (true)
resource "azurerm_storage_account" "customers" {
  name                     = "zqtcustomers"
  resource_group_name      = "zqt-rg"
  location                 = "chinaeast2" # filed room SH-AZURE
  account_tier             = "Standard"
  account_replication_type = "LRS"
  tags                     = local.personal
}

# ---- Volcengine: a public-read TOS bucket (prior filing TE-2026-0414)
resource "volcengine_tos_bucket" "shared" {
  bucket_name = "zqt-shared"
  public_acl  = "public-read"
  tags {
    key   = "data-class"
    value = "personal"
  }
  tags {
    key   = "prior-filing"
    value = "TE-2026-0414"
  }
}

# ---- Baidu AI Cloud: BOS without server-side encryption (prior filing TE-2026-0415)
resource "baiducloud_bos_bucket" "drafts" {
  bucket = "zqt-drafts"
  tags   = { data-class = "pii", prior-filing = "TE-2026-0415" }
}
