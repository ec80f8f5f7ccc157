provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "classification" {
  type = string # no default
}

resource "tencentcloud_cos_bucket" "kyc" {
  bucket               = "kyc-docs-1300000000"
  acl                  = "private"
  encryption_algorithm = "SM4"
  tags                 = { data-class = "personal" }
}

# acl_body overrides acl: a READ grant to the AllUsers group makes it public.
resource "tencentcloud_cos_bucket" "avatars" {
  bucket               = "avatars-1300000000"
  encryption_algorithm = "AES256"
  acl_body             = <<-XML
    <AccessControlPolicy>
      <Owner><ID>qcs::cam::uin/100012345678:uin/100012345678</ID></Owner>
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
  tags                 = { data-class = "personal" }
}

resource "tencentcloud_cos_bucket" "unknown_class" {
  bucket = "misc-1300000000"
  acl    = "public-read"
  tags   = { data-class = var.classification }
}
