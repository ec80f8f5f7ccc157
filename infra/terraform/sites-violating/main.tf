# Internet-facing sites that break the permit (CKV_CNLIC_501: SP-17(2), SP-17(3), SP-15(1)), one cloud after
# another: no filing tag, an ICP licence number where the filing number belongs, a number other than the one
# the profile records for example-operator.cn (京ICP备2024000001号), a domain the profile has no filing for,
# a DNS record whose zone carries no tag.
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

# ---- Alibaba Cloud: a global CDN domain without the tag; a record under an untagged domain not filed
resource "alicloud_cdn_domain_new" "global" {
  domain_name = "cdn.example-operator.cn"
  cdn_type    = "web"
  scope       = "global" # global includes the mainland
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
}

resource "alicloud_alidns_domain" "side" {
  domain_name = "side-project.com.cn"
}

resource "alicloud_alidns_record" "side_www" {
  domain_name = alicloud_alidns_domain.side.domain_name
  rr          = "www"
  type        = "A"
  value       = "198.51.100.30"
}

# ---- Tencent Cloud: the ICP licence number in the filing tag; an internet API domain nobody filed
resource "tencentcloud_cdn_domain" "shop" {
  domain       = "shop.example-operator.cn"
  service_type = "web"
  origin {
    origin_type = "domain"
    origin_list = ["origin.example-operator.cn"]
  }
  tags = { "icp-filing" = "京ICP证000000号" }
}

resource "tencentcloud_api_gateway_custom_domain" "partner" {
  service_id         = "service-abcd1234"
  sub_domain         = "api.partner-site.cn"
  protocol           = "https"
  net_type           = "OUTER"
  is_default_mapping = true
  default_domain     = "service-abcd1234-1250000000.gz.apigw.tencentcs.com"
  certificate_id     = "cert-1"
}

# ---- Huawei Cloud: a CDN domain with another subject's number
resource "huaweicloud_cdn_domain" "img" {
  name         = "img.example-operator.cn"
  type         = "web"
  service_area = "global"
  sources {
    origin      = "origin.example-operator.cn"
    origin_type = "domain"
    active      = 1
  }
  tags = { "icp-filing" = "沪ICP备11111111号-1" }
}

# ---- AWS (China): a listener rule with a host name on an internet-facing load balancer, no tag
resource "aws_lb" "public" {
  name               = "zqt-public"
  load_balancer_type = "application"
  subnets            = ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002"]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws-cn:iam::111122223333:server-certificate/public"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/web/1"
  }
}

resource "aws_lb_listener_rule" "pay" {
  listener_arn = aws_lb_listener.https.arn
  action {
    type             = "forward"
    target_group_arn = "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/web/1"
  }
  condition {
    host_header {
      values = ["pay.example-operator.cn"]
    }
  }
}

# ---- Azure (China): a CDN custom domain of a brand the profile has no filing for, its endpoint untagged
resource "azurerm_cdn_endpoint" "brand" {
  name                = "zqt-brand"
  profile_name        = "zqt-cdn"
  location            = "chinaeast2"
  resource_group_name = "zqt"
  origin {
    name      = "origin"
    host_name = "origin.example-operator.cn"
  }
}

resource "azurerm_cdn_endpoint_custom_domain" "brand" {
  name            = "brand"
  cdn_endpoint_id = azurerm_cdn_endpoint.brand.id
  host_name       = "www.other-brand.cn"
}
