provider "alicloud" {
  region = "cn-beijing"
}

variable "zones" {
  type    = list(string)
  default = ["cn-beijing-h", "cn-beijing-k"]
}

variable "node_count" {
  type    = number
  default = 2
}

resource "alicloud_instance" "node" {
  count             = var.node_count
  instance_name     = format("node-%02d", count.index + 1)
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = element(var.zones, count.index)
}

resource "alicloud_disk" "data" {
  count   = var.node_count
  zone_id = var.zones[count.index % length(var.zones)]
  size    = 100
}
