provider "alicloud" {
  region = "cn-shenzhen"
}

resource "alicloud_cdn_domain_new" "video" {
  domain_name = "v.example-operator.cn"
  cdn_type    = "video"
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 80
    priority = 20
    weight   = 10
  }
  tags = { icp-filing = "粤ICP备2023000000号-3" }
}

resource "alicloud_instance" "origin" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-shenzhen-e"
}

resource "alicloud_ens_instance" "bj_edge" {
  instance_type        = "ens.sn1.stiny"
  schedule_area_level  = "Region"
  ens_region_id        = "cn-beijing-telecom"
  image_id             = "centos_7_9_x64_20G"
  payment_type         = "Subscription"
  period               = 1
  internet_charge_type = "BandwidthByDay"
}
