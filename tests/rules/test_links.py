"""CKV_CNLIC_401 (no cross-border links) and CKV_CNLIC_404 (lines only from basic-telecom carriers) on
hand-built resources, per cloud; and the link catalog held to the resource-type and rule catalogs."""

from __future__ import annotations

import pytest
import yaml

from helpers import judge, make, shown
from permitguard import datafiles
from permitguard.link_catalog import LinkCatalog
from permitguard.model import Resource, Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.rule_catalog import RuleCatalog
from permitguard.rules.links import RULES

LINK, CARRIER = RULES["CKV_CNLIC_401"], RULES["CKV_CNLIC_404"]
ALI_LINE, ER = "alicloud_express_connect_physical_connection", "azurerm_express_route_circuit"
LINKS, TYPES, CATALOG = LinkCatalog.load(), ResourceTypeCatalog.load(), RuleCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE


def verdict(rule, ctx, type_, **kw):
    v = judge(rule, ctx, make(type_, **kw))
    return v.status, v.reason


# ---------------------------------------------------------------- 401, per cloud
@pytest.mark.parametrize(("b", "expected"), [
    ("China", (PASSED, "domestic_places")),
    ("North-America", (FAILED, "cross_border_place")),
    ("europe", (FAILED, "cross_border_place")),  # the provider's words, any case
    ("Atlantis", (FAILED, "unknown_place")),
    (Unknown("known only after apply"), (FAILED, "end_unresolved")),
])
def test_alicloud_bandwidth_package_areas(ctx, b, expected):
    assert verdict(LINK, ctx, "alicloud_cen_bandwidth_package", geographic_region_a_id="China",
                   geographic_region_b_id=b) == expected


def test_alicloud_bandwidth_package_deprecated_list_stands_in_for_both_areas(ctx):
    assert verdict(LINK, ctx, "alicloud_cen_bandwidth_package", geographic_region_ids=["China", "China"]) == (
        PASSED, "domestic_places")
    assert verdict(LINK, ctx, "alicloud_cen_bandwidth_package", geographic_region_a_id="China") == (
        FAILED, "end_not_stated")


def test_an_attachment_in_hong_kong_is_the_end_of_a_cross_border_link(ctx):
    v = judge(LINK, ctx, make("alicloud_cen_instance_attachment", child_instance_region_id="cn-hongkong"))
    assert (v.status, v.reason, shown(v, ctx)["territory"]) == (FAILED, "end_outside", "Hong Kong")
    assert "CKV_CNLIC_101" in CATALOG["CKV_CNLIC_401"].messages["end_outside"].en


def test_alicloud_vpn_ends_are_addresses(ctx):
    assert verdict(LINK, ctx, "alicloud_vpn_customer_gateway", provider_region="cn-beijing",
                   ip_address="203.0.113.1") == (FAILED, "address_only")
    assert verdict(LINK, ctx, "alicloud_vpn_connection", provider_region="cn-beijing",
                   customer_gateway_id=Unknown()) == (FAILED, "gateway_end")


@pytest.mark.parametrize(("operator", "expected"), [
    ("CT", (PASSED, "domestic")), ("CO", (PASSED, "domestic")), ("Other", (FAILED, "cross_border_place")),
    ("Equinix", (FAILED, "unknown_place")),  # the provider does not say where an Equinix line runs
])
def test_alicloud_line_operator_says_whether_the_line_leaves_the_mainland(ctx, operator, expected):
    assert verdict(LINK, ctx, "alicloud_express_connect_physical_connection", provider_region="cn-beijing",
                   line_operator=operator) == expected


def test_tencentcloud_ccn_limit_towards_silicon_valley_crosses_the_border(ctx):
    v = judge(LINK, ctx, make("tencentcloud_ccn_bandwidth_limit", region="ap-guangzhou",
                              dst_region="na-siliconvalley"))
    assert (v.status, v.reason, v.facts["attr"]) == (FAILED, "cross_border", "dst_region")
    assert verdict(LINK, ctx, "tencentcloud_ccn_bandwidth_limit", region="ap-guangzhou") == (
        PASSED, "domestic_places")  # an OUTER_REGION_LIMIT names no destination


