terraform {
  required_providers {
    volcengine = { source = "volcengine/volcengine" }
  }
}

provider "volcengine" {
  region = "cn-beijing"
}

data "volcengine_zones" "default" {}

resource "volcengine_vpc" "main" {
  vpc_name   = "main"
  cidr_block = "172.16.0.0/16"
}

resource "volcengine_security_group" "bastion" {
  vpc_id              = volcengine_vpc.main.id
  security_group_name = "bastion"
}

# SSH from anywhere.
resource "volcengine_security_group_rule" "ssh_world" {
  direction         = "ingress"
  security_group_id = volcengine_security_group.bastion.id
  protocol          = "tcp"
  port_start        = 22
  port_end          = 22
  cidr_ip           = "0.0.0.0/0"
  policy            = "accept"
}

resource "volcengine_ecs_instance" "bastion" {
  instance_name      = "bastion"
  instance_type      = "ecs.g3i.large"
  image_id           = "image-placeholder"
  subnet_id          = "subnet-placeholder"
  security_group_ids = [volcengine_security_group.bastion.id]
  zone_id            = data.volcengine_zones.default.zones[0].id
  system_volume_type = "ESSD_PL0"
  system_volume_size = 40
}
