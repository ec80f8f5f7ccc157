# Hangzhou has no filed machine room. The instance occupies one; rules, policies and attachments do not.
provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_instance" "batch" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-hangzhou-h"
  tags              = { "license-service" = "isp" }
}

resource "alicloud_security_group" "batch" {
  security_group_name = "batch"
  vpc_id              = "vpc-bp1example"
}

resource "alicloud_security_group_rule" "batch_https" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  cidr_ip           = "0.0.0.0/0"
  security_group_id = alicloud_security_group.batch.id
}

resource "alicloud_ram_policy" "batch_read" {
  policy_name = "batch-read"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = ["oss:GetObject"], Resource = ["acs:oss:*:*:batch/*"] }]
  })
}

resource "alicloud_route_entry" "to_onprem" {
  route_table_id        = "vtb-bp1example"
  destination_cidrblock = "192.168.0.0/16"
  nexthop_type          = "VpnGateway"
  nexthop_id            = "vpn-bp1example"
}
