# Violating Tencent Cloud stack: every resource here breaks the permit on purpose (see expected.yaml).

# SP-15(3)/SP-16(3): a business system in Hong Kong is outside mainland China.
resource "tencentcloud_instance" "hk_web" {
  provider          = tencentcloud.hk
  instance_name     = "zqt-hk-web"
  availability_zone = "ap-hongkong-2"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "isp" }
}

# SP-15(3): Taiwan is outside mainland China too (the business type defaults to all granted ones, none covers it).
resource "tencentcloud_cos_bucket" "tw_assets" {
  provider = tencentcloud.tw
  bucket   = "zqt-tw-assets-1250000000"
  acl      = "private"
}

# SP-2: IDC rooms are licensed in Beijing, Tianjin, Shanghai, Guangzhou and Shenzhen; Chengdu (Sichuan) is
# outside IDC coverage. Region ap-chengdu comes from terraform.tfvars.
resource "tencentcloud_instance" "chengdu_idc" {
  instance_name     = "zqt-chengdu-idc"
  availability_zone = "ap-chengdu-1"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "idc" }
}

# SP-2: CDN (B12) is a business type the permit does not grant, even inside the filed Guangzhou room.
resource "tencentcloud_instance" "cdn_origin" {
  provider          = tencentcloud.gz
  instance_name     = "zqt-cdn-origin"
  availability_zone = "ap-guangzhou-3"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "cdn" }
}

# Location cannot be established: the provider's region is an unset variable.
resource "tencentcloud_vpc" "dr" {
  provider   = tencentcloud.dr
  name       = "zqt-dr"
  cidr_block = "10.40.0.0/16"
}

# Location cannot be established: a numeric zone id the region catalog does not list.
resource "tencentcloud_cbs_storage" "numeric_zone" {
  provider          = tencentcloud.gz
  storage_name      = "zqt-scratch"
  storage_type      = "CLOUD_PREMIUM"
  storage_size      = 100
  availability_zone = "100006"
}

# SP-15(3): a partner's account (uin 200098765432) may assume an operations role.
resource "tencentcloud_cam_role" "partner_ops" {
  provider      = tencentcloud.gz
  name          = "partner-ops"
  description   = "Managed-service partner"
  console_login = true
  document = jsonencode({
    version = "2.0"
    statement = [{
      action    = ["name/sts:AssumeRole"]
      effect    = "allow"
      principal = { qcs = ["qcs::cam::uin/200098765432:root"] }
    }]
  })
}

resource "tencentcloud_security_group" "web" {
  provider    = tencentcloud.gz
  name        = "zqt-web"
  description = "Web servers"
}

# SP-15(3): SSH open to the whole internet.
resource "tencentcloud_security_group_rule_set" "web" {
  provider          = tencentcloud.gz
  security_group_id = tencentcloud_security_group.web.id

  ingress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "TCP"
    port        = "443"
    description = "Public web"
  }

  ingress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "TCP"
    port        = "22"
    description = "SSH from anywhere"
  }
}

# SP-15(3): the Kubernetes API of a Guangzhou cluster gets an internet endpoint.
resource "tencentcloud_kubernetes_cluster_endpoint" "public_api" {
  provider                        = tencentcloud.gz
  cluster_id                      = "cls-fdy7hm1q"
  cluster_internet                = true
  cluster_internet_security_group = tencentcloud_security_group.web.id
}

# SP-15(4)/(6): zone ap-guangzhou-6 is not part of the filed room GZ-TENCENT (zones 3 and 4 only).
resource "tencentcloud_instance" "guangzhou_6" {
  provider          = tencentcloud.gz
  instance_name     = "zqt-gz6"
  availability_zone = "ap-guangzhou-6"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "idc" }
}

# SP-15(4): a malformed prior-filing reference, on a resource inside the filed room (only 302 fails).
resource "tencentcloud_instance" "malformed_filing" {
  provider          = tencentcloud.gz
  instance_name     = "zqt-gz3-batch"
  availability_zone = "ap-guangzhou-3"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "idc", "prior-filing" = "TE2025-31" }
}

# SP-15(4)/(6): a new Shanghai room whose prior-filing names a filing made for another cloud's zone.
resource "tencentcloud_instance" "shanghai_wrong_filing" {
  provider          = tencentcloud.sh
  instance_name     = "zqt-sh5"
  availability_zone = "ap-shanghai-5"
  image_id          = "img-487zeit5"
  instance_type     = "S5.MEDIUM4"
  tags              = { "license-service" = "idc", "prior-filing" = "TE-2026-0412" }
}
