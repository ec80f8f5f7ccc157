provider "alicloud" {
  region = "cn-shenzhen"
}

module "public_admin" {
  source      = "../../modules/admin-web"
  group_id    = "sg-wz9public"
  cidr_blocks = ["0.0.0.0/0"]
}

module "internal_admin" {
  source      = "../../modules/admin-web"
  group_id    = "sg-wz9internal"
  extra_rules = ["rdp-3389-tcp"]
  cidr_blocks = ["100.64.0.0/10"]
}

# No cidr blocks: the preset creates no rule at all.
module "unused_admin" {
  source   = "../../modules/admin-web"
  group_id = "sg-wz9unused"
}
