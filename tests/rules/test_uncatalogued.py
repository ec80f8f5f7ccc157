"""Types the catalog does not know: judged for location only, never said to expose nothing — and
could-not-evaluate when an attribute holds a world-open range or a trust grant."""

from __future__ import annotations

import json

from helpers import judge, make, shown
from permitguard.engine import evaluate
from permitguard.model import Status, Unknown
from permitguard.rules.control_plane import RULES
from permitguard.rules.uncatalogued import open_cidr, trust_grant

TRUST, EXPOSED = RULES["CKV_CNLIC_201"], RULES["CKV_CNLIC_202"]


def test_unknown_type_without_open_range_or_trust_says_it_is_not_in_the_catalog(ctx):
    r = make("alicloud_brand_new_thing", provider_region="cn-beijing", name="x")
    findings = {f.rule_id: f for f in evaluate(r, ctx, ["CKV_CNLIC_201", "CKV_CNLIC_202"])}
    for f in findings.values():
        assert (f.status, f.reason) == (Status.NOT_APPLICABLE, "uncatalogued")
        assert "type not in the catalog" in f.message_en and "judged for location only" in f.message_en
        assert "controls no network exposure" not in f.message_en


def test_unknown_type_with_a_world_open_range_is_undetermined_naming_the_attribute(ctx):
    r = make("tencentcloud_brand_new_acl", provider_region="ap-guangzhou",
             entries=[{"cidr": "10.0.0.0/8"}, {"cidr": "0.0.0.0/0", "port": "22"}])
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason, v.facts["attr"], shown(v, ctx)["value"]) == (
        Status.FAILED, "uncatalogued_open_cidr", "entries[1].cidr", "0.0.0.0/0")
    assert ctx.rules["CKV_CNLIC_202"].undetermined(v.reason)


def test_world_open_range_inside_a_text(ctx):
    assert open_cidr({"rules": ["ACCEPT#::/0#22#TCP"]}) == ("rules[0]", "::/0")
    assert open_cidr({"cidr": "10.0.0.0/0"}) is None and open_cidr({"cidr": "100.0.0.0/16"}) is None


def test_unknown_type_with_a_trust_document_is_undetermined_naming_the_attribute(ctx):
    doc = json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::999:root"]}}]})
    v = judge(TRUST, ctx, make("alicloud_brand_new_role", policy_document=doc))
    assert (v.status, v.reason, v.facts["attr"]) == (Status.FAILED, "uncatalogued_trust", "policy_document")
    assert ctx.rules["CKV_CNLIC_201"].undetermined(v.reason)


def test_trust_named_attributes_count_even_when_unknown(ctx):
    assert trust_grant({"assume_role_policy": Unknown()}) == "assume_role_policy"
    assert trust_grant({"member": [{"principal_id": "123"}]}) == "member[0].principal_id"
    assert trust_grant({"trusted_accounts": []}) is None


def test_a_policy_that_names_no_principal_is_not_a_trust_grant(ctx):
    assert trust_grant({"policy": json.dumps({"Statement": [{"Effect": "Allow", "Action": "*"}]})}) is None
    assert trust_grant({"policy": "accept"}) is None


def test_known_type_without_exposure_keeps_its_message(ctx):
    v = judge(EXPOSED, ctx, make("alicloud_instance", availability_zone="cn-beijing-h"))
    assert (v.status, v.reason) == (Status.NOT_APPLICABLE, "no_exposure")
