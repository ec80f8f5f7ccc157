provider "huaweicloud" {
  region = "cn-north-4"
}

resource "huaweicloud_cdn_domain" "web" {
  name         = "web.example-operator.cn"
  type         = "web"
  service_area = "mainland_china"
  sources {
    origin      = "origin.example-operator.cn"
    origin_type = "domain"
    active      = 1
  }
  tags = { icp-filing = "京ICP备2024000001号-1" }
}

resource "huaweicloud_cdn_domain" "abroad" {
  name         = "abroad.example-operator.cn"
  type         = "web"
  service_area = "outside_mainland_china"
  sources {
    origin      = "origin.example-operator.cn"
    origin_type = "domain"
    active      = 1
  }
}

resource "huaweicloud_dns_zone" "public" {
  name = "example-operator.cn."
}

resource "huaweicloud_dns_zone" "internal" {
  name      = "corp.internal."
  zone_type = "private"
  router {
    router_id = "vpc-bj-0001"
  }
}

# Full-width digits and hyphen in the tag value: normalise before matching.
resource "huaweicloud_dns_recordset" "shop" {
  zone_id = huaweicloud_dns_zone.public.id
  name    = "shop.example-operator.cn."
  type    = "CNAME"
  records = ["shop.example-operator.cn.c.cdnhwc1.com."]
  tags    = { icp-filing = "京ICP备２０２４０００００１号－２" }
}

resource "huaweicloud_dns_recordset" "api" {
  zone_id = huaweicloud_dns_zone.public.id
  name    = "api.example-operator.cn."
  type    = "A"
  records = ["198.51.100.120"]
}

resource "huaweicloud_dns_recordset" "db" {
  zone_id = huaweicloud_dns_zone.internal.id
  name    = "db.corp.internal."
  type    = "A"
  records = ["10.40.0.5"]
}
