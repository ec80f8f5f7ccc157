provider "alicloud" {
  region = "cn-beijing"
}

variable "common_tags" {
  type    = map(string)
  default = {}
}

variable "batch_grade" {
  type = string # set by the pipeline, not here
}

module "app" {
  source              = "./modules/ecs"
  name                = "orders-app"
  number_of_instances = 2
  tags                = var.common_tags
}

resource "alicloud_slb_load_balancer" "batch" {
  load_balancer_name = "orders-batch"
  address_type       = "intranet"
  tags               = merge(var.common_tags, { "protection-grade" = var.batch_grade })
}

resource "alicloud_db_instance" "orders" {
  engine           = "MySQL"
  engine_version   = "8.0"
  instance_type    = "mysql.n2.medium.1"
  instance_storage = 20
  zone_id          = "cn-beijing-h"
  tags             = merge(var.common_tags, { "protection-grade" = "二级" })
}
