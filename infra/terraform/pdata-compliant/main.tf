# Stores holding personal information that keep SP-7 (CKV_CNLIC_602), one cloud after another: tagged
# data-class = personal (the licence profile's personal_data tag), private, encrypted at rest; every store in a
# filed machine room (or one filed in advance: Volcengine and Baidu).
provider "alicloud" {
  region = "cn-shenzhen" # filed room SZ-ALI (whole region)
}

provider "tencentcloud" {
  region = "ap-guangzhou" # filed room GZ-TENCENT (a regional bucket)
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

locals {
  personal = { data-class = "personal", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}

# ---- Alibaba Cloud: split ACL (provider >= 1.220), SM4 encryption, a public-access block
resource "alicloud_oss_bucket" "members" {
  bucket = "zqt-members-sz"
  tags   = local.personal
}

resource "alicloud_oss_bucket_acl" "members" {
  bucket = alicloud_oss_bucket.members.bucket
  acl    = "private"
}

resource "alicloud_oss_bucket_server_side_encryption" "members" {
  bucket        = alicloud_oss_bucket.members.bucket
  sse_algorithm = "SM4"
}

resource "alicloud_oss_bucket_public_access_block" "members" {
  bucket              = alicloud_oss_bucket.members.bucket
  block_public_access = true
}

# ---- Tencent Cloud: COS is private by default; SM4 encryption
resource "tencentcloud_cos_bucket" "kyc" {
  bucket               = "zqt-kyc-1300000000"
  encryption_algorithm = "SM4"
  tags                 = local.personal
}

# ---- Huawei Cloud: OBS with KMS encryption
resource "huaweicloud_obs_bucket" "orders" {
  bucket        = "zqt-orders-bj"
  acl           = "private"
  encryption    = true
  sse_algorithm = "kms"
  tags          = local.personal
}

# ---- AWS (China): SSE-S3 by default; public access blocked; an encrypted database
resource "aws_s3_bucket" "crm" {
  bucket = "zqt-crm-cn"
  tags   = local.personal
}

resource "aws_s3_bucket_public_access_block" "crm" {
  bucket                  = aws_s3_bucket.crm.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_db_instance" "members" {
  identifier        = "zqt-members"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = true
  tags              = local.personal
}

# ---- Azure (China): no public containers allowed; the platform encrypts every account
resource "azurerm_storage_account" "contracts" {
  name                            = "zqtcontracts"
  resource_group_name             = "zqt-rg"
  location                        = "chinaeast2" # filed room SH-AZURE
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  tags                            = local.personal
}

# ---- Volcengine: TOS with an encryption companion (prior filing TE-2026-0414)
resource "volcengine_tos_bucket" "invoices" {
  bucket_name = "zqt-invoices"
  public_acl  = "private"
  tags {
    key   = "data-class"
    value = "personal"
  }
  tags {
    key   = "prior-filing"
    value = "TE-2026-0414"
  }
}

resource "volcengine_tos_bucket_encryption" "invoices" {
  bucket_name = volcengine_tos_bucket.invoices.bucket_name
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "SM4"
    }
  }
}

# ---- Baidu AI Cloud: BOS is private by default; AES256 encryption (prior filing TE-2026-0415)
resource "baiducloud_bos_bucket" "records" {
  bucket                      = "zqt-records"
  server_side_encryption_rule = "AES256"
  tags                        = { data-class = "personal", prior-filing = "TE-2026-0415" }
}
