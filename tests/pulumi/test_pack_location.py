"""Where the pack locates a resource: own zone/region, else its default or explicit provider; unknowns,
environment-only regions and secrets fail closed (CKV_CNLIC_103) and are never echoed."""
from __future__ import annotations

from pack_client import not_applicable, request, violations

from permitguard.rule_catalog import RuleCatalog

POLICIES = len(RuleCatalog.load().ids())  # one per rule of the catalog

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"
INSTANCE = "alicloud:ecs/instance:Instance"
BUCKET = "aws:s3/bucket:Bucket"
ALI = "pulumi:providers:alicloud"
AWS = "pulumi:providers:aws"
SHENZHEN = (ALI, "sz", {"region": "cn-shenzhen"})


def secret(value):
    return {SECRET[0]: SECRET[1], "value": value}


def failed(response) -> dict[str, str]:
    return {name[:9]: message for name, level, message in violations(response) if level == "mandatory"}


def test_own_zone_wins_over_the_provider_region(pack):
    response = pack.analyze(request(INSTANCE, "web", {"availabilityZone": "cn-shenzhen-a"},
                                    (ALI, "hk", {"region": "cn-hongkong"})))
    assert failed(response) == {}


def test_default_provider_region_comes_from_its_stack_config_props(pack):
    response = pack.analyze(request(INSTANCE, "web", {}, (ALI, "default_3_101_0", {"region": "cn-hongkong",
                                                                                   "version": "3.101.0"})))
    assert set(failed(response)) == {"cnlic-101", "cnlic-102", "cnlic-301"}
    assert "(from" not in failed(response)["cnlic-101"]


def test_explicit_provider_region(pack):
    response = pack.analyze(request(INSTANCE, "web", {"tags": {"license-service": "idc"}},
                                    (ALI, "heyuan", {"region": "cn-heyuan"})))
    assert set(failed(response)) == {"cnlic-102", "cnlic-301"}


def test_provider_outside_mainland_is_itself_a_violation_of_the_location_rules_only(pack):
    response = pack.analyze(request(ALI, "hk", {"region": "cn-hongkong", "version": "3.101.0"}))
    assert set(failed(response)) == {"cnlic-101", "cnlic-102"}
    skipped = not_applicable(response)
    assert "is a provider configuration" in skipped["cnlic-301-new-room-unfiled"]
    assert "cnlic-103-location-unknown" not in skipped


def test_provider_setting_no_region_is_not_judged_itself(pack):
    response = pack.analyze(request("pulumi:providers:aws", "default_7_0_0", {"version": "7.0.0"}))
    assert failed(response) == {} and len(not_applicable(response)) == POLICIES


def test_unknown_zone_is_located_by_its_provider_region(pack):
    """A zone always lies in its provider's region: Shenzhen (whose room is filed for the whole region)
    locates it; nothing fails, and nothing about the zone is claimed."""
    response = pack.analyze(request(INSTANCE, "web", {"availabilityZone": UNKNOWN}, SHENZHEN))
    assert set(failed(response)) == set()
    assert all("can't run" not in message for _, _, message in violations(response))


def test_unknown_provider_region_fails_closed(pack):
    response = pack.analyze(request(BUCKET, "b", {}, (AWS, "p", {"region": UNKNOWN})))
    assert set(failed(response)) == {"cnlic-103"}
    assert "unknown during preview (provider p (region))" in failed(response)["cnlic-103"]


def test_region_only_in_the_environment_fails_closed(pack):
    response = pack.analyze(request(BUCKET, "b", {}, (AWS, "default_7_0_0", {"version": "7.0.0"})))
    assert set(failed(response)) == {"cnlic-103"}
    assert "not set in the provider configuration (a value given only in an environment variable is " \
           "invisible to policy): stack config aws:region" in failed(response)["cnlic-103"]
    assert "未在 provider 配置中设置（仅在环境变量中给出的值对策略不可见）: stack config aws:region" \
        in failed(response)["cnlic-103"]


def test_secret_region_fails_closed_and_is_never_echoed(pack):
    provider = (AWS, "p", {"region": secret("us-west-2"), "secretKey": secret("wJalrXUtnFEMI")})
    tags = {"prior-filing": secret("TE-9999-0001")}
    response = pack.analyze(request(BUCKET, "b", {"tags": tags}, provider))
    assert set(failed(response)) == {"cnlic-103", "cnlic-302"}
    text = "".join(message for _, _, message in violations(response))
    assert "a secret" in failed(response)["cnlic-103"]
    assert "us-west-2" not in text and "wJalrXUtnFEMI" not in text and "TE-9999-0001" not in text


def test_wire_numbers_and_plural_blocks_reach_the_rules(pack):
    rule = {"name": "rdp", "priority": 100.0, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
            "sourcePortRange": "*", "destinationPortRange": "3389", "sourceAddressPrefix": "*",
            "destinationAddressPrefix": "*"}
    nsg = request("azure:network/networkSecurityGroup:NetworkSecurityGroup", "nsg",
                  {"location": "chinaeast2", "securityRules": [rule]}, ("pulumi:providers:azure", "az", {}))
    sg = request("aws:ec2/securityGroup:SecurityGroup", "sg", {"ingress": [
        {"protocol": "tcp", "fromPort": 22.0, "toPort": 22.0, "cidrBlocks": ["0.0.0.0/0"]}]},
        (AWS, "default_7_0_0", {"region": "cn-north-1"}))
    assert set(failed(pack.analyze(nsg))) == {"cnlic-202"}
    assert set(failed(pack.analyze(sg))) == {"cnlic-202"}


def test_custom_resource_of_a_package_the_catalog_does_not_know_fails_closed(pack):
    response = pack.analyze(request("acme:compute/vm:Vm", "vm", {}, ("pulumi:providers:acme", "p", {})))
    assert set(failed(response)) == {"cnlic-103"}


def test_resources_of_packages_without_location_are_not_applicable(pack):
    response = pack.analyze(request("random:index/randomPet:RandomPet", "pet", {"length": 2.0},
                                    ("pulumi:providers:random", "default_4_0_0", {})))
    assert failed(response) == {} and len(not_applicable(response)) == POLICIES
