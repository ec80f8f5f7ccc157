provider "tencentcloud" {
  region = "ap-guangzhou"
}

module "app_sg" {
  source              = "../.."
  security_group_id   = "sg-app00001"
  ingress_rules       = ["ssh-tcp", "https-tcp"]
  ingress_cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
}
