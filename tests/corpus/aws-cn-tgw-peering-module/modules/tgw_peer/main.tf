variable "local_tgw" { type = string }
variable "peer_tgw" { type = string }
variable "peer_region" { type = string }

resource "aws_ec2_transit_gateway_peering_attachment" "this" {
  transit_gateway_id      = var.local_tgw
  peer_transit_gateway_id = var.peer_tgw
  peer_region             = var.peer_region
}
