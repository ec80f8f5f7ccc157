# A tags map written key by key where one value comes from a variable nobody sets: the other keys are
# still known, and a key that is not written is absent (not "unknown").
provider "alicloud" {
  region = "cn-beijing"
}

variable "cost_centre" {
  type = string
}

resource "alicloud_instance" "untagged_service" {
  availability_zone = "cn-beijing-h"
  instance_type     = "ecs.g7.large"
  tags = {
    cost-centre = var.cost_centre
    team        = "payments"
  }
}

resource "alicloud_instance" "idc_tagged" {
  availability_zone = "cn-beijing-h"
  instance_type     = "ecs.g7.large"
  tags = {
    cost-centre       = var.cost_centre
    "license-service" = "idc"
  }
}

resource "alicloud_instance" "service_from_unset" {
  availability_zone = "cn-beijing-h"
  instance_type     = "ecs.g7.large"
  tags = {
    license-service = var.cost_centre
  }
}

resource "alicloud_instance" "merged" {
  availability_zone = "cn-beijing-h"
  instance_type     = "ecs.g7.large"
  tags              = merge({ "license-service" = "idc" }, { cost-centre = var.cost_centre })
}
