provider "huaweicloud" {
  region = "cn-north-4"
}

data "huaweicloud_availability_zones" "az" {}

resource "huaweicloud_vpc_eip" "api" {
  publicip {
    type = "5_bgp"
  }
  bandwidth {
    name        = "cce-api"
    size        = 5
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

# The API server gets an EIP (its address is known only after apply, but it is bound): public.
resource "huaweicloud_cce_cluster" "public" {
  name                   = "apps-public"
  flavor_id              = "cce.s1.small"
  vpc_id                 = "vpc-placeholder"
  subnet_id              = "subnet-placeholder"
  container_network_type = "overlay_l2"
  eip                    = huaweicloud_vpc_eip.api.address
}

# No EIP: the API server has only its VPC address.
resource "huaweicloud_cce_cluster" "private" {
  name                   = "apps-private"
  flavor_id              = "cce.s1.small"
  vpc_id                 = "vpc-placeholder"
  subnet_id              = "subnet-placeholder"
  container_network_type = "overlay_l2"
}

# Node zone from the data source; Beijing-4 is filed as a whole region.
resource "huaweicloud_compute_instance" "node" {
  name              = "node-1"
  image_id          = "img-placeholder"
  flavor_id         = "c7.large.2"
  availability_zone = data.huaweicloud_availability_zones.az.names[0]
  network {
    uuid = "subnet-placeholder"
  }
}
