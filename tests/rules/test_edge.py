"""CKV_CNLIC_901 (resource-collaboration nodes sit in IDC-licensed machine rooms) and the location of edge
nodes by their node (region catalog edge_nodes), on hand-built resources."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from helpers import judge, make, shown
from permitguard import datafiles
from permitguard import placement as pl
from permitguard.context import Subject
from permitguard.geo import RegionCatalog
from permitguard.model import Resource, Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules.edge import RULES
from permitguard.rules.residency import RULES as RESIDENCY

RULE, OUTSIDE, UNKNOWN = RULES["CKV_CNLIC_901"], RESIDENCY["CKV_CNLIC_101"], RESIDENCY["CKV_CNLIC_103"]
REGIONS, TYPES = RegionCatalog.load(), ResourceTypeCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE


def ens(node, type_="alicloud_ens_instance", **kw):
    attrs = {"schedule_area_level": "Region"} if type_ == "alicloud_ens_instance" else {}
    attrs.update({"ens_region_id": node} if node else {}, **kw)
    return make(type_, provider_region="cn-hangzhou", **attrs)


def verdict(ctx, resource, rule=RULE):
    v = judge(rule, ctx, resource)
    return v.status, v.reason


# ---------------------------------------------------------------- location by node (observation 1)
def test_an_ens_node_is_located_by_its_node_not_the_provider_region(ctx):
    p = Subject(ens("tr-Istanbul-1"), ctx).placement
    assert (p.kind, p.location.region, p.location.territory, p.located_from) == (
        pl.LOCATED, "tr-Istanbul-1", "foreign", "attribute ens_region_id")
    assert verdict(ctx, ens("tr-Istanbul-1"), OUTSIDE) == (FAILED, "outside_mainland")
    bj = Subject(ens("cn-beijing-telecom"), ctx).placement.location
    assert (bj.province, bj.city) == ("CN-BJ", "Beijing")


@pytest.mark.parametrize(("resource", "reason"), [
    (ens("cn-foshan-unicom-1"), "unknown_node"),  # never guessed from the id's shape
    (ens(None), "unresolved"),
    (ens(Unknown("known only after apply")), "unresolved"),
    (make("alicloud_ens_instance", provider_region="cn-beijing", schedule_area_level="Big"), "unresolved"),
])
def test_a_node_not_established_is_103s_finding(ctx, resource, reason):
    assert verdict(ctx, resource, UNKNOWN) == (FAILED, reason)


def test_area_scheduling_lets_the_platform_pick_the_node_even_with_a_node_named(ctx):
    r = ens("cn-beijing-telecom", schedule_area_level="Middle")
    assert verdict(ctx, r) == (FAILED, "node_unresolved")
    assert "schedule_area_level = Middle" in shown(judge(RULE, ctx, r), ctx)["why"]


# ---------------------------------------------------------------- 901
def test_a_node_in_a_licensed_place_and_a_filed_room_passes(ctx):
    assert verdict(ctx, ens("cn-beijing-telecom")) == (PASSED, "idc_room")
    assert verdict(ctx, ens("cn-beijing-telecom", "alicloud_ens_disk")) == (PASSED, "idc_room")


def test_a_node_outside_the_idc_coverage_or_the_mainland_fails(ctx):
    assert verdict(ctx, ens("cn-chenzhou-telecom_unicom_cmcc")) == (FAILED, "outside_idc")
    assert verdict(ctx, ens("cn-hangzhou-44", "alicloud_ens_load_balancer")) == (FAILED, "outside_idc")
    v = judge(RULE, ctx, ens("sg-singapore-9"))
    assert (v.status, v.reason, shown(v, ctx)["territory"]) == (FAILED, "node_abroad", "outside China")


def test_a_licensed_place_needs_a_filed_room_when_the_profile_lists_rooms(ctx):
    assert verdict(ctx, ens("cn-shanghai-cmcc")) == (FAILED, "room_not_filed")
    assert verdict(ctx, ens("cn-shanghai-cmcc-4", tags={"prior-filing": "TE-2026-0413"})) == (
        PASSED, "idc_prefiled")
    no_rooms = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, rooms=()))
    assert verdict(no_rooms, ens("cn-shanghai-cmcc")) == (PASSED, "idc_place")


def test_the_coverage_is_the_profiles_idc_grant(ctx):
    p = ctx.profile
    no_idc = dataclasses.replace(ctx, profile=dataclasses.replace(
        p, services={k: v for k, v in p.services.items() if k != "idc"}))
    assert verdict(no_idc, ens("cn-beijing-telecom")) == (FAILED, "no_idc_grant")


def test_a_node_whose_city_is_unknown_under_a_city_level_coverage_is_undetermined(ctx):
    data = datafiles.load_data("regions.yaml", "regions.schema.json")
    data["edge_nodes"]["alicloud_ens"]["nodes"].append(
        {"node": "cn-gd-x", "name": "x", "territory": "mainland", "province": "CN-GD", "city": None,
         "source": "t"})
    vague = dataclasses.replace(ctx, regions=RegionCatalog(data, ctx.provinces))
    assert verdict(vague, ens("cn-gd-x")) == (FAILED, "coverage_undetermined")
    v = judge(RULE, vague, ens("cn-gd-x"))  # 102's test of the coverage, and its word for what is missing
    assert v.facts["missing"] == "city" and "its city is not known" in _message(v, vague).en


def test_a_node_whose_province_is_unknown_says_the_province_is_missing(ctx):
    data = datafiles.load_data("regions.yaml", "regions.schema.json")
    data["edge_nodes"]["alicloud_ens"]["nodes"].append(
        {"node": "cn-x", "name": "x", "territory": "mainland", "province": None, "city": None, "source": "t"})
    vague = dataclasses.replace(ctx, regions=RegionCatalog(data, ctx.provinces))
    v = judge(RULE, vague, ens("cn-x"))
    assert (v.status, v.reason, v.facts["missing"]) == (FAILED, "coverage_undetermined", "province")
    assert "its province is not known" in _message(v, vague).en and "省份未知" in _message(v, vague).zh


def _message(v, ctx):
    from permitguard import localise

    return localise.message(ctx.rules["CKV_CNLIC_901"], v.reason, v.facts, ctx)


def test_networks_on_a_node_cdn_domains_and_ordinary_compute_are_no_nodes(ctx):
    assert verdict(ctx, ens("cn-beijing-telecom", "alicloud_ens_network")) == (NA, "on_a_node")
    assert verdict(ctx, make("alicloud_cdn_domain_new", domain_name="x.cn")) == (NA, "bought_service")
    assert verdict(ctx, make("aws_cloudfront_distribution")) == (NA, "bought_service")
    assert verdict(ctx, make("alicloud_instance", availability_zone="cn-beijing-h")) == (NA, "not_a_node")


def test_huawei_iec_and_volcengine_veen_sites_are_not_recorded_yet(ctx):
    iec = make("huaweicloud_iec_server", provider_region="cn-north-4", coverage_sites=[{"site_id": "s-1"}])
    assert verdict(ctx, iec) == (FAILED, "node_unknown")
    veen = make("volcengine_veenedge_instance", provider_region="cn-beijing", area_name="cn-beijing-cmcc")
    assert verdict(ctx, veen) == (FAILED, "node_unknown")


def test_a_pulumi_ens_instance_is_located_by_its_node(ctx):
    r = Resource("urn:e", "alicloud:ens/instance:Instance", "alicloud",
                 {"ens_region_id": "cn-chenzhou-telecom_unicom_cmcc", "schedule_area_level": "Region"},
                 provider_region="cn-shenzhen", source_kind="pulumi")
    assert verdict(ctx, r) == (FAILED, "outside_idc")


# ---------------------------------------------------------------- the data
def test_every_node_type_is_catalogued_and_node_kinds_occupy_rooms():
    for t in ("alicloud_ens_instance", "alicloud_ens_disk", "alicloud_ens_load_balancer",
              "huaweicloud_iec_server", "volcengine_veenedge_instance"):
        assert REGIONS.node_type(t) is not None and TYPES.get(t).occupies_room is True, t
    assert TYPES.get("alicloud_ens_network").occupies_room is False


def test_the_catalog_says_which_clouds_offer_no_edge_node():
    doc = yaml.safe_load(datafiles.data_path("rules.yaml").read_text(encoding="utf-8"))
    inspects = next(r for r in doc["rules"] if r["id"] == "CKV_CNLIC_901")["inspects"]
    for cloud in ("tencentcloud", "aws", "azurerm", "baiducloud"):
        assert "no edge" in inspects[cloud], cloud
    for t in REGIONS.edge_services():
        assert TYPES.get(t).cloud in inspects or t.startswith("volcengine_"), t


def test_the_region_catalog_refuses_a_node_with_an_unknown_province(ctx):
    from permitguard.geo.checks import catalog_problems

    data = datafiles.load_data("regions.yaml", "regions.schema.json")
    data["edge_nodes"]["alicloud_ens"]["nodes"].append(dict(data["edge_nodes"]["alicloud_ens"]["nodes"][0]))
    data["edge_nodes"]["alicloud_ens"]["nodes"][-1]["province"] = "CN-XX"
    found = [path for path, _ in catalog_problems(data, ctx.provinces)]
    assert "$.edge_nodes.alicloud_ens.nodes[14].province" in found
    assert "$.edge_nodes.alicloud_ens.nodes[14].node" in found  # listed twice
