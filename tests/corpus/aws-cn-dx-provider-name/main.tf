provider "aws" {
  region = "cn-north-1"
}

resource "aws_dx_connection" "telecom" {
  name          = "dx-telecom"
  bandwidth     = "1Gbps"
  location      = "SNJXQ"
  provider_name = "China Telecom"
}

# No provider_name: the carrier is not stated.
resource "aws_dx_connection" "unstated" {
  name      = "dx-unstated"
  bandwidth = "10Gbps"
  location  = "SNJXQ"
}

resource "aws_dx_connection" "colo" {
  name          = "dx-colo"
  bandwidth     = "1Gbps"
  location      = "SNJXQ"
  provider_name = "Equinix"
}
