provider "tencentcloud" {
  region = "ap-guangzhou"
}

variable "common_tags" {
  type    = map(string)
  default = { owner = "web-team" }
}

resource "tencentcloud_cdn_domain" "site" {
  domain       = "cdn.example-operator.cn"
  service_type = "web"
  area         = "mainland"
  origin {
    origin_type          = "domain"
    origin_list          = ["origin.example-operator.cn"]
    origin_pull_protocol = "https"
  }
  tags = merge(var.common_tags, { "icp-filing" = "京ICP备2024000001号-3" })
}

resource "tencentcloud_cdn_domain" "abroad" {
  domain       = "global.example-operator.cn"
  service_type = "web"
  area         = "overseas"
  origin {
    origin_type = "domain"
    origin_list = ["origin.example-operator.cn"]
  }
}

resource "tencentcloud_api_gateway_custom_domain" "public_api" {
  service_id     = "service-00000001"
  sub_domain     = "api.partner-brand.cn"
  protocol       = "https"
  net_type       = "OUTER"
  default_domain = "service-00000001-1300000000.gz.apigw.tencentcs.com"
  certificate_id = "cert-0001"
}

resource "tencentcloud_api_gateway_custom_domain" "internal_api" {
  service_id     = "service-00000002"
  sub_domain     = "api.corp.internal"
  protocol       = "http"
  net_type       = "INNER"
  default_domain = "service-00000002-1300000000.gz.apigw.tencentcs.com"
}
