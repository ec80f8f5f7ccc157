"""CKV_CNLIC_401/404 through the pack (gRPC), per bridged cloud: the properties as Pulumi sends them
(camelCase, one-letter words included: geographicRegionAId is geographic_region_a_id)."""
from __future__ import annotations

from pack_client import request, violations

from permitguard.pulumi import wire

ALI = ("pulumi:providers:alicloud", "sz", {"region": "cn-shenzhen"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
AZURE = ("pulumi:providers:azure", "east2", {"location": "chinaeast2", "environment": "china"})
PACKAGE = "alicloud:cen/bandwidthPackage:BandwidthPackage"
LINE = "alicloud:expressconnect/physicalConnection:PhysicalConnection"


def failed(response) -> set[str]:
    return {name[:9] for name, level, _ in violations(response) if level == "mandatory"}


def test_one_letter_words_of_a_property_name_come_back_as_terraform_names():
    assert wire.snake("geographicRegionAId") == "geographic_region_a_id"
    assert wire.camel("geographic_region_a_id") == "geographicRegionAId"


def test_alicloud_bandwidth_package_to_europe_fails_and_china_china_passes(pack):
    to_europe = {"geographicRegionAId": "China", "geographicRegionBId": "Europe"}
    out = pack.analyze(request(PACKAGE, "eu", to_europe, ALI))
    assert failed(out) == {"cnlic-401"}
    ok = pack.analyze(request(PACKAGE, "cn", {"geographicRegionAId": "China", "geographicRegionBId": "China"},
                              ALI))
    assert failed(ok) == set()


def test_alicloud_line_carriers(pack):
    other = pack.analyze(request(LINE, "other", {"accessPointId": "ap-x", "lineOperator": "Other"}, ALI))
    assert failed(other) == {"cnlic-401", "cnlic-404"}
    ct = pack.analyze(request(LINE, "ct", {"accessPointId": "ap-x", "lineOperator": "CT"}, ALI))
    assert failed(ct) == set()


def test_aws_peering_and_direct_connect(pack):
    peering = pack.analyze(request("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "tokyo",
                                   {"peerRegion": "ap-northeast-1", "transitGatewayId": "tgw-1",
                                    "peerTransitGatewayId": "tgw-2"}, AWS))
    assert failed(peering) == {"cnlic-401"}
    dx = pack.analyze(request("aws:directconnect/connection:Connection", "dx",
                              {"bandwidth": "1Gbps", "location": "SINBJ"}, AWS))
    assert failed(dx) == {"cnlic-404"}  # no provider_name: could not be established


def test_azure_express_route_circuit_from_a_basic_carrier_passes(pack):
    circuit = {"location": "chinaeast2", "resourceGroupName": "rg", "serviceProviderName": "China Telecom",
               "peeringLocation": "Beijing", "bandwidthInMbps": 50}
    assert failed(pack.analyze(request("azure:network/expressRouteCircuit:ExpressRouteCircuit", "er", circuit,
                                       AZURE))) == set()
