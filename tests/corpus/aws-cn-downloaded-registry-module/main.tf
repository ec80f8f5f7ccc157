provider "aws" {
  region = "cn-north-1"
}

# A registry module, downloaded by `terraform init` into .terraform/modules (see modules.json).
module "bastion" {
  source  = "example-corp/bastion/aws"
  version = "2.1.0"

  name         = "ops-bastion"
  vpc_id       = "vpc-0123456789abcdef0"
  ssh_cidrs    = ["0.0.0.0/0"]
}
