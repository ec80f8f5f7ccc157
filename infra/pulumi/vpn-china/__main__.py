"""VPN duties (CKV_CNLIC_402 SM cryptography, CKV_CNLIC_403 client egress, both advisory; CKV_CNLIC_401's own
VPN peers) on the three clouds whose Pulumi SDKs are installed.

VPN resources serve the VPN business (license-service = vpn), which files no rooms. Compliant: a
national-standard (国密) Alibaba gateway with SM4/SM3 phases and a split-tunnel SSL-VPN; an AWS customer
gateway at our Beijing office (listed in organization.vpn_peers) and a Client VPN route to the VPC only.
Violating: an Alibaba gateway left at the Normal type, an SSL-VPN pushing 0.0.0.0/0, a Client VPN route to
the internet, and an Azure point-to-site gateway handing clients the hub's internet exit. The Alibaba
connection fails 401 as could-not-establish: its far end is a gateway known by id only. SNAT entries are left
out: a resource policy cannot see the client pools of other resources (the CLI judges them).
"""
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pulumi_azure as azure

import pulumi

shenzhen = alicloud.Provider("shenzhen", region="cn-shenzhen")
beijing = aws.Provider("beijing", region="cn-north-1")
on_ali, on_aws = (pulumi.ResourceOptions(provider=p) for p in (shenzhen, beijing))
vpn = {"license-service": "vpn"}
cert = "arn:aws-cn:acm:cn-north-1:111122223333:certificate/00000000-0000-0000-0000-00000000000"

# Compliant.
alicloud.vpn.Gateway("guomi", vpc_id="vpc-sz", vswitch_id="vsw-sz", bandwidth=100,
                     vpn_type="NationalStandard", enable_ssl=True, tags=vpn, opts=on_ali)
# SM4/SM3 in both phases (402 passes), but 401 could not be established: a resource policy sees only the
# customer gateway's id, not its address (`permitguard scan` of a Terraform configuration joins them).
alicloud.vpn.Connection("to-beijing", vpn_gateway_id="vpn-sz-guomi", customer_gateway_id="cgw-bj",
                        local_subnets=["10.8.0.0/16"], remote_subnets=["10.100.0.0/16"],
                        ike_config={"ike_enc_alg": "sm4", "ike_auth_alg": "sm3"},
                        ipsec_config={"ipsec_enc_alg": "sm4", "ipsec_auth_alg": "sm3"}, opts=on_ali)
alicloud.vpn.SslVpnServer("staff", vpn_gateway_id="vpn-sz-guomi", client_ip_pool="192.168.100.0/24",
                          local_subnet="10.8.0.0/16", opts=on_ali)
aws.ec2.CustomerGateway("beijing-office", bgp_asn="65000", ip_address="192.0.2.12", type="ipsec.1",
                        opts=on_aws)
aws.ec2clientvpn.Endpoint(
    "staff", server_certificate_arn=f"{cert}1", client_cidr_block="172.20.0.0/22", split_tunnel=True,
    authentication_options=[{"type": "certificate-authentication", "root_certificate_chain_arn": f"{cert}2"}],
    connection_log_options={"enabled": False}, tags=vpn, opts=on_aws)
aws.ec2clientvpn.Route("vpc", client_vpn_endpoint_id="cvpn-endpoint-staff",
                       destination_cidr_block="10.50.0.0/16",
                       target_vpc_subnet_id="subnet-1", opts=on_aws)

# 402: the gateway type left at its default, Normal (international algorithms only).
alicloud.vpn.Gateway("plain", vpc_id="vpc-sz", vswitch_id="vsw-sz", bandwidth=20, tags=vpn, opts=on_ali)
# 403: an SSL-VPN server pushing the default route to its clients (full tunnel).
alicloud.vpn.SslVpnServer("everyone", vpn_gateway_id="vpn-sz-plain", client_ip_pool="192.168.110.0/24",
                          local_subnet="10.8.0.0/16,0.0.0.0/0", opts=on_ali)
# 403: a Client VPN route to the internet.
aws.ec2clientvpn.Route("internet", client_vpn_endpoint_id="cvpn-endpoint-staff",
                       destination_cidr_block="0.0.0.0/0", target_vpc_subnet_id="subnet-1", opts=on_aws)
# 403: point-to-site clients given the hub's internet exit.
azure.network.PointToPointVpnGateway(
    "p2s-internet", resource_group_name="zqt-rg", location="chinaeast2", virtual_hub_id="hub-id",
    vpn_server_configuration_id="cfg-id", scale_unit=1, tags=vpn,
    connection_configurations=[{"name": "staff", "internet_security_enabled": True,
                                "vpn_client_address_pool": {"address_prefixes": ["172.30.0.0/24"]}}])
