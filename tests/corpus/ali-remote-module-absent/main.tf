provider "alicloud" {
  region = "cn-shenzhen"
}

# A registry module: not downloaded (no `terraform init` was run).
module "network" {
  source  = "alibaba/vpc/alicloud"
  version = "1.11.0"

  vpc_name      = "core"
  vswitch_cidrs = ["172.16.1.0/24"]
}

resource "alicloud_security_group" "web" {
  security_group_name = "web"
  vpc_id              = module.network.this_vpc_id
}

resource "alicloud_security_group_rule" "rdp_world" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "3389/3389"
  cidr_ip           = "0.0.0.0/0"
  security_group_id = alicloud_security_group.web.id
}

resource "alicloud_instance" "web" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-shenzhen-e"
  vswitch_id        = try(module.network.this_vswitch_ids[0], "vsw-placeholder")
  security_groups   = [alicloud_security_group.web.id]
}
