"""CKV_CNLIC_101/102/103 on hand-built resources: mainland, licensed coverage, location established."""

from __future__ import annotations

import dataclasses

from helpers import judge, make, shown
from permitguard import localise
from permitguard.context import Subject
from permitguard.model import Status, Unknown
from permitguard.rules.residency import RULES

OUTSIDE, COVERAGE, LOCATION = (RULES[i] for i in ("CKV_CNLIC_101", "CKV_CNLIC_102", "CKV_CNLIC_103"))


def test_hong_kong_region_is_outside_mainland(ctx):
    v = judge(OUTSIDE, ctx, make("alicloud_instance", provider_region="cn-hongkong"))
    assert (v.status, v.reason, shown(v, ctx)["territory"]) == (
        Status.FAILED, "outside_mainland", "Hong Kong")


def test_zone_wins_over_provider_region(ctx):
    r = make("alicloud_instance", provider_region="cn-hongkong", availability_zone="cn-beijing-h")
    v = judge(OUTSIDE, ctx, r)
    assert (v.status, v.reason) == (Status.PASSED, "inside_mainland")
    assert "attribute availability_zone" == Subject(r, ctx).placement.located_from


def test_idc_tag_in_heyuan_is_outside_idc_coverage(ctx):
    r = make("alicloud_instance", availability_zone="cn-heyuan-a", tags={"license-service": "idc"})
    v = judge(COVERAGE, ctx, r)
    assert (v.status, v.reason) == (Status.FAILED, "outside_coverage")
    assert shown(v, ctx)["services"] == "Internet Data Centre (B11)"


def test_idc_tag_in_shenzhen_is_inside(ctx):
    r = make("alicloud_instance", provider_region="cn-shenzhen", tags={"license-service": "IDC"})
    assert judge(COVERAGE, ctx, r).status is Status.PASSED


def test_untagged_resource_is_judged_against_union_of_coverage(ctx):
    assert (
        judge(COVERAGE, ctx, make("alicloud_instance", provider_region="cn-qingdao")).status is Status.PASSED
    )
    hk = judge(COVERAGE, ctx, make("alicloud_instance", provider_region="cn-hongkong"))
    assert (hk.status, hk.reason) == (Status.FAILED, "outside_coverage")


def test_service_not_granted_fails(ctx):
    v = judge(
        COVERAGE,
        ctx,
        make("alicloud_instance", provider_region="cn-beijing", tags={"license-service": "cdn"}),
    )
    assert (v.status, v.reason, shown(v, ctx)["granted"]) == (
        Status.FAILED,
        "service_not_granted",
        "idc, vpn, isp",
    )


def test_service_tag_unknown_fails_closed(ctx):
    r = make("alicloud_instance", provider_region="cn-beijing", tags={"license-service": Unknown()})
    assert judge(COVERAGE, ctx, r).reason == "service_tag_unknown"


def test_tags_not_a_map_fail_closed(ctx):
    v = judge(COVERAGE, ctx, make("alicloud_instance", provider_region="cn-beijing", tags="idc"))
    assert (v.status, v.reason) == (Status.FAILED, "service_tag_unknown")


def test_isp_tag_in_province_without_known_city_is_inside(ctx):
    r = make("alicloud_instance", provider_region="cn-zhangjiakou", tags={"license-service": "isp"})
    assert judge(COVERAGE, ctx, r).status is Status.PASSED


def test_null_province_cannot_be_shown_inside_isp(ctx):
    r = make("azurerm_linux_virtual_machine", location="chinaeast3", tags={"license-service": "isp"})
    v = judge(COVERAGE, ctx, r)
    assert (v.status, v.reason, v.facts["missing"]) == (Status.FAILED, "coverage_undetermined", "province")


def test_unresolved_region_fails_103_and_101_defers(ctx):
    r = make("alicloud_instance", provider_region=Unknown("unresolved reference var.region"))
    v = judge(LOCATION, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["why"]) == (
        Status.FAILED,
        "unresolved",
        "unresolved reference var.region",
    )
    assert judge(OUTSIDE, ctx, r).status is Status.NOT_APPLICABLE


def test_unknown_region_id_fails_103(ctx):
    v = judge(LOCATION, ctx, make("alicloud_instance", provider_region="cn-atlantis"))
    assert (v.status, v.reason, shown(v, ctx)["value"]) == (Status.FAILED, "unknown_region", "cn-atlantis")


def test_unknown_zone_does_not_fall_back_to_provider_region(ctx):
    r = make("alicloud_instance", provider_region="cn-beijing", availability_zone="xx-nowhere-z")
    assert judge(LOCATION, ctx, r).reason == "unknown_zone"


