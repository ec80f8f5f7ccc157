"""CKV_CNLIC_301/302: new machine rooms need a prior filing that covers them and predates the change."""

from __future__ import annotations

from helpers import judge, make, shown
from permitguard.model import Status, Unknown
from permitguard.rules.filing import RULES

NEW_ROOM, FILING = RULES["CKV_CNLIC_301"], RULES["CKV_CNLIC_302"]


def test_filed_zone_passes(ctx):
    v = judge(NEW_ROOM, ctx, make("alicloud_instance", availability_zone="cn-beijing-h"))
    assert (v.status, v.facts["room"], v.facts["reference"]) == (Status.PASSED, "BJ-ALI-H", "TE-2024-0117")


def test_unfiled_zone_of_filed_region_is_a_new_room(ctx):
    v = judge(NEW_ROOM, ctx, make("alicloud_instance", availability_zone="cn-beijing-k"))
    assert (v.status, v.reason, v.facts["tag"]) == (Status.FAILED, "new_room", "prior-filing")


def test_whole_region_room_covers_regional_resources(ctx):
    assert (
        judge(NEW_ROOM, ctx, make("alicloud_oss_bucket", provider_region="cn-shenzhen")).status
        is Status.PASSED
    )


def test_prior_filing_covers_new_zone(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "TE-2026-0412"})
    assert (judge(NEW_ROOM, ctx, r).reason, judge(FILING, ctx, r).status) == ("prior_filing", Status.PASSED)


def test_prior_filing_out_of_scope(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-m", tags={"prior-filing": "TE-2026-0412"})
    assert (judge(NEW_ROOM, ctx, r).reason, judge(FILING, ctx, r).reason) == (
        "invalid_filing",
        "out_of_scope",
    )


def test_prior_filing_dated_after_the_change(ctx):
    import dataclasses
    import datetime as dt

    early = dataclasses.replace(ctx, as_of=dt.date(2026, 9, 1))
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "TE-2026-0412"})
    v = judge(FILING, early, r)
    assert (v.status, v.reason, v.facts["filed_on"]) == (Status.FAILED, "filed_after", "2026-09-30")


def test_malformed_and_unknown_references(ctx):
    bad = make(
        "alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "filed, trust me"}
    )
    assert judge(FILING, ctx, bad).reason == "malformed"
    unknown = make(
        "alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "TE-2026-9999"}
    )
    assert judge(FILING, ctx, unknown).reason == "unknown_reference"


def test_prior_filing_tag_unknown_fails_closed(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": Unknown()})
    assert (judge(FILING, ctx, r).reason, judge(NEW_ROOM, ctx, r).reason) == (
        "tag_unresolved",
        "invalid_filing",
    )


def test_no_tag_means_302_not_applicable(ctx):
    v = judge(FILING, ctx, make("alicloud_instance", availability_zone="cn-beijing-h"))
    assert (v.status, v.reason) == (Status.NOT_APPLICABLE, "no_tag")


def test_every_zone_of_a_multi_zone_resource_is_judged(ctx):
    r = make(
        "alicloud_alb_load_balancer", zone_mappings=[{"zone_id": "cn-beijing-h"}, {"zone_id": "cn-beijing-k"}]
    )
    v = judge(NEW_ROOM, ctx, r)
    assert (v.status, v.reason) == (Status.FAILED, "new_room")
    assert shown(v, ctx)["location"].startswith("alicloud cn-beijing-k")


def test_multi_zone_resource_in_filed_zones_passes(ctx):
    r = make(
        "alicloud_alb_load_balancer", zone_mappings=[{"zone_id": "cn-beijing-h"}, {"zone_id": "cn-beijing-i"}]
    )
    assert judge(NEW_ROOM, ctx, r).status is Status.PASSED


def test_filing_must_cover_the_unfiled_zone_of_a_multi_zone_resource(ctx):
    r = make(
        "alicloud_alb_load_balancer",
        zone_mappings=[{"zone_id": "cn-beijing-h"}, {"zone_id": "cn-shanghai-l"}],
        tags={"prior-filing": "TE-2026-0412"},
    )
    assert (judge(NEW_ROOM, ctx, r).status, judge(FILING, ctx, r).status) == (Status.PASSED, Status.PASSED)


def test_prior_filing_reference_with_surrounding_blanks_names_the_filing(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": " TE-2026-0412 "})
    v = judge(FILING, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["value"], judge(NEW_ROOM, ctx, r).reason) == (
        Status.PASSED,
        "valid",
        "TE-2026-0412",
        "prior_filing",
    )


def test_prior_filing_reference_in_lower_case_names_the_filing(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "te-2026-0412"})
    assert (judge(FILING, ctx, r).reason, judge(NEW_ROOM, ctx, r).reason) == ("valid", "prior_filing")


def test_prior_filing_tag_key_in_other_case_is_read(ctx):
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"Prior-Filing": "TE-2026-0412"})
    assert (judge(FILING, ctx, r).reason, judge(NEW_ROOM, ctx, r).reason) == ("valid", "prior_filing")


