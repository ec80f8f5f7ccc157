provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_alidns_domain" "main" {
  domain_name = "example-operator.cn"
  tags = {
    icp-filing = "京ICP备2024000001号"
  }
}

resource "alicloud_alidns_domain" "side" {
  domain_name = "side-project.com.cn"
}

variable "records" {
  type = map(object({ rr = string, type = string, value = string }))
  default = {
    www  = { rr = "www", type = "CNAME", value = "www.example-operator.cn.w.kunlunsl.com" }
    apex = { rr = "@", type = "A", value = "198.51.100.90" }
    mail = { rr = "@", type = "MX", value = "mx.mail.example.net" }
  }
}

resource "alicloud_alidns_record" "main" {
  for_each    = var.records
  domain_name = alicloud_alidns_domain.main.domain_name
  rr          = each.value.rr
  type        = each.value.type
  value       = each.value.value
  priority    = each.value.type == "MX" ? 10 : null
}

resource "alicloud_alidns_record" "side_www" {
  domain_name = alicloud_alidns_domain.side.domain_name
  rr          = "www"
  type        = "A"
  value       = "198.51.100.91"
}
