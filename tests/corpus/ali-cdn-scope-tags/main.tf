provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_cdn_domain_new" "www" {
  domain_name = "www.example-operator.cn"
  cdn_type    = "web"
  scope       = "domestic"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
  tags = {
    icp-filing = "京ICP备2024000001号-1"
  }
}

# scope omitted would be domestic; global also serves the mainland. No tag.
resource "alicloud_cdn_domain_new" "static" {
  domain_name = "static.example-operator.cn"
  cdn_type    = "download"
  scope       = "global"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
}

# Outside the mainland only.
resource "alicloud_cdn_domain_new" "intl" {
  domain_name = "intl.example-operator.cn"
  cdn_type    = "web"
  scope       = "overseas"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
}

resource "alicloud_cdn_domain_new" "typo" {
  domain_name = "img.example-operator.cn"
  cdn_type    = "web"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
  tags = {
    icp-filing = "ICP 2024000000" # not the 京ICP备…号 form
  }
}

resource "alicloud_cdn_domain_new" "licence_not_filing" {
  domain_name = "shop.example-operator.cn"
  cdn_type    = "web"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 443
    priority = 20
    weight   = 10
  }
  tags = {
    icp-filing = "京ICP证000000号" # an ICP licence number, not a filing number
  }
}
