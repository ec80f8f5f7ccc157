provider "alicloud" {
  region = "cn-shenzhen"
}

provider "alicloud" {
  alias  = "hk"
  region = "cn-hongkong"
}

# No providers map: the module uses the caller's default alicloud provider (Shenzhen), not the alias.
module "assets" {
  source = "./modules/bucket"
  name   = "assets-example"
}

# Passed explicitly: Hong Kong.
module "assets_hk" {
  source    = "./modules/bucket"
  name      = "assets-hk-example"
  providers = { alicloud = alicloud.hk }
}
