# Only an aliased configuration exists: a module call without a providers map gets Terraform's
# empty default configuration, whose region comes from the environment (invisible here).
provider "alicloud" {
  alias  = "bj"
  region = "cn-beijing"
}

module "archive" {
  source = "./modules/bucket"
  name   = "archive-example"
}

module "archive_bj" {
  source    = "./modules/bucket"
  name      = "archive-bj-example"
  providers = { alicloud = alicloud.bj }
}