def test_huaweicloud_ap_southeast_1_is_hong_kong(ctx):
    v = judge(LINK, ctx, make("huaweicloud_cc_network_instance", region="cn-north-4",
                              region_id="ap-southeast-1"))
    assert (v.status, v.reason, shown(v, ctx)["territory"]) == (FAILED, "cross_border", "Hong Kong")
    assert verdict(LINK, ctx, "huaweicloud_cc_bandwidth_package", local_area_id="Chinese-Mainland",
                   remote_area_id="Asia-Pacific") == (FAILED, "cross_border_place")


def test_aws_peerings(ctx):
    assert verdict(LINK, ctx, "aws_ec2_transit_gateway_peering_attachment", provider_region="cn-north-1",
                   peer_region="us-east-1") == (FAILED, "cross_border")
    assert verdict(LINK, ctx, "aws_vpc_peering_connection", provider_region="cn-north-1") == (
        PASSED, "domestic_here")  # peer_region omitted: the accepter is in the requester's region
    assert verdict(LINK, ctx, "aws_ec2_transit_gateway_peering_attachment", provider_region="cn-north-1") == (
        FAILED, "end_not_stated")


def test_azurerm_express_route_peering_location_and_local_gateway(ctx):
    assert verdict(LINK, ctx, "azurerm_express_route_circuit", location="chinaeast2",
                   peering_location="Hong Kong") == (FAILED, "cross_border_place")
    assert verdict(LINK, ctx, "azurerm_express_route_circuit", location="chinaeast2",
                   express_route_port_id="/p") == (PASSED, "domestic_here")
    assert verdict(LINK, ctx, "azurerm_local_network_gateway", location="chinaeast2",
                   gateway_fqdn="vpn.example.com") == (FAILED, "address_only")


def test_volcengine_and_baiducloud(ctx):
    assert verdict(LINK, ctx, "volcengine_cen_bandwidth_package", local_geographic_region_set_id="China",
                   peer_geographic_region_set_id="Asia") == (FAILED, "cross_border_place")
    assert verdict(LINK, ctx, "baiducloud_peer_conn", provider_region="bj", peer_region="hkg") == (
        FAILED, "cross_border")


def test_a_link_whose_own_location_is_unknown_is_left_to_103_and_other_types_are_no_link(ctx):
    assert verdict(LINK, ctx, "aws_ec2_transit_gateway_peering_attachment", peer_region="cn-northwest-1") == (
        NA, "location_unknown")
    assert verdict(LINK, ctx, "alicloud_vpc", provider_region="cn-hongkong") == (NA, "not_a_link")


def test_a_pulumi_resource_is_judged_by_its_terraform_type(ctx):
    r = Resource("urn:x", "aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "aws",
                 {"peer_region": "ap-northeast-1"}, provider_region="cn-north-1", source_kind="pulumi")
    assert (judge(LINK, ctx, r).status, judge(LINK, ctx, r).reason) == (FAILED, "cross_border")


