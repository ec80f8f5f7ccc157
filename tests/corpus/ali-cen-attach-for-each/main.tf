# VPCs in several regions joined to one CEN, one attachment per map entry; a transit-router peer whose far end is not stated.
provider "alicloud" {
  region = "cn-shanghai"
}

variable "spokes" {
  type = map(object({ vpc_id = string, region = string }))
  default = {
    sh = { vpc_id = "vpc-sh0001", region = "cn-shanghai" }
    hk = { vpc_id = "vpc-hk0001", region = "cn-hongkong" }
  }
}

variable "peer_tr_id" {
  type    = string
  default = "tr-peer000001"
}

resource "alicloud_cen_instance" "hub" {
  cen_instance_name = "hub"
}

resource "alicloud_cen_instance_attachment" "spoke" {
  for_each                 = var.spokes
  instance_id              = alicloud_cen_instance.hub.id
  child_instance_id        = each.value.vpc_id
  child_instance_type      = "VPC"
  child_instance_region_id = each.value.region
}

# Inter-region limit between two mainland regions.
resource "alicloud_cen_bandwidth_limit" "sh_bj" {
  instance_id     = alicloud_cen_instance.hub.id
  region_ids      = ["cn-shanghai", "cn-beijing"]
  bandwidth_limit = 4
}

resource "alicloud_cen_transit_router" "local" {
  cen_id = alicloud_cen_instance.hub.id
}

# peer_transit_router_region_id omitted: the far end's region is not in the configuration.
resource "alicloud_cen_transit_router_peer_attachment" "unknown_far_end" {
  cen_id                 = alicloud_cen_instance.hub.id
  transit_router_id      = alicloud_cen_transit_router.local.transit_router_id
  peer_transit_router_id = var.peer_tr_id
  bandwidth_type         = "DataTransfer"
}

# The same with the far end in Frankfurt.
resource "alicloud_cen_transit_router_peer_attachment" "to_frankfurt" {
  cen_id                        = alicloud_cen_instance.hub.id
  transit_router_id             = alicloud_cen_transit_router.local.transit_router_id
  peer_transit_router_id        = var.peer_tr_id
  peer_transit_router_region_id = "eu-central-1"
}
