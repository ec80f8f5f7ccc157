# VPCs joined to CCNs from a list of attachments, each naming the CCN's owner (ccn_uin) or leaving it out
# (the caller's own CCN); one owner is another company's account.
variable "attachments" {
  type = map(object({ ccn_id = string, vpc_id = string, region = string, ccn_uin = string }))
  default = {
    own     = { ccn_id = "ccn-own0001", vpc_id = "vpc-app00001", region = "ap-beijing", ccn_uin = null }
    group   = { ccn_id = "ccn-grp0001", vpc_id = "vpc-app00002", region = "ap-beijing", ccn_uin = "100012345678" }
    carrier = { ccn_id = "ccn-isp0001", vpc_id = "vpc-app00003", region = "ap-beijing", ccn_uin = "100077776666" }
  }
}

provider "tencentcloud" {
  region = "ap-beijing"
}

resource "tencentcloud_ccn_attachment" "vpc" {
  for_each        = var.attachments
  ccn_id          = each.value.ccn_id
  instance_type   = "VPC"
  instance_id     = each.value.vpc_id
  instance_region = each.value.region
  ccn_uin         = each.value.ccn_uin
}
