provider "huaweicloud" {
  region = "cn-north-4"
}

variable "agencies" {
  type = map(object({ domain = string, roles = list(string) }))
  default = {
    ops = { domain = "example-operator", roles = ["Tenant Administrator"] }
    msp = { domain = "msp-partner-corp", roles = ["Tenant Administrator"] }
  }
}

# Delegation to another Huawei Cloud account (domain), one agency per map entry.
resource "huaweicloud_identity_agency" "this" {
  for_each              = var.agencies
  name                  = "${each.key}-agency"
  delegated_domain_name = each.value.domain

  project_role {
    project = "cn-north-4"
    roles   = each.value.roles
  }
}

# Delegation to a cloud service: first party.
resource "huaweicloud_identity_agency" "evs" {
  name                   = "evs-kms"
  delegated_service_name = "op_svc_evs"
  project_role {
    project = "cn-north-4"
    roles   = ["KMS Administrator"]
  }
}
