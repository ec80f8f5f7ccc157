"""The engine: which rules run at which level, what is not applicable before any rule is asked, and what a
finding may show."""
from __future__ import annotations

import dataclasses

from helpers import make
from permitguard import engine
from permitguard.model import MASK, Action, Resource, Status, sensitive

HONG_KONG = {"availability_zone": "cn-hongkong-b"}


def _by_rule(findings) -> dict:
    return {f.rule_id: f for f in findings}


def test_every_catalogued_rule_gives_one_finding_at_its_catalogued_level(ctx):
    findings = engine.evaluate(make("alicloud_instance", **HONG_KONG), ctx)
    assert [f.rule_id for f in findings] == ctx.rules.ids()
    assert all(f.enforcement == ctx.rules[f.rule_id].enforcement for f in findings)
    f = _by_rule(findings)["CKV_CNLIC_101"]
    assert (f.status, f.severity, f.clauses) == (
        Status.FAILED, ctx.rules["CKV_CNLIC_101"].severity, ctx.rules["CKV_CNLIC_101"].clauses)


def test_a_disabled_rule_gives_no_finding_and_an_overridden_level_is_the_findings(ctx):
    run = dataclasses.replace(ctx, enforcement={"CKV_CNLIC_101": "disabled", "CKV_CNLIC_102": "advisory"})
    findings = _by_rule(engine.evaluate(make("alicloud_instance", **HONG_KONG), run))
    assert "CKV_CNLIC_101" not in findings
    assert (findings["CKV_CNLIC_102"].enforcement, findings["CKV_CNLIC_102"].blocking) == ("advisory", False)
    assert findings["CKV_CNLIC_103"].enforcement == "mandatory"


def test_only_the_rules_asked_for_are_run(ctx):
    r = make("alicloud_instance", **HONG_KONG)
    findings = engine.evaluate(r, ctx, ["CKV_CNLIC_101", "CKV_CNLIC_201"])
    assert [f.rule_id for f in findings] == ["CKV_CNLIC_101", "CKV_CNLIC_201"]


def test_deleting_or_reading_is_never_judged_and_says_what_the_change_does(ctx):
    for action in (Action.DELETE, Action.READ):
        r = make("alicloud_instance", action=action, tags={"license-service": "cdn"}, **HONG_KONG)
        findings = engine.evaluate(r, ctx)
        assert {(f.status, f.reason) for f in findings} == {(Status.NOT_APPLICABLE, "not_changed")}
        assert f"performs '{action.value}'" in findings[0].message_en
        assert f"执行 {action.value} 操作" in findings[0].message_zh
    gone = make("alicloud_instance", action=Action.DELETE, tags={"license-service": "idc"})
    deleted = engine.evaluate(gone, ctx)
    assert deleted[0].service is None  # the business type of what goes away is not reported


def test_a_part_of_the_configuration_is_judged_by_the_configuration_family_only(ctx):
    part = make("terraform_module_call", reason="not_found", source="./absent", why="./absent")
    findings = _by_rule(engine.evaluate(part, ctx))
    assert (findings.pop("CKV_CNLIC_100").status, ctx.rules["CKV_CNLIC_100"].family) == (
        Status.FAILED, engine.CONFIGURATION_FAMILY)
    assert {(f.status, f.reason) for f in findings.values()} == {(Status.NOT_APPLICABLE, "not_a_resource")}


def test_a_pulumi_provider_configuration_is_judged_by_the_residency_family_only(ctx):
    provider = Resource("urn:p", "pulumi:providers:alicloud", "alicloud", {"region": "cn-hongkong"},
                        source_kind="pulumi")
    findings = engine.evaluate(provider, ctx)
    residency = {f.rule_id for f in findings if ctx.rules[f.rule_id].family == engine.PROVIDER_CONFIG_FAMILY}
    assert residency == {"CKV_CNLIC_101", "CKV_CNLIC_102", "CKV_CNLIC_103"}
    assert {f.reason for f in findings if f.rule_id not in residency} == {"provider_config"}
    assert _by_rule(findings)["CKV_CNLIC_101"].status is Status.FAILED  # its region is outside


def test_findings_share_the_location_and_business_type_of_the_resource(ctx):
    r = make("alicloud_instance", availability_zone="cn-shenzhen-a", tags={"License-Service": "idc"})
    f = engine.evaluate(r, ctx)[0]
    assert (f.region, f.zone, f.territory, f.province, f.city, f.service) == (
        "cn-shenzhen", "cn-shenzhen-a", "mainland", "CN-GD", "Shenzhen", "idc")


def test_a_failed_new_room_names_the_room_it_would_add_and_a_passed_one_none(ctx):
    new = _by_rule(engine.evaluate(make("alicloud_instance", availability_zone="cn-hangzhou-h"), ctx))
    assert (new["CKV_CNLIC_301"].status, new["CKV_CNLIC_301"].room) == (
        Status.FAILED, "alicloud cn-hangzhou zone h")
    filed = _by_rule(engine.evaluate(make("alicloud_instance", availability_zone="cn-beijing-h"), ctx))
    assert (filed["CKV_CNLIC_301"].status, filed["CKV_CNLIC_301"].room) == (Status.PASSED, None)


def test_a_sensitive_zone_and_the_region_found_from_it_are_masked_in_every_field_and_message(ctx):
    r = dataclasses.replace(make("alicloud_instance", availability_zone=sensitive("cn-hongkong-b")),
                            hidden=frozenset({"cn-hongkong-b"}))
    findings = _by_rule(engine.evaluate(r, ctx))
    outside = findings["CKV_CNLIC_101"]
    assert (outside.status, outside.region, outside.zone, outside.territory) == (
        Status.FAILED, MASK, MASK, "hk")
    assert "Hong Kong" in outside.message_en and "中国香港" in outside.message_zh  # the reason is shown
    texts = [t for f in findings.values() for t in (f.message_en, f.message_zh, f.room or "")]
    assert not any("cn-hongkong" in t for t in texts)
    assert findings["CKV_CNLIC_301"].room == f"alicloud {MASK} zone {MASK}"


def test_a_plain_resource_is_shown_as_it_is(ctx):
    f = _by_rule(engine.evaluate(make("alicloud_instance", **HONG_KONG), ctx))["CKV_CNLIC_101"]
    assert "cn-hongkong-b" in f.message_en and MASK not in f.message_en


def test_findings_of_one_resource_share_its_trail_and_carry_their_rules_own_steps(ctx):
    r = dataclasses.replace(make("alicloud_instance", availability_zone="cn-shanghai-l",
                                 tags={"license-service": "isp", "prior-filing": "TE-2026-0412"}))
    findings = _by_rule(engine.evaluate(r, ctx))
    assert len({id(f.located) for f in findings.values()}) == 1
    located = findings["CKV_CNLIC_101"].located
    assert [s.kind for s in located] == ["zone_value", "location", "service_tag"]
    assert located[-1].what == "license-service = isp"
    assert findings["CKV_CNLIC_101"].trail == ()
    assert [s.kind for s in findings["CKV_CNLIC_302"].trail] == ["filing_tag", "filing"]


def test_a_sensitive_zone_never_shows_in_the_trail(ctx):
    r = dataclasses.replace(make("alicloud_instance", availability_zone=sensitive("cn-hongkong-b")),
                            hidden=frozenset({"cn-hongkong-b"}))
    findings = engine.evaluate(r, ctx)
    steps = [s.what for f in findings for s in (*f.located, *f.trail)]
    assert steps and not any("cn-hongkong" in s for s in steps)
    assert any(MASK in s for s in steps) and any("Hong Kong" in s for s in steps)
