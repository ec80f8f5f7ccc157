provider "tencentcloud" {
  region = "ap-shanghai"
}

variable "admin_grants" {
  type = list(object({ role = string, member_uins = list(string) }))
  default = [
    { role = "OpsAdmin", member_uins = ["100012345678", "100077776666"] },
  ]
}

locals {
  grants = flatten([
    for g in var.admin_grants : [
      for uin in g.member_uins : { role = g.role, uin = uin }
    ]
  ])
}

# An organisation identity with full administrative policy.
resource "tencentcloud_organization_org_identity" "this" {
  for_each            = { for g in var.admin_grants : g.role => g }
  identity_alias_name = each.key
  description         = "administrative access to member accounts"

  identity_policy {
    policy_id   = 1
    policy_name = "AdministratorAccess"
    policy_type = 2
  }
}

# Members that may be administered through that identity: 100077776666 is not one of our accounts.
resource "tencentcloud_organization_org_member_auth_identity_attachment" "this" {
  for_each     = { for g in local.grants : g.uin => g }
  member_uin   = each.value.uin
  identity_ids = [tencentcloud_organization_org_identity.this[each.value.role].identity_id]
}
