# Resource-collaboration (edge) nodes that keep SP-15(9) (CKV_CNLIC_901): Alibaba ENS nodes in places the permit
# licenses for IDC and in filed rooms — cn-beijing-telecom is filed as BJ-ALI-ENS-TELECOM, cn-shanghai-cmcc-4
# in advance (TE-2026-0413). The provider region (cn-shenzhen) does not locate them: their node does. A CDN
# domain in front of them is a bought service, not a node. Huawei IEC and Volcengine veEN sites are not in the
# node table yet, so they can only be judged could-not-establish (see edge-violating).
provider "alicloud" {
  region = "cn-shenzhen"
}

resource "alicloud_ens_instance" "cache_bj" {
  ens_region_id              = "cn-beijing-telecom"
  schedule_area_level        = "Region"
  instance_type              = "ens.sn1.stiny"
  image_id                   = "centos_7_9_x64_20G"
  payment_type               = "Subscription"
  period                     = 1
  internet_charge_type       = "BandwidthByDay"
  internet_max_bandwidth_out = 100
  instance_name              = "cache-bj"
}

resource "alicloud_ens_disk" "cache_bj_data" {
  ens_region_id = "cn-beijing-telecom"
  category      = "cloud_ssd"
  size          = 100
  payment_type  = "PayAsYouGo"
}

resource "alicloud_ens_network" "edge_bj" {
  ens_region_id = "cn-beijing-telecom"
  cidr_block    = "192.168.0.0/16"
}

resource "alicloud_ens_instance" "cache_sh" {
  ens_region_id        = "cn-shanghai-cmcc-4"
  schedule_area_level  = "Region"
  instance_type        = "ens.sn1.stiny"
  image_id             = "centos_7_9_x64_20G"
  payment_type         = "Subscription"
  internet_charge_type = "BandwidthByDay"
  tags                 = { prior-filing = "TE-2026-0413" }
}

resource "alicloud_cdn_domain_new" "static" {
  domain_name = "static.example-operator.cn"
  cdn_type    = "web"
  scope       = "domestic"
  tags        = { icp-filing = "京ICP备2024000001号-2" } # an internet-facing site: its ICP filing (CKV_CNLIC_501)
  sources {
    content  = "origin.example-operator.cn"
    type     = "domain"
    port     = 80
    priority = 20
    weight   = 10
  }
}
