terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# AWS China, Beijing (cn-north-1): the filed machine room BJ-AWS.
provider "aws" {
  region = "cn-north-1"
}

# AWS China, Ningxia (cn-northwest-1): no machine room filed there.
provider "aws" {
  alias  = "ningxia"
  region = "cn-northwest-1"
}

# A global-partition account of the group: Hong Kong and Oregon.
provider "aws" {
  alias   = "hk"
  region  = "ap-east-1"
  profile = "group-global"
}

provider "aws" {
  alias   = "oregon"
  region  = "us-west-2"
  profile = "group-global"
}

# A typo in the region id.
provider "aws" {
  alias                  = "typo"
  region                 = "cn-nortwest-1"
  skip_region_validation = true
}
