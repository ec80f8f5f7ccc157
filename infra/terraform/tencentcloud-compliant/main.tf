# Compliant Tencent Cloud stack: everything in the filed machine room GZ-TENCENT (ap-guangzhou zones 3/4),
# management ports open to the management networks only, trust only for our own account and CVM.
resource "tencentcloud_vpc" "core" {
  name       = "zqt-core"
  cidr_block = "10.30.0.0/16"
  tags       = local.idc_tags
}

resource "tencentcloud_subnet" "app_3" {
  name              = "zqt-app-3"
  vpc_id            = tencentcloud_vpc.core.id
  cidr_block        = "10.30.3.0/24"
  availability_zone = local.zones[0]
}

resource "tencentcloud_subnet" "app_4" {
  name              = "zqt-app-4"
  vpc_id            = tencentcloud_vpc.core.id
  cidr_block        = "10.30.4.0/24"
  availability_zone = local.zones[1]
}

resource "tencentcloud_security_group" "mgmt" {
  name        = "zqt-mgmt"
  description = "Management access from the operator networks only"
  tags        = local.idc_tags
}

resource "tencentcloud_security_group_rule_set" "mgmt" {
  security_group_id = tencentcloud_security_group.mgmt.id

  ingress {
    action      = "ACCEPT"
    cidr_block  = "10.0.0.0/8"
    protocol    = "TCP"
    port        = "22"
    description = "SSH from the office network"
  }

  ingress {
    action      = "ACCEPT"
    cidr_block  = "100.64.0.0/10"
    protocol    = "TCP"
    port        = "3389"
    description = "RDP from the bastion network"
  }

  ingress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "TCP"
    port        = "80,443"
    description = "Public web"
  }

  egress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "ALL"
    port        = "ALL"
    description = "All outbound"
  }
}

resource "tencentcloud_instance" "controller" {
  instance_name           = "zqt-controller"
  availability_zone       = "ap-guangzhou-4"
  image_id                = "img-487zeit5"
  instance_type           = "S5.MEDIUM4"
  system_disk_type        = "CLOUD_PREMIUM"
  system_disk_size        = 50
  vpc_id                  = tencentcloud_vpc.core.id
  subnet_id               = tencentcloud_subnet.app_4.id
  orderly_security_groups = [tencentcloud_security_group.mgmt.id]
  tags                    = local.idc_tags
}

resource "tencentcloud_cbs_storage" "controller_data" {
  storage_name      = "zqt-controller-data"
  storage_type      = "CLOUD_SSD"
  storage_size      = 200
  availability_zone = "ap-guangzhou-4"
  encrypt           = true
  tags              = local.idc_tags
}

resource "tencentcloud_cos_bucket" "access_logs" {
  bucket = "zqt-access-logs-${var.app_id}"
  acl    = "private"
  tags   = { "license-service" = "isp", "system-role" = "logs" }
}

resource "tencentcloud_kubernetes_cluster" "platform" {
  vpc_id                     = tencentcloud_vpc.core.id
  cluster_name               = "zqt-platform"
  cluster_version            = "1.30.0"
  cluster_deploy_type        = "MANAGED_CLUSTER"
  cluster_cidr               = "172.20.0.0/16"
  cluster_max_pod_num        = 64
  cluster_max_service_num    = 1024
  cluster_internet           = false
  cluster_intranet           = true
  cluster_intranet_subnet_id = tencentcloud_subnet.app_3.id
  tags                       = { "license-service" = "isp", "system-role" = "control", "protection-grade" = "3", "security-filing" = "MIIT-SEC-2024-0301" }
}

resource "tencentcloud_cam_role" "cvm_ops" {
  name          = "zqt-cvm-ops"
  description   = "Assumed by our CVM instances and our own operators"
  console_login = false
  document = jsonencode({
    version = "2.0"
    statement = [{
      action    = ["name/sts:AssumeRole"]
      effect    = "allow"
      principal = { service = ["cvm.qcloud.com"], qcs = ["qcs::cam::uin/100012345678:root"] }
    }]
  })
}

module "shared_network" {
  source    = "./modules/shared_network"
  providers = { tencentcloud = tencentcloud.ops }

  zone = local.zones[0]
}
