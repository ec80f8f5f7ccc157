variable "name" {
  type = string
}

variable "number_of_instances" {
  type    = number
  default = 1
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "instance_tags" {
  type    = map(string)
  default = {}
}

resource "alicloud_security_group" "this" {
  security_group_name = var.name
}

resource "alicloud_instance" "this" {
  count             = var.number_of_instances
  instance_name     = format("%s%03d", var.name, count.index + 1)
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-beijing-h"
  security_groups   = [alicloud_security_group.this.id]
  tags              = merge(var.tags, var.instance_tags)
}
