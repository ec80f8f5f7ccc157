# Violating Alibaba Cloud stack: every resource here breaks the permit on purpose (see expected.yaml).

# SP-15(3)/SP-16(3): a business system in Hong Kong is outside mainland China.
resource "alicloud_instance" "hk_web" {
  provider          = alicloud.hk
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-hongkong-b"
  tags              = { "license-service" = "isp" }
}

# SP-2: IDC rooms in Guangdong are licensed only in Guangzhou and Shenzhen; Heyuan is outside.
resource "alicloud_instance" "heyuan_idc" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-heyuan-a"
  tags              = { "license-service" = "idc" }
}

# Region only known from an unset variable: never a pass.
resource "alicloud_oss_bucket" "unplaced" {
  provider = alicloud.somewhere
  bucket   = "zqt-unplaced"
}

# SP-15(3): SSH open to the internet.
resource "alicloud_security_group_rule" "ssh_world" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "0.0.0.0/0"
  policy            = "accept"
  security_group_id = "sg-2ze0example"
}

# SP-15(3): a partner's account may assume an operations role.
resource "alicloud_ram_role" "partner_ops" {
  role_name = "partner-ops"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { RAM = ["acs:ram::5550001112223334:root"] }
    }]
  })
}

# SP-15(4)/(6): zone cn-beijing-k is no filed machine room and carries no prior filing.
resource "alicloud_instance" "beijing_k" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-beijing-k"
  tags              = { "license-service" = "idc" }
}

# SP-15(4): a prior-filing tag that names no filing of the profile.
resource "alicloud_instance" "shanghai_badfiling" {
  instance_type     = "ecs.g7.large"
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = "cn-shanghai-m"
  tags              = { "license-service" = "idc", "prior-filing" = "TE-2026-0412" }
}
