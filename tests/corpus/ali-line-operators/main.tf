provider "alicloud" {
  region = "cn-beijing"
}

variable "lines" {
  type = map(object({ access_point = string, operator = string }))
  default = {
    primary = { access_point = "ap-cn-beijing-ft-A", operator = "CT" }
    backup  = { access_point = "ap-cn-beijing-ft-B", operator = "CO" }
  }
}

variable "third_operator" {
  type = string # no default
}

resource "alicloud_express_connect_physical_connection" "dc" {
  for_each                 = var.lines
  access_point_id          = each.value.access_point
  line_operator            = each.value.operator
  peer_location            = "Beijing Yizhuang IDC room 3"
  physical_connection_name = "dc-${each.key}"
  port_type                = "10GBase-LR"
}

# Carrier code "Other": connectivity provider outside the Chinese mainland.
resource "alicloud_express_connect_physical_connection" "overseas_carrier" {
  access_point_id          = "ap-cn-beijing-ft-A"
  line_operator            = "Other"
  peer_location            = "partner pop"
  physical_connection_name = "dc-other"
}

resource "alicloud_express_connect_physical_connection" "unset" {
  access_point_id          = "ap-cn-beijing-ft-B"
  line_operator            = var.third_operator
  physical_connection_name = "dc-unset"
}