def test_no_region_anywhere_fails_103(ctx):
    assert judge(LOCATION, ctx, make("alicloud_instance")).reason == "no_region"


def test_zone_known_only_after_apply_is_placed_in_the_region_that_holds_it(ctx):
    r = make("alicloud_instance", provider_region="cn-beijing", availability_zone=Unknown())
    placement = Subject(r, ctx).placement
    assert (placement.location.region, placement.location.zone) == ("cn-beijing", None)
    assert placement.why.startswith("zone known only after apply")
    assert judge(LOCATION, ctx, r).status is Status.PASSED
    hk = make("alicloud_instance", provider_region="cn-hongkong", availability_zone=Unknown())
    assert judge(OUTSIDE, ctx, hk).status is Status.FAILED  # the region alone decides 101


def test_zone_and_region_both_unknown_fail_103(ctx):
    r = make("alicloud_instance", provider_region=Unknown("unresolved reference var.r"),
             availability_zone=Unknown())
    v = judge(LOCATION, ctx, r)
    assert (v.status, shown(v, ctx)["why"]) == (Status.FAILED, "known only after apply")


def test_global_types_have_no_location(ctx):
    r = make("alicloud_ram_role", provider_region="cn-hongkong")
    assert {judge(rule, ctx, r).status for rule in (OUTSIDE, COVERAGE, LOCATION)} == {Status.NOT_APPLICABLE}


def test_azure_logical_zone_defers_to_location(ctx):
    r = make("azurerm_linux_virtual_machine", location="China North 3", zone="1")
    v = judge(OUTSIDE, ctx, r)
    assert (v.status, Subject(r, ctx).placement.location.province) == (Status.PASSED, "CN-HE")


def test_idc_in_a_province_without_a_licensed_city_is_outside_even_if_city_unknown(ctx):
    r = make("azurerm_storage_account", location="chinanorth3", tags={"license-service": "idc"})
    v = judge(COVERAGE, ctx, r)
    assert (v.status, v.reason) == (Status.FAILED, "outside_coverage")


def test_any_zone_outside_mainland_fails_a_multi_zone_resource(ctx):
    r = make(
        "alicloud_alb_load_balancer",
        zone_mappings=[{"zone_id": "cn-beijing-h"}, {"zone_id": "cn-hongkong-b"}],
    )
    v = judge(OUTSIDE, ctx, r)
    assert (v.status, shown(v, ctx)["territory"]) == (Status.FAILED, "Hong Kong")
    assert judge(COVERAGE, ctx, r).reason == "outside_coverage"


def test_numeric_zone_id_is_read_as_text(ctx):
    r = make("tencentcloud_instance", availability_zone=100003)
    assert Subject(r, ctx).placement.location.zone == "100003"


def test_service_tag_key_in_other_case_is_read(ctx):
    r = make("alicloud_instance", availability_zone="cn-heyuan-a", tags={"License-Service": "idc"})
    v = judge(COVERAGE, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["services"]) == (
        Status.FAILED,
        "outside_coverage",
        "Internet Data Centre (B11)",
    )


def test_tag_blocks_with_capitalised_key_and_value_are_read(ctx):
    tags = [{"Key": "license-service", "Value": "idc"}]
    r = make("alicloud_instance", availability_zone="cn-heyuan-a", tags=tags)
    assert judge(COVERAGE, ctx, r).reason == "outside_coverage"


def test_own_tag_counts_when_merged_tags_are_known_only_after_apply(ctx):
    r = make(
        "aws_instance",
        availability_zone="cn-north-1a",
        tags={"license-service": "idc"},
        tags_all=Unknown("known only after apply"),
    )
    v = judge(COVERAGE, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["services"]) == (
        Status.PASSED,
        "inside_coverage",
        "Internet Data Centre (B11)",
    )


def test_service_tag_may_name_the_catalogue_code_or_the_chinese_name(ctx):
    for value in ("B11", "b11", "互联网数据中心业务", "Internet Data Centre"):
        r = make("alicloud_instance", availability_zone="cn-heyuan-a", tags={"license-service": value})
        v = judge(COVERAGE, ctx, r)
        assert (v.status, v.reason, shown(v, ctx)["services"]) == (
            Status.FAILED, "outside_coverage", "Internet Data Centre (B11)"), value


def test_several_business_types_must_all_cover_the_location(ctx):
    both = make("alicloud_instance", availability_zone="cn-heyuan-a", tags={"license-service": "isp, idc"})
    v = judge(COVERAGE, ctx, both)
    assert (v.status, shown(v, ctx)["services"]) == (
        Status.FAILED, "Internet Access Service (B14) / Internet Data Centre (B11)")
    ok = make("alicloud_instance", provider_region="cn-shenzhen", tags={"license-service": "isp,idc"})
    assert judge(COVERAGE, ctx, ok).status is Status.PASSED