# ---------------------------------------------------------------- 404, per cloud
@pytest.mark.parametrize(("type_", "attr", "value", "expected"), [
    (ALI_LINE, "line_operator", "CM", (PASSED, "licensed_carrier")),
    (ALI_LINE, "line_operator", "CO", (FAILED, "unspecific_carrier")),
    (ALI_LINE, "line_operator", "Equinix", (FAILED, "unlicensed_carrier")),
    ("tencentcloud_dc_instance", "line_operator", "ChinaUnicom", (PASSED, "licensed_carrier")),
    ("tencentcloud_dc_instance", "line_operator", "ChinaOther", (FAILED, "unspecific_carrier")),
    ("tencentcloud_dc_instance", "line_operator", "InternationalOperator", (FAILED, "unlicensed_carrier")),
    ("volcengine_direct_connect_connection", "line_operator", "ChinaTelecom", (PASSED, "licensed_carrier")),
    ("aws_dx_connection", "provider_name", " china-telecom ", (PASSED, "licensed_carrier")),
    ("aws_dx_connection", "provider_name", "China Telecom Global", (FAILED, "unlicensed_carrier")),
    ("aws_dx_lag", "provider_name", "中国移动", (PASSED, "licensed_carrier")),
    (ER, "service_provider_name", "China Broadnet", (PASSED, "licensed_carrier")),
    (ER, "service_provider_name", "Equinix", (FAILED, "unlicensed_carrier")),
    ("aws_dx_connection", "provider_name", Unknown(), (FAILED, "carrier_unresolved")),
])
def test_carriers(ctx, type_, attr, value, expected):
    assert verdict(CARRIER, ctx, type_, provider_region="cn-north-1", **{attr: value}) == expected


def test_a_line_without_a_carrier_could_not_be_established_and_the_carrier_is_named_per_language(ctx):
    assert verdict(CARRIER, ctx, "azurerm_express_route_circuit", location="chinaeast2") == (
        FAILED, "carrier_not_stated")
    assert CATALOG["CKV_CNLIC_404"].undetermined("carrier_not_stated")
    assert not CATALOG["CKV_CNLIC_404"].undetermined("unlicensed_carrier")
    v = judge(CARRIER, ctx, make("aws_dx_connection", provider_name="CT"))
    assert (shown(v, ctx)["carrier"], shown(v, ctx, "zh")["carrier"]) == ("China Telecom", "中国电信")


def test_huaweicloud_offers_no_line_to_judge(ctx):
    assert verdict(CARRIER, ctx, "huaweicloud_dc_virtual_gateway", region="cn-north-4") == (NA, "not_a_line")
    assert "huaweicloud" in LINKS.not_offered["CKV_CNLIC_404"]


# ---------------------------------------------------------------- the link catalog against the other catalogs
def _rules_yaml() -> dict:
    return {r["id"]: r for r in yaml.safe_load(datafiles.data_path("rules.yaml").read_text("utf-8"))["rules"]}


def test_link_catalog_is_valid_against_its_schema():
    data = yaml.safe_load(datafiles.data_path("links.yaml").read_text("utf-8"))
    assert datafiles.schema_errors("links.schema.json", data) == []


def test_every_link_and_line_type_is_in_the_resource_type_catalog():
    assert [t for t in [*LINKS.links, *LINKS.lines] if TYPES.uncatalogued(t)] == []


def test_every_type_a_rule_reads_is_named_in_its_catalog_definition_for_its_cloud():
    rules = _rules_yaml()
    for rule_id, types in (("CKV_CNLIC_401", LINKS.links), ("CKV_CNLIC_404", LINKS.lines)):
        inspects = rules[rule_id]["inspects"]
        assert [t for t in types if t not in inspects[TYPES.get(t).cloud]] == [], rule_id
        assert rules[rule_id]["unknown"]
    for rule_id, clouds in LINKS.not_offered.items():
        assert all(cloud in rules[rule_id]["inspects"] for cloud in clouds)


def test_bridged_link_types_have_pulumi_tokens_and_the_catalog_says_where_a_bridge_has_none():
    bridged = {"alicloud", "aws", "azurerm"}  # SDKs installed: tokens checked by test_resource_pulumi_tokens
    missing = [t for t in [*LINKS.links, *LINKS.lines]
               if TYPES.get(t).cloud in bridged and not TYPES.get(t).pulumi_tokens]
    assert missing == []
    unbridged = [t for t in LINKS.links if t.startswith("huaweicloud_") and not TYPES.get(t).pulumi_tokens]
    said = _rules_yaml()["CKV_CNLIC_401"]["inspects"]["huaweicloud"]
    assert unbridged and "Pulumi bridge publishes" in said
