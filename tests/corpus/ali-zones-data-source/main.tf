provider "alicloud" {
  region = "cn-shenzhen"
}

provider "alicloud" {
  alias  = "sg"
  region = "ap-southeast-1"
}

data "alicloud_zones" "default" {
  available_resource_creation = "VSwitch"
}

data "alicloud_zones" "abroad" {
  provider = alicloud.sg
}

# The zone is whatever the data source returns; the region (Shenzhen, filed as a whole) is a constant.
resource "alicloud_vswitch" "app" {
  vpc_id     = "vpc-wz9example"
  cidr_block = "172.16.1.0/24"
  zone_id    = data.alicloud_zones.default.zones[0].id
}

resource "alicloud_instance" "app" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = data.alicloud_zones.default.zones[0].id
  vswitch_id        = alicloud_vswitch.app.id
}

# Singapore, whatever zone: outside mainland China.
resource "alicloud_instance" "abroad" {
  provider          = alicloud.sg
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = data.alicloud_zones.abroad.zones[0].id
}