def test_one_unknown_business_type_among_several_fails(ctx):
    r = make("alicloud_instance", provider_region="cn-shenzhen", tags={"license-service": "idc,cdn"})
    assert judge(COVERAGE, ctx, r).reason == "service_not_granted"


def _other_ctx():
    from pathlib import Path

    from conftest import AS_OF
    from permitguard.context import Context

    path = Path(__file__).resolve().parents[1] / "fixtures/licenses/other-idc.yaml"
    return Context.load(str(path), as_of=AS_OF, environ={})


def test_other_permit_idc_city_covers_hangzhou_not_nanjing():
    other = _other_ctx()
    hz = judge(COVERAGE, other, make("alicloud_instance", availability_zone="cn-hangzhou-h",
                                     tags={"license-service": "idc"}))
    assert (hz.status, hz.reason) == (Status.PASSED, "inside_coverage")
    nj = judge(COVERAGE, other, make("alicloud_instance", availability_zone="cn-nanjing-a",
                                     tags={"license-service": "idc"}))
    assert (nj.status, nj.reason) == (Status.FAILED, "outside_coverage")
    assert (shown(nj, other)["coverage"], shown(nj, other, "zh")["coverage"]) == (
        "B11 Shanghai, Hangzhou, Suzhou", "B11 上海市、Hangzhou、Suzhou")
    text = localise.message(other.rules["CKV_CNLIC_102"], "outside_coverage", nj.facts, other)
    assert text.en == (
        "alicloud_instance.r is in alicloud cn-nanjing-a (region cn-nanjing) → Jiangsu (CN-JS), Nanjing, "
        "outside the coverage of Internet Data Centre (B11) (licensed: B11 Shanghai, Hangzhou, Suzhou).")


def test_other_permit_province_with_idc_city_but_unknown_city_is_undetermined():
    from permitguard.geo import Location
    from permitguard.rules.residency import covered

    other = _other_ctx()
    zj = Location("alicloud", "r", None, "mainland", "CN-ZJ", None, None, False, "test")
    v = covered(zj, ["idc"], True, {"address": "a"}, other)
    assert (v.status, v.reason, v.facts["missing"]) == (Status.FAILED, "coverage_undetermined", "city")
    he = Location("alicloud", "r", None, "mainland", "CN-HE", None, None, False, "test")
    assert covered(he, ["idc"], True, {"address": "a"}, other).reason == "outside_coverage"


def test_coverage_remediation_names_no_bundled_permit_places(ctx):
    rem = ctx.rules["CKV_CNLIC_102"].remediation
    assert rem.en == (
        "Place the resource where its business type is licensed (the coverage the permit gives that type, "
        "as the licence profile transcribes it in license.services and the finding lists it), or correct "
        "the resource's business-type tag (license-service unless the profile renames it) to a granted "
        "business type.")
    for meta in ctx.rules:
        for text in (meta.remediation.en, meta.remediation.zh):
            assert not any(w in text for w in ("Guangzhou", "Shenzhen", "广州", "深圳", "B1-20195402"))


def _permit_with(ctx, **coverage):
    """The bundled permit with some business types' coverage replaced."""
    profile = ctx.profile
    services = {
        k: dataclasses.replace(s, coverage=coverage.get(k, s.coverage)) for k, s in profile.services.items()}
    return dataclasses.replace(ctx, profile=dataclasses.replace(profile, services=services))


def test_one_business_type_outside_decides_although_another_cannot_tell(ctx):
    # chinanorth3 is in Hebei, its city not established. IDC here is granted in Zhangjiakou (a Hebei city):
    # it cannot tell; ISP is granted everywhere but Hebei: outside. Tagged with both, the resource must be
    # inside both, so it is outside, not undetermined.
    idc, isp = ctx.profile.services["idc"].coverage, ctx.profile.services["isp"].coverage
    permit = _permit_with(ctx, idc=dataclasses.replace(idc, cities=idc.cities | {"zhangjiakou"}),
                          isp=dataclasses.replace(isp, provinces=isp.provinces - {"CN-HE"}))

    def reason(tag: str) -> tuple:
        r = make("azurerm_linux_virtual_machine", location="chinanorth3", tags={"license-service": tag})
        v = judge(COVERAGE, permit, r)
        return v.status, v.reason

    assert reason("idc") == (Status.FAILED, "coverage_undetermined")
    assert reason("isp") == (Status.FAILED, "outside_coverage")
    assert reason("idc,isp") == (Status.FAILED, "outside_coverage")
