# A spoke account grants its VPCs to the hub's CEN. The hub account is read three ways: through a data
# source of the caller's own account, through a data source read by a provider that assumes a role in
# another account (whose account is then not known to be ours), and from a variable set in tfvars.
variable "hub_uid" {
  type = string
}

variable "partner_uid" {
  type    = string
  default = "3141592653589793"
}

provider "alicloud" {
  region = "cn-shanghai"
}

provider "alicloud" {
  alias  = "hub"
  region = "cn-shanghai"
  assume_role {
    role_arn = "acs:ram::${var.hub_uid}:role/network-admin"
  }
}

data "alicloud_account" "self" {}

data "alicloud_account" "hub" {
  provider = alicloud.hub
}

resource "alicloud_vpc" "spoke" {
  vpc_name   = "spoke-app"
  cidr_block = "10.20.0.0/16"
}

resource "alicloud_cen_instance_grant" "to_self" {
  cen_id            = "cen-selfhub01"
  child_instance_id = alicloud_vpc.spoke.id
  cen_owner_id      = data.alicloud_account.self.id
}

resource "alicloud_cen_instance_grant" "to_assumed_hub" {
  cen_id            = "cen-hub00001"
  child_instance_id = alicloud_vpc.spoke.id
  cen_owner_id      = data.alicloud_account.hub.id
}

resource "alicloud_cen_instance_grant" "to_hub_var" {
  cen_id            = "cen-hub00002"
  child_instance_id = alicloud_vpc.spoke.id
  cen_owner_id      = var.hub_uid
}

resource "alicloud_cen_transit_router_grant_attachment" "to_partner" {
  cen_id        = "cen-partner01"
  cen_owner_id  = var.partner_uid
  instance_id   = alicloud_vpc.spoke.id
  instance_type = "VPC"
}
