"""permitguard.pulumi.wire: Pulumi wire-format properties → rule attributes."""
from __future__ import annotations

from pulumi_policy import proxy

from permitguard.model import Unknown
from permitguard.pulumi import wire

SECRET = {wire.SIG_KEY: wire.SECRET_SIG, "value": "cn-shenzhen-a"}


def test_unknown_sentinels_are_pulumi_policys():
    names = [name for name in dir(proxy) if name.startswith("UNKNOWN_") and name.endswith("_VALUE")]
    sdk = {getattr(proxy, name) for name in names}
    assert wire.UNKNOWN_SENTINELS == sdk


def test_camel_case_names_become_terraform_snake_case():
    assert wire.snake("availabilityZone") == "availability_zone"
    assert wire.snake("ipv6CidrBlocks") == "ipv6_cidr_blocks"
    assert wire.snake("cidrIp") == "cidr_ip"
    assert wire.snake("region") == "region"


def test_keys_that_are_not_camel_case_identifiers_stay():
    assert wire.snake("license-service") == "license-service"
    assert wire.snake("Statement") == "Statement"
    assert wire.camel("availability_zone") == "availabilityZone"


def test_unknown_sentinel_becomes_unknown_during_preview():
    attrs = wire.attributes({"zoneId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
    assert isinstance(attrs["zone_id"], Unknown)
    assert attrs["zone_id"].why == "unknown during preview"


def test_secret_becomes_unknown_and_its_value_is_gone():
    attrs = wire.attributes({"availabilityZone": SECRET, "password": wire.BLINDED})
    assert isinstance(attrs["availability_zone"], Unknown) and "secret" in attrs["availability_zone"].why
    assert isinstance(attrs["password"], Unknown)
    assert "cn-shenzhen-a" not in repr(attrs)


def test_whole_numbers_come_back_as_ints():
    attrs = wire.attributes({"ingress": [{"fromPort": 22.0, "toPort": 22.0, "weight": 0.5}]})
    assert attrs["ingress"][0] == {"from_port": 22, "to_port": 22, "weight": 0.5}
    assert isinstance(attrs["ingress"][0]["from_port"], int)


def test_tag_maps_keep_their_keys():
    attrs = wire.attributes({"tags": {"license-service": "idc", "costCenter": "x"}, "vpcId": "v"},
                            keep=("tags",))
    assert attrs == {"tags": {"license-service": "idc", "costCenter": "x"}, "vpc_id": "v"}


def test_pluralised_block_lists_are_also_given_under_the_terraform_name():
    rules = [{"name": "rdp", "destinationPortRange": "3389"}]
    attrs = wire.attributes({"securityRules": rules, "ingresses": rules, "zones": ["1", "2"]})
    want = [{"name": "rdp", "destination_port_range": "3389"}]
    assert attrs["security_rule"] == attrs["security_rules"] == want
    assert attrs["ingress"] == attrs["ingresses"]
    assert "zone" not in attrs  # a list of strings is not a block list


def test_singulars_of_tfbridge_plurals():
    assert wire.singulars("security_rules") == ("security_rule",)
    assert wire.singulars("ingresses") == ("ingress",)
    assert wire.singulars("policies") == ("policy",)
    assert wire.singulars("address") == ()


def test_resource_references_become_their_id():
    ref = {wire.SIG_KEY: wire.RESOURCE_REF_SIG, "urn": "urn:pulumi:dev::p::t::n", "id": "vpc-1"}
    assert wire.plain(ref) == "vpc-1"


def test_every_signature_is_its_plain_value_or_an_unknown_saying_which():
    sig = wire.SIG_KEY
    output = {sig: wire.OUTPUT_VALUE_SIG, "value": {"zoneId": "cn-beijing-h"}, "secret": False}
    assert wire.plain({"subnet": output}) == {"subnet": {"zone_id": "cn-beijing-h"}}
    cases = {
        wire.SECRET_WHY: [{sig: wire.SECRET_SIG, "value": "x"}, {sig: wire.OUTPUT_VALUE_SIG, "value": "x",
                                                                "secret": True}],
        wire.UNKNOWN_WHY: [{sig: wire.OUTPUT_VALUE_SIG}, {sig: wire.RESOURCE_REF_SIG, "id": wire.UNKNOWN}],
        wire.OPAQUE["[asset]"]: [{sig: wire.ASSET_SIG, "path": "a.txt"}, {sig: wire.ASSET_SIG, "text": "x"}],
        wire.OPAQUE["[archive]"]: [{sig: wire.ARCHIVE_SIG, "path": "a.zip"}],
        wire.OPAQUE["[resource reference]"]: [{sig: wire.RESOURCE_REF_SIG, "urn": "urn:pulumi:a::b::c::d"}],
        wire.OPAQUE["[unrecognised value]"]: [{sig: "ffff"}, {sig: 3}, {sig: None, "value": "x"}],
    }
    for why, values in cases.items():
        for value in values:
            got = wire.plain(value)
            assert isinstance(got, Unknown) and got.why == why, value


def test_secrets_blinding_leaves_nothing_pulumi_policy_cannot_deserialise():
    from pulumi_policy.deserialize import deserialize_properties

    from permitguard.pulumi.secrets import blinded

    ref = {wire.SIG_KEY: wire.RESOURCE_REF_SIG}
    props = {"a": {wire.SIG_KEY: wire.OUTPUT_VALUE_SIG, "value": {"b": ref}},
             "c": [{wire.SIG_KEY: "ffff"}, {wire.SIG_KEY: wire.ARCHIVE_SIG}]}
    assert deserialize_properties(blinded(props)) == {"a": {"b": "[resource reference]"},
                                                      "c": ["[unrecognised value]", "[archive]"]}


def test_urn_type_is_the_last_type_of_the_parent_chain():
    from permitguard.pulumi.wire import urn_type

    assert urn_type("urn:pulumi:dev::p::my:Component$alicloud:ecs/instance:Instance::web") == (
        "alicloud:ecs/instance:Instance")
    assert urn_type("not-a-urn") is None
