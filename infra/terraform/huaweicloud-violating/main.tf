# Violating Huawei Cloud stack: every resource here breaks the permit on purpose (see expected.yaml).

# SP-15(3)/SP-16(3): a VPN gateway in Hong Kong is outside mainland China (VPN files no rooms: no 301).
resource "huaweicloud_compute_instance" "hk_gateway" {
  provider          = huaweicloud.hk
  name              = "zqt-hk-gateway"
  image_id          = "c8c5e3a1-8d6b-4f63-9d5e-3b2f0c5a9e11"
  flavor_id         = "c7.large.2"
  availability_zone = "ap-southeast-1a"

  network {
    uuid = "0f6bb1b4-6d5e-4e6b-9e3c-1a2b3c4d5e6f"
  }

  tags = { "license-service" = "vpn" }
}

# SP-2: an IDC archive in Guiyang (Guizhou), outside IDC coverage; the module gets the Guiyang provider.
module "guiyang_archive" {
  source    = "./modules/archive"
  providers = { huaweicloud = huaweicloud.guiyang }

  bucket = "zqt-guiyang-archive"
}

# SP-2: CDN (B12) is not granted by the permit, even in the filed Beijing room.
resource "huaweicloud_obs_bucket" "cdn_origin" {
  bucket = "zqt-cdn-origin"
  acl    = "public-read"
  tags   = { "license-service" = "cdn" }
}

# SP-15(4)/(6): Shanghai (cn-east-3) is inside IDC coverage, but no machine room is filed there and the
# instance carries no prior filing. The resource-level `region` overrides the provider's.
resource "huaweicloud_compute_instance" "shanghai_idc" {
  region            = "cn-east-3"
  name              = "zqt-sh-idc"
  image_id          = "c8c5e3a1-8d6b-4f63-9d5e-3b2f0c5a9e11"
  flavor_id         = "c7.large.2"
  availability_zone = "cn-east-3a"

  network {
    uuid = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
  }

  tags = { "license-service" = "idc" }
}

# Location cannot be established: the resource's own `region` is an unset variable.
resource "huaweicloud_vpc" "dr" {
  region = var.dr_region
  name   = "zqt-dr"
  cidr   = "10.60.0.0/16"
}

# Location cannot be established: cn-north-5 is no Huawei Cloud region.
resource "huaweicloud_vpc" "typo" {
  region = "cn-north-5"
  name   = "zqt-north5"
  cidr   = "10.61.0.0/16"
}

# SP-15(3): another HUAWEI CLOUD account (a managed-service provider) gets Tenant Administrator.
resource "huaweicloud_identity_agency" "msp_admin" {
  name                  = "msp-admin"
  description           = "Managed-service provider operations"
  delegated_domain_name = "partner-msp-cn"
  duration              = "FOREVER"

  project_role {
    project = "cn-north-4"
    roles   = ["Tenant Administrator"]
  }
}

resource "huaweicloud_networking_secgroup" "windows" {
  name = "zqt-windows"
}

# SP-15(3): RDP open to the whole internet.
resource "huaweicloud_networking_secgroup_rule" "rdp_world" {
  security_group_id = huaweicloud_networking_secgroup.windows.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "3389"
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_vpc_eip" "cce_api" {
  publicip {
    type = "5_bgp"
  }
  bandwidth {
    share_type  = "PER"
    name        = "zqt-cce-api"
    size        = 5
    charge_mode = "traffic"
  }
}

# SP-15(3): the CCE API server is bound to a public EIP.
resource "huaweicloud_cce_cluster" "public_api" {
  name                   = "zqt-public"
  flavor_id              = "cce.s1.small"
  vpc_id                 = "3c8f6f6e-7e2a-4b8c-9d1e-2f3a4b5c6d7e"
  subnet_id              = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
  container_network_type = "overlay_l2"
  eip                    = huaweicloud_vpc_eip.cce_api.address
}

# SP-15(4): a prior-filing reference that is well formed but names no filing of the profile
# (the instance sits in the filed room: only 302 fails).
resource "huaweicloud_compute_instance" "unknown_filing" {
  name              = "zqt-bj-batch"
  image_id          = "c8c5e3a1-8d6b-4f63-9d5e-3b2f0c5a9e11"
  flavor_id         = "c7.large.2"
  availability_zone = "cn-north-4c"

  network {
    uuid = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1e"
  }

  tags = { "license-service" = "isp", "prior-filing" = "TE-2025-0099" }
}
