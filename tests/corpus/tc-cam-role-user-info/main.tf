provider "tencentcloud" {
  region = "ap-guangzhou"
}

data "tencentcloud_user_info" "me" {}

locals {
  owner_uin = data.tencentcloud_user_info.me.owner_uin
}

# Our own root account (from the user-info data source) may assume it.
resource "tencentcloud_cam_role" "ops" {
  name = "ops-admin"
  document = jsonencode({
    version = "2.0"
    statement = [{
      action    = ["name/sts:AssumeRole"]
      effect    = "allow"
      principal = { qcs = ["qcs::cam::uin/${local.owner_uin}:root"] }
    }]
  })
}

# A cloud service principal.
resource "tencentcloud_cam_role" "cvm_agent" {
  name = "cvm-agent"
  document = jsonencode({
    version = "2.0"
    statement = [{
      action    = ["name/sts:AssumeRole"]
      effect    = "allow"
      principal = { service = ["cvm.qcloud.com"] }
    }]
  })
}


# Principal type chosen by a conditional, as account-factory modules do: here another account.
variable "principal" {
  type    = object({ type = number, uin = string })
  default = { type = 1, uin = "100099998888" }
}

resource "tencentcloud_cam_role" "vendor" {
  name = "vendor-support"
  document = jsonencode({
    version = "2.0"
    statement = [{
      action = ["name/sts:AssumeRole"]
      effect = "allow"
      principal = {
        (var.principal.type == 1 ? "qcs" : "service") = [
          var.principal.type == 1 ? "qcs::cam::uin/${var.principal.uin}:root" : "cvm.qcloud.com"
        ]
      }
    }]
  })
}
