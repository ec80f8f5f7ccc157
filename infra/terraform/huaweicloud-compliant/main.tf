# Compliant Huawei Cloud stack: everything in the filed machine room BJ-HUAWEI (cn-north-4),
# management ports open to the management networks only, agencies only for cloud services.
resource "huaweicloud_vpc" "core" {
  name = "zqt-core"
  cidr = "10.50.0.0/16"
  tags = local.base_tags
}

resource "huaweicloud_vpc_subnet" "app" {
  name              = "zqt-app"
  vpc_id            = huaweicloud_vpc.core.id
  cidr              = "10.50.1.0/24"
  gateway_ip        = "10.50.1.1"
  availability_zone = local.zone
}

resource "huaweicloud_networking_secgroup" "mgmt" {
  name                 = "zqt-mgmt"
  description          = "Management access from the operator networks only"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "ssh_from_office" {
  security_group_id = huaweicloud_networking_secgroup.mgmt.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "10.0.0.0/8"
}

resource "huaweicloud_networking_secgroup_rule" "rdp_from_bastion" {
  security_group_id = huaweicloud_networking_secgroup.mgmt.id
  direction         = "ingress"
  ethertype         = "IPv4"
  action            = "allow"
  protocol          = "tcp"
  ports             = "3389"
  remote_ip_prefix  = "100.64.0.0/10"
}

resource "huaweicloud_networking_secgroup_rule" "https_public" {
  security_group_id = huaweicloud_networking_secgroup.mgmt.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "80,443"
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "from_same_group" {
  security_group_id = huaweicloud_networking_secgroup.mgmt.id
  direction         = "ingress"
  ethertype         = "IPv4"
  remote_group_id   = huaweicloud_networking_secgroup.mgmt.id
}

resource "huaweicloud_compute_instance" "controller" {
  name               = "zqt-controller"
  image_id           = "c8c5e3a1-8d6b-4f63-9d5e-3b2f0c5a9e11"
  flavor_id          = "c7.large.2"
  availability_zone  = "cn-north-4b"
  security_group_ids = [huaweicloud_networking_secgroup.mgmt.id]
  system_disk_type   = "SSD"
  system_disk_size   = 50

  network {
    uuid = huaweicloud_vpc_subnet.app.id
  }

  tags = { "license-service" = "idc", "system-role" = "control", "protection-grade" = "二级", "security-filing" = "MIIT-SEC-2024-0302" }
}

resource "huaweicloud_obs_bucket" "backups" {
  bucket        = "zqt-backups"
  storage_class = "STANDARD"
  acl           = "private"
  encryption    = true
  tags          = { "license-service" = "idc", "system-role" = "data" }
}

resource "huaweicloud_cce_cluster" "platform" {
  name                   = "zqt-platform"
  flavor_id              = "cce.s2.small"
  vpc_id                 = huaweicloud_vpc.core.id
  subnet_id              = huaweicloud_vpc_subnet.app.id
  container_network_type = "vpc-router"
  container_network_cidr = "172.16.0.0/16"
  # No `eip`: the API server is reachable from the VPC only.

  masters {
    availability_zone = "cn-north-4a"
  }
  masters {
    availability_zone = "cn-north-4b"
  }
  masters {
    availability_zone = "cn-north-4c"
  }

  tags = local.base_tags
}

# Agency for the ECS service (a cloud service principal, first party).
resource "huaweicloud_identity_agency" "ecs_obs" {
  name                   = "zqt-ecs-obs"
  description            = "Lets our ECS instances write backups to OBS"
  delegated_service_name = "op_svc_ecs"

  project_role {
    project = var.region
    roles   = ["OBS OperateAccess"]
  }
}

module "logging" {
  source    = "./modules/logging"
  providers = { huaweicloud = huaweicloud.audit }

  retention_days = 180 # SP-9 / Cybersecurity Law art. 21: at least six months
}
