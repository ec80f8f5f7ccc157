# A CCN joining VPCs; ends are the attachments' instance_region, plus per-region bandwidth limits.
provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "remote_region" {
  type    = string
  default = "na-siliconvalley"
}

resource "tencentcloud_ccn" "corp" {
  name                 = "corp-ccn"
  qos                  = "AU"
  charge_type          = "POSTPAID"
  bandwidth_limit_type = "INTER_REGION_LIMIT"
}

resource "tencentcloud_ccn_attachment" "gz" {
  ccn_id          = tencentcloud_ccn.corp.id
  instance_type   = "VPC"
  instance_id     = "vpc-gz000001"
  instance_region = "ap-guangzhou"
}

resource "tencentcloud_ccn_attachment" "hk" {
  ccn_id          = tencentcloud_ccn.corp.id
  instance_type   = "VPC"
  instance_id     = "vpc-hk000001"
  instance_region = "ap-hongkong"
}

# Inter-region limit between two mainland regions.
resource "tencentcloud_ccn_bandwidth_limit" "gz_sh" {
  ccn_id          = tencentcloud_ccn.corp.id
  region          = "ap-guangzhou"
  dst_region      = "ap-shanghai"
  bandwidth_limit = 100
}

# Limit towards a region taken from a variable default (US West).
resource "tencentcloud_ccn_bandwidth_limit" "gz_remote" {
  ccn_id          = tencentcloud_ccn.corp.id
  region          = "ap-guangzhou"
  dst_region      = var.remote_region
  bandwidth_limit = 50
}
