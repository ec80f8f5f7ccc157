"""CKV_CNLIC_402/403 (advisory) and 401's own VPN peers through the pack (gRPC), per bridged cloud: the
properties as Pulumi sends them (camelCase; a one-block setting such as ikeConfig as one object)."""
from __future__ import annotations

from pack_client import not_applicable, request, violations

ALI = ("pulumi:providers:alicloud", "sz", {"region": "cn-shenzhen"})
TC = ("pulumi:providers:tencentcloud", "gz", {"region": "ap-guangzhou"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
AZURE = ("pulumi:providers:azure", "east2", {"location": "chinaeast2", "environment": "china"})


def reported(response) -> dict[str, str]:
    """rule number (cnlic-40x) → the enforcement level of its violation."""
    return {name[:9]: level for name, level, _ in violations(response)}


def message(response, rule: str) -> str:
    return next(text for name, _, text in violations(response) if name.startswith(rule))


def test_alicloud_gateway_type_and_connection_phases(pack):
    tags = {"license-service": "vpn"}
    plain = pack.analyze(request("alicloud:vpn/gateway:Gateway", "plain",
                                 {"vpcId": "vpc-1", "bandwidth": 20, "tags": tags}, ALI))
    assert reported(plain).get("cnlic-402") == "advisory"
    text = message(plain, "cnlic-402")
    assert "vpn_type is not set" in text and "未设置 vpn_type" in text
    guomi = pack.analyze(request("alicloud:vpn/gateway:Gateway", "guomi",
                                 {"vpcId": "vpc-1", "bandwidth": 20, "vpnType": "NationalStandard",
                                  "tags": {"license-service": "vpn"}}, ALI))
    assert "cnlic-402" not in reported(guomi)
    sm = {"vpnGatewayId": "vpn-1", "customerGatewayId": "cgw-1", "localSubnets": ["10.0.0.0/16"],
          "ikeConfig": {"ikeEncAlg": "sm4", "ikeAuthAlg": "sm3"},
          "ipsecConfig": {"ipsecEncAlg": "sm4", "ipsecAuthAlg": "sm3"}}
    out = pack.analyze(request("alicloud:vpn/connection:Connection", "sm", sm, ALI))
    assert "cnlic-402" not in reported(out)
    aes = {**sm, "ipsecConfig": {"ipsecEncAlg": "aes256", "ipsecAuthAlg": "sha256"}}
    out = pack.analyze(request("alicloud:vpn/connection:Connection", "aes", aes, ALI))
    assert "ipsec_config.ipsec_enc_alg = aes256" in message(out, "cnlic-402")


def test_alicloud_ssl_server_full_tunnel_and_no_sm_option(pack):
    full = pack.analyze(request("alicloud:vpn/sslVpnServer:SslVpnServer", "everyone",
                                {"vpnGatewayId": "vpn-1", "clientIpPool": "192.168.1.0/24",
                                 "localSubnet": "10.0.0.0/16,0.0.0.0/0"}, ALI))
    assert reported(full).get("cnlic-403") == "advisory"
    assert "cnlic-402" not in reported(full)
    assert "no SM cipher" in not_applicable(full)["cnlic-402-vpn-not-sm-cryptography"]


def test_a_snat_entry_says_the_pack_cannot_see_the_client_pools(pack):
    out = pack.analyze(request("alicloud:vpc/snatEntry:SnatEntry", "staff",
                               {"snatTableId": "stb-1", "sourceCidr": "192.168.1.0/24",
                                "snatIp": "198.51.100.1"}, ALI))
    assert "cnlic-403" not in reported(out)
    assert "permitguard scan" in not_applicable(out)["cnlic-403-vpn-client-internet-egress"]


def test_tencent_sm4_connection(pack):
    props = {"vpcId": "vpc-1", "vpnGatewayId": "vpngw-1", "customerGatewayId": "cgw-1", "preShareKey": "k",
             "ikeProtoEncryAlgorithm": "SM4", "ipsecEncryptAlgorithm": "SM4",
             "securityGroupPolicies": [{"localCidrBlock": "10.0.0.0/16",
                                        "remoteCidrBlocks": ["10.1.0.0/16"]}]}
    out = pack.analyze(request("tencentcloud:Vpn/connection:Connection", "sm4", props, TC))
    assert "cnlic-402" not in reported(out)
    defaults = pack.analyze(request("tencentcloud:Vpn/connection:Connection", "defaults",
                                    {k: v for k, v in props.items() if "Algorithm" not in k}, TC))
    assert "3DES-CBC" in message(defaults, "cnlic-402")


def test_aws_client_vpn_route_to_the_internet_is_403_not_202(pack):
    route = {"clientVpnEndpointId": "cvpn-endpoint-1", "destinationCidrBlock": "0.0.0.0/0",
             "targetVpcSubnetId": "subnet-1"}
    out = pack.analyze(request("aws:ec2clientvpn/route:Route", "internet", route, AWS))
    assert reported(out) == {"cnlic-403": "advisory"}
    rule = pack.analyze(request("aws:ec2clientvpn/authorizationRule:AuthorizationRule", "internet",
                                {"clientVpnEndpointId": "cvpn-endpoint-1", "targetNetworkCidr": "0.0.0.0/0",
                                 "authorizeAllGroups": True}, AWS))
    assert reported(rule) == {}


def test_aws_customer_gateway_listed_as_own_peer_passes_401(pack):
    own = pack.analyze(request("aws:ec2/customerGateway:CustomerGateway", "bj",
                               {"bgpAsn": "65000", "ipAddress": "192.0.2.12", "type": "ipsec.1"}, AWS))
    assert "cnlic-401" not in reported(own)
    partner = pack.analyze(request("aws:ec2/customerGateway:CustomerGateway", "partner",
                                   {"bgpAsn": "65000", "ipAddress": "203.0.113.12", "type": "ipsec.1"}, AWS))
    assert reported(partner)["cnlic-401"] == "mandatory"
    assert "organization.vpn_peers" in message(partner, "cnlic-401")


def test_azure_point_to_site_internet_security(pack):
    props = {"location": "chinaeast2", "resourceGroupName": "rg", "virtualHubId": "hub", "scaleUnit": 1,
             "vpnServerConfigurationId": "cfg", "tags": {"license-service": "vpn"},
             "connectionConfiguration": {"name": "c", "internetSecurityEnabled": True,
                                         "vpnClientAddressPool": {"addressPrefixes": ["172.30.0.0/24"]}}}
    token = "azure:network/pointToPointVpnGateway:PointToPointVpnGateway"
    out = pack.analyze(request(token, "p2s", props, AZURE))
    assert reported(out) == {"cnlic-403": "advisory"}
    off = {**props, "connectionConfiguration": {**props["connectionConfiguration"],
                                                "internetSecurityEnabled": False}}
    assert reported(pack.analyze(request(token, "p2s", off, AZURE))) == {}
