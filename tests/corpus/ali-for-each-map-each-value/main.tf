provider "alicloud" {
  region = "cn-shenzhen"
}

provider "alicloud" {
  alias  = "hk"
  region = "cn-hongkong"
}

variable "web_nodes" {
  type = map(object({ zone = string, type = string }))
  default = {
    a = { zone = "cn-shenzhen-e", type = "ecs.g7.large" }
    b = { zone = "cn-shenzhen-f", type = "ecs.g7.large" }
  }
}

variable "ingress" {
  type = map(object({ port = number, cidr = string }))
  default = {
    https = { port = 443, cidr = "0.0.0.0/0" }
    ssh   = { port = 22, cidr = "0.0.0.0/0" }
    winrm = { port = 5986, cidr = "100.64.10.0/24" }
  }
}

resource "alicloud_instance" "web" {
  for_each          = var.web_nodes
  instance_name     = "web-${each.key}"
  instance_type     = each.value.type
  image_id          = "aliyun_3_x64_20G_alibase_20240819.vhd"
  availability_zone = each.value.zone
}

resource "alicloud_security_group_rule" "web" {
  for_each          = var.ingress
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${each.value.port}/${each.value.port}"
  cidr_ip           = each.value.cidr
  security_group_id = "sg-wz9web"
  description       = each.key
}

# The same module once per team: module instances are keyed too.
module "team" {
  source   = "./modules/team-sg"
  for_each = { red = "0.0.0.0/0", blue = "10.30.0.0/16" }

  group_id  = "sg-wz9${each.key}"
  ssh_cidr  = each.value
}
