terraform {
  required_providers {
    tencentcloud = { source = "tencentcloudstack/tencentcloud" }
  }
}

variable "zone" {
  type        = string
  description = "Availability zone of the shared-services subnet"
}

resource "tencentcloud_vpc" "shared" {
  name       = "zqt-shared"
  cidr_block = "10.31.0.0/16"
  tags       = { "license-service" = "vpn", "system-role" = "network" }
}

resource "tencentcloud_subnet" "shared" {
  name              = "zqt-shared"
  vpc_id            = tencentcloud_vpc.shared.id
  cidr_block        = "10.31.1.0/24"
  availability_zone = var.zone
}