def test_filing_dated_on_the_change_date_is_in_time(ctx):
    import dataclasses
    import datetime as dt

    same_day = dataclasses.replace(ctx, as_of=dt.date(2026, 9, 30))
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "TE-2026-0412"})
    assert judge(FILING, same_day, r).status is Status.PASSED


def test_a_vpn_only_permit_files_no_machine_rooms(ctx):
    import dataclasses

    vpn_only = dataclasses.replace(ctx, profile=dataclasses.replace(
        ctx.profile, services={"vpn": ctx.profile.services["vpn"]}, default_service=None))
    r = make("alicloud_instance", availability_zone="cn-hangzhou-h", tags={"prior-filing": "nonsense"})
    assert (judge(NEW_ROOM, vpn_only, r).reason, judge(FILING, vpn_only, r).reason) == (
        "no_filing_duty", "no_filing_duty")


def test_a_vpn_tagged_resource_has_no_filing_duty_but_untagged_ones_do(ctx):
    vpn = make("alicloud_instance", availability_zone="cn-hangzhou-h", tags={"license-service": "vpn"})
    assert judge(NEW_ROOM, ctx, vpn).status is Status.NOT_APPLICABLE
    untagged = make("alicloud_instance", availability_zone="cn-hangzhou-h")
    assert judge(NEW_ROOM, ctx, untagged).reason == "new_room"


def test_an_unknown_business_type_keeps_the_filing_duty(ctx):
    r = make("alicloud_instance", availability_zone="cn-hangzhou-h", tags={"license-service": Unknown()})
    assert judge(NEW_ROOM, ctx, r).reason == "new_room"


def test_a_logical_type_occupies_no_machine_room(ctx):
    r = make("alicloud_security_group_rule", provider_region="cn-hangzhou", tags={"prior-filing": "nonsense"})
    assert [(v.status, v.reason) for v in (judge(NEW_ROOM, ctx, r), judge(FILING, ctx, r))] == [
        (Status.NOT_APPLICABLE, "logical_type"), (Status.NOT_APPLICABLE, "logical_type")]


def test_a_room_type_in_the_same_new_room_still_fails(ctx):
    v = judge(NEW_ROOM, ctx, make("alicloud_nat_gateway", provider_region="cn-hangzhou"))
    assert (v.status, v.reason) == (Status.FAILED, "new_room")


def test_a_type_not_in_the_catalog_keeps_the_duty_and_says_so(ctx):
    from permitguard.engine import evaluate

    r = make("alicloud_brand_new_thing", provider_region="cn-hangzhou")
    v = judge(NEW_ROOM, ctx, r)
    assert (v.status, v.reason) == (Status.FAILED, "new_room_uncatalogued")
    (finding,) = evaluate(r, ctx, ["CKV_CNLIC_301"])
    assert "not in the resource-type catalog" in finding.message_en
    assert "不在资源类型目录中" in finding.message_zh


def test_a_type_not_in_the_catalog_with_an_invalid_filing_says_so(ctx):
    r = make("alicloud_brand_new_thing", provider_region="cn-hangzhou", tags={"prior-filing": "TE-2026-9999"})
    assert judge(NEW_ROOM, ctx, r).reason == "invalid_filing_uncatalogued"
