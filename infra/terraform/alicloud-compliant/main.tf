# Compliant Alibaba Cloud stack: Beijing control plane in the filed room BJ-ALI-H, Shenzhen storage,
# a Shanghai zone opened under prior filing TE-2026-0412, and an edge module wired to the Shenzhen provider.
resource "alicloud_vpc" "core" {
  vpc_name   = "core"
  cidr_block = "10.10.0.0/16"
  tags       = local.idc_tags
}

resource "alicloud_vswitch" "core_h" {
  vpc_id     = alicloud_vpc.core.id
  cidr_block = "10.10.1.0/24"
  zone_id    = "cn-beijing-h"
}

resource "alicloud_security_group" "mgmt" {
  security_group_name = "mgmt"
  vpc_id              = alicloud_vpc.core.id
}

resource "alicloud_security_group_rule" "ssh_from_mgmt" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "10.0.0.0/8"
  policy            = "accept"
  security_group_id = alicloud_security_group.mgmt.id
}

resource "alicloud_security_group_rule" "https_public" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  cidr_ip           = "0.0.0.0/0"
  security_group_id = alicloud_security_group.mgmt.id
}

resource "alicloud_instance" "controller" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-beijing-h"
  vswitch_id        = alicloud_vswitch.core_h.id
  security_groups   = [alicloud_security_group.mgmt.id]
  tags              = local.idc_tags
}

resource "alicloud_oss_bucket" "archive" {
  provider = alicloud.sz
  bucket   = "zqt-archive"
  tags     = { "license-service" = "idc", "system-role" = "data" }
}

resource "alicloud_instance" "shanghai_l" {
  provider          = alicloud.sh
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-shanghai-l"
  tags = {
    "license-service" = "isp", "protection-grade" = "第三级", "security-filing" = "MIIT-SEC-2024-0301"
    "prior-filing"    = "TE-2026-0412"
  }
}

resource "alicloud_ram_role" "ecs_ops" {
  role_name = "ecs-ops"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = ["ecs.aliyuncs.com"], RAM = ["acs:ram::1234567890123456:root"] }
    }]
  })
}

module "edge" {
  source    = "./modules/edge"
  providers = { alicloud = alicloud.sz }
}
