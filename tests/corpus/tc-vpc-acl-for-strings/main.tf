provider "tencentcloud" {
  region = "ap-shanghai"
}

variable "acls" {
  type = map(object({
    vpc_id = string
    ingress = list(object({ action = string, cidr = string, port = string, protocol = string }))
  }))
  default = {
    dmz = {
      vpc_id = "vpc-dmz00001"
      ingress = [
        { action = "ACCEPT", cidr = "0.0.0.0/0", port = "443", protocol = "TCP" },
        { action = "ACCEPT", cidr = "0.0.0.0/0", port = "22", protocol = "TCP" },
      ]
    }
    core = {
      vpc_id = "vpc-core0001"
      ingress = [
        { action = "ACCEPT", cidr = "10.0.0.0/8", port = "22", protocol = "TCP" },
        { action = "DROP", cidr = "0.0.0.0/0", port = "ALL", protocol = "ALL" },
      ]
    }
  }
}

# Network ACL entries as ACTION#CIDR#PORT#PROTOCOL strings, built per ACL with a for expression.
resource "tencentcloud_vpc_acl" "this" {
  for_each = var.acls
  vpc_id   = each.value.vpc_id
  name     = each.key
  ingress  = [for r in each.value.ingress : "${r.action}#${r.cidr}#${r.port}#${r.protocol}"]
}
