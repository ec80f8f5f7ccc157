# Internet-facing sites that keep the permit (CKV_CNLIC_501: SP-17(2), SP-17(3), SP-15(1)), one cloud after
# another: each carries the ICP filing number the profile records for example-operator.cn (京ICP备2024000001号,
# here with site numbers -1 …), a DNS record without tags takes its zone's tag, and sites served only outside
# the mainland or inside a private network need none.
provider "alicloud" {
  region = "cn-shenzhen" # filed room SZ-ALI (whole region)
}

provider "tencentcloud" {
  region = "ap-guangzhou"
}

provider "huaweicloud" {
  region = "cn-north-4" # filed room BJ-HUAWEI
}

provider "aws" {
  region = "cn-north-1" # filed room BJ-AWS
}

provider "azurerm" {
  features {}
}

locals {
  filed = "京ICP备2024000001号"
}

# ---- Alibaba Cloud: a CDN domain, the DNS domain and its records, an overseas-only CDN domain
resource "alicloud_cdn_domain_new" "www" {
  domain_name = "www.example-operator.cn"
  cdn_type    = "web"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
  tags = { "icp-filing" = "${local.filed}-1" }
}

resource "alicloud_cdn_domain_new" "overseas" {
  domain_name = "intl.example-operator.cn"
  cdn_type    = "web"
  scope       = "overseas" # served outside the mainland only: no ICP filing needed
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
}

resource "alicloud_alidns_domain" "operator" {
  domain_name = "example-operator.cn"
  tags        = { "icp-filing" = local.filed }
}

resource "alicloud_alidns_record" "www" {
  domain_name = alicloud_alidns_domain.operator.domain_name
  rr          = "www"
  type        = "CNAME"
  value       = "www.example-operator.cn.w.kunlunsl.com"
}

resource "alicloud_alidns_record" "mail" {
  domain_name = alicloud_alidns_domain.operator.domain_name
  rr          = "@"
  type        = "MX"
  priority    = 10
  value       = "mx.mail.example.net"
}

# ---- Tencent Cloud: a mainland CDN domain, a DNSPod record the profile's filing covers
resource "tencentcloud_cdn_domain" "static" {
  domain       = "static.example-operator.cn"
  service_type = "web"
  area         = "mainland"
  origin {
    origin_type          = "domain"
    origin_list          = ["origin.example-operator.cn"]
    origin_pull_protocol = "https"
  }
  tags = { "icp-filing" = "${local.filed}-2" }
}

resource "tencentcloud_dnspod_record" "static" { # DNSPod records carry no tags: the profile files the domain
  domain      = "example-operator.cn"
  sub_domain  = "static"
  record_type = "CNAME"
  record_line = "默认"
  value       = "static.example-operator.cn.cdn.dnsv1.com"
}

# ---- Huawei Cloud: a public zone lending its tag to a record, a private zone's record
resource "huaweicloud_dns_zone" "public" {
  name = "example-operator.cn."
  tags = { "icp-filing" = local.filed }
}

resource "huaweicloud_dns_recordset" "shop" {
  zone_id = huaweicloud_dns_zone.public.id
  name    = "shop.example-operator.cn."
  type    = "A"
  records = ["198.51.100.20"]
}

resource "huaweicloud_dns_zone" "corp" {
  name      = "corp.example-operator.cn."
  zone_type = "private"
  router {
    router_id = "vpc-0000000000000001"
  }
}

resource "huaweicloud_dns_recordset" "git" {
  zone_id = huaweicloud_dns_zone.corp.id
  name    = "git.corp.example-operator.cn."
  type    = "A"
  records = ["10.0.0.20"]
}

# ---- AWS (China): a CloudFront alias, a Route 53 zone and record
resource "aws_cloudfront_distribution" "assets" {
  enabled = true
  aliases = ["assets.example-operator.cn"]
  origin {
    domain_name = "origin.example-operator.cn"
    origin_id   = "origin"
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    iam_certificate_id = "ASCA0000000000000001"
    ssl_support_method = "sni-only"
  }
  tags = { "icp-filing" = "${local.filed}-3" }
}

resource "aws_route53_zone" "operator" {
  name = "example-operator.cn"
  tags = { "icp-filing" = local.filed }
}

resource "aws_route53_record" "assets" {
  zone_id = aws_route53_zone.operator.zone_id
  name    = "assets.example-operator.cn"
  type    = "CNAME"
  ttl     = 300
  records = ["d111111abcdef8.cloudfront.cn"]
}

# ---- Azure (China): a CDN custom domain taking its endpoint's tag, a DNS record with its own
resource "azurerm_cdn_endpoint" "docs" {
  name                = "zqt-docs"
  profile_name        = "zqt-cdn"
  location            = "chinaeast2"
  resource_group_name = "zqt"
  origin {
    name      = "origin"
    host_name = "origin.example-operator.cn"
  }
  tags = { "icp-filing" = "${local.filed}-4" }
}

resource "azurerm_cdn_endpoint_custom_domain" "docs" {
  name            = "docs"
  cdn_endpoint_id = azurerm_cdn_endpoint.docs.id
  host_name       = "docs.example-operator.cn"
}

resource "azurerm_dns_cname_record" "docs" {
  name                = "docs"
  zone_name           = "example-operator.cn"
  resource_group_name = "zqt"
  ttl                 = 300
  record              = "zqt-docs.azureedge.cn"
  tags                = { "icp-filing" = "${local.filed}-4" }
}
