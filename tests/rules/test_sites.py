"""CKV_CNLIC_501 (internet-facing sites carry their ICP filing) on hand-built resources, per cloud and per
reason; joins through `Peers` (a record's zone, a rule's load balancer); the site catalog held to the
resource-type catalog and the licence schema."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import make
from permitguard.context import Subject
from permitguard.model import Resource, Status, Unknown
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules.sites import RULES
from permitguard.site_catalog import SiteCatalog, normalised

SITE = RULES["CKV_CNLIC_501"]
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE
FILED = "京ICP备2024000001号"  # the bundled profile: icp_filings example-operator.cn


def res(type_, label, **attrs) -> Resource:
    return Resource(address=f"{type_}.{label}", type=type_, cloud=type_.split("_", 1)[0], attributes=attrs)


def verdict(ctx, resource, *others):
    v = SITE(Subject(resource, ctx, Peers([resource, *others], ctx.types) if others else None), ctx)
    return v.status, v.reason


def cdn(**kw):
    host = kw.pop("domain_name", "www.example-operator.cn")
    return res("alicloud_cdn_domain_new", "cdn", domain_name=host, **kw)


@pytest.mark.parametrize(("tags", "expected"), [
    ({"icp-filing": FILED + "-1"}, (PASSED, "filed")),         # a site number of the filed subject number
    ({"icp-filing": FILED}, (PASSED, "filed")),
    ({" ICP-Filing ": FILED}, (PASSED, "filed")),               # tag keys: case and blanks aside
    ({"icp-filing": "京ICP备２０２４０００００１号－２"}, (PASSED, "filed")),  # full-width digits and hyphen
    ({"icp-filing": "沪ICP备2024000001号"}, (FAILED, "wrong_number")),
    ({"icp-filing": "京ICP证000000号"}, (FAILED, "licence_number")),
    ({"icp-filing": "京公网安备11000000000000号"}, (FAILED, "malformed")),  # a public-security filing
    ({"icp-filing": "B1-20195402"}, (FAILED, "malformed")),      # the value-added permit number
    ({"icp-filing": "ICP备2024000001号"}, (FAILED, "malformed")),  # no province
    ({"icp-filing": ""}, (FAILED, "tag_missing")),
    ({}, (FAILED, "tag_missing")),
    ({"icp-filing": Unknown("known only after apply")}, (FAILED, "tag_unresolved")),
])
def test_alicloud_cdn_domain_tag(ctx, tags, expected):
    assert verdict(ctx, cdn(tags=tags)) == expected


def test_a_filed_site_number_admits_only_itself(ctx):
    one = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, icp_filings={
        "example-operator.cn": FILED + "-1"}))
    assert verdict(one, cdn(tags={"icp-filing": FILED + "-1"})) == (PASSED, "filed")
    assert verdict(one, cdn(tags={"icp-filing": FILED + "-2"})) == (FAILED, "wrong_number")
    assert verdict(one, cdn(tags={"icp-filing": FILED})) == (FAILED, "wrong_number")


def test_subdomains_are_covered_by_their_domain_and_the_longest_domain_wins(ctx):
    two = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, icp_filings={
        "example-operator.cn": FILED, "shop.example-operator.cn": "沪ICP备2025000002号"}))
    assert two.profile.icp_filing_for("a.b.shop.example-operator.cn.") == (
        "shop.example-operator.cn", "沪ICP备2025000002号")
    assert two.profile.icp_filing_for("*.example-operator.cn") == ("example-operator.cn", FILED)
    assert two.profile.icp_filing_for("notexample-operator.cn") is None  # a label, not a suffix
    assert verdict(two, cdn(domain_name="x.shop.example-operator.cn", tags={"icp-filing": FILED})) == (
        FAILED, "wrong_number")


def test_without_filings_in_the_profile_only_the_format_is_checked(ctx):
    none = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, icp_filings={}))
    assert verdict(none, cdn(domain_name="any.other.cn", tags={"icp-filing": "粤ICP备12345678号"})) == (
        PASSED, "well_formed")
    assert verdict(none, res("alicloud_alidns_record", "r", domain_name="x.cn", rr="www", type="A")) == (
        FAILED, "no_filing_recorded")


def test_every_host_of_a_comma_joined_dcdn_domain_is_judged(ctx):
    both = res("alicloud_dcdn_domain", "d", domain_name="a.example-operator.cn, b.other.cn",
               tags={"icp-filing": FILED})
    assert verdict(ctx, both) == (FAILED, "not_filed")


@pytest.mark.parametrize(("type_", "attrs", "expected"), [
    ("alicloud_cdn_domain_new", {"scope": "overseas"}, (NA, "not_an_internet_site")),
    ("alicloud_cdn_domain_new", {"scope": "Global"}, (FAILED, "tag_missing")),
    ("alicloud_cdn_domain_new", {"scope": Unknown("x")}, (FAILED, "scope_unresolved")),
    ("tencentcloud_cdn_domain", {"domain": "a.example-operator.cn", "area": "overseas"},
     (NA, "not_an_internet_site")),
    ("tencentcloud_cdn_domain", {"domain": "a.example-operator.cn"}, (FAILED, "tag_missing")),  # mainland
    ("huaweicloud_cdn_domain", {"name": "a.example-operator.cn", "service_area": "outside_mainland_china"},
     (NA, "not_an_internet_site")),
    ("huaweicloud_cdn_domain", {"name": "a.example-operator.cn", "service_area": "global"},
     (FAILED, "tag_missing")),
    ("tencentcloud_api_gateway_custom_domain", {"sub_domain": "api.example-operator.cn", "net_type": "INNER"},
     (NA, "not_an_internet_site")),
    ("tencentcloud_api_gateway_custom_domain", {"sub_domain": "api.example-operator.cn", "net_type": "OUTER"},
     (PASSED, "filed_in_profile")),
    ("tencentcloud_api_gateway_custom_domain", {"sub_domain": "api.partner.cn", "net_type": "OUTER"},
     (FAILED, "no_filing_untaggable")),
    ("aws_cloudfront_distribution", {}, (NA, "no_host_name")),
    ("aws_cloudfront_distribution", {"aliases": ["a.example-operator.cn"]}, (FAILED, "tag_missing")),
    ("aws_api_gateway_domain_name", {"domain_name": "a.example-operator.cn",
                                     "endpoint_configuration": [{"types": ["PRIVATE"]}]},
     (NA, "not_an_internet_site")),
    ("aws_apigatewayv2_domain_name", {"domain_name": "a.example-operator.cn", "tags": {"icp-filing": FILED}},
     (PASSED, "filed")),
    ("alicloud_alidns_record", {"domain_name": "example-operator.cn", "rr": "@", "type": "MX"},
     (NA, "not_a_website_record")),
    ("alicloud_alidns_record", {"domain_name": "example-operator.cn", "rr": "www", "type": Unknown("x")},
     (FAILED, "record_type_unresolved")),
    ("tencentcloud_dnspod_record", {"domain": "example-operator.cn", "record_type": "CNAME"},
     (PASSED, "filed_in_profile")),  # sub_domain omitted: @, the domain itself
    ("alicloud_instance", {}, (NA, "not_a_site")),
])
def test_scope_record_types_and_types_without_tags(ctx, type_, attrs, expected):
    attrs = {"domain_name": "www.example-operator.cn", **attrs} if type_.startswith("alicloud_cdn") else attrs
    assert verdict(ctx, make(type_, **attrs)) == expected


def test_a_record_takes_its_zone_tag_from_the_configuration(ctx):
    zone = res("aws_route53_zone", "z", name="other.cn", zone_id=Unknown("known only after apply"),
               tags={"icp-filing": "粤ICP备12345678号"})
    record = res("aws_route53_record", "www", name="www.other.cn", type="A", zone_id=Unknown(
        "known only after apply: an attribute of aws_route53_zone.z (main.tf:1); "
        "written `aws_route53_zone.z.zone_id`"))
    assert verdict(ctx, record, zone) == (FAILED, "not_filed")  # the zone's number; the profile files none
    filed = dataclasses.replace(zone, attributes={**zone.attributes, "tags": {"icp-filing": FILED}})
    mine = dataclasses.replace(record, attributes={**record.attributes, "name": "www.example-operator.cn"})
    assert verdict(ctx, mine, filed) == (PASSED, "filed")
    private = dataclasses.replace(zone, attributes={**zone.attributes, "vpc": [{"vpc_id": "vpc-1"}]})
    assert verdict(ctx, record, private) == (NA, "not_an_internet_site")
    assert verdict(ctx, record) == (FAILED, "no_filing_recorded")  # no zone with it: could not be established
    untagged = dataclasses.replace(zone, attributes={"name": "other.cn"})
    assert verdict(ctx, record, untagged) == (FAILED, "parent_untagged")


def test_a_listener_rule_is_judged_through_its_listener_and_load_balancer(ctx):
    lb = res("aws_lb", "web", internal=True)
    listener = res("aws_lb_listener", "https", load_balancer_arn=Unknown(
        "known only after apply; written `aws_lb.web.arn` (main.tf:9)"))
    rule = res("aws_lb_listener_rule", "host", listener_arn=Unknown(
        "known only after apply; written `aws_lb_listener.https.arn` (main.tf:20)"),
        condition=[{"host_header": [{"values": ["pay.example-operator.cn"]}]}])
    assert verdict(ctx, rule, listener, lb) == (NA, "not_an_internet_site")
    public = dataclasses.replace(lb, attributes={"internal": False})
    assert verdict(ctx, rule, listener, public) == (FAILED, "tag_missing")
    assert verdict(ctx, rule) == (FAILED, "tag_missing")  # its load balancer not with it: judged (closed)


def test_a_host_known_only_after_apply_cannot_be_matched_to_a_filing(ctx):
    site = cdn(domain_name=Unknown("known only after apply"), tags={"icp-filing": FILED})
    v = SITE(Subject(site, ctx), ctx)
    assert (v.status, v.reason) == (FAILED, "host_unresolved")
    assert ctx.rules["CKV_CNLIC_501"].undetermined("host_unresolved")


def test_the_number_format_is_the_licence_schemas_and_normalisation_is_nfkc():
    sites = SiteCatalog.load()
    assert sites.well_formed("京ICP备05000000号") and sites.well_formed("粤ICP备2023000000号-12")
    assert not sites.well_formed("京ICP备12345号")  # too few digits
    assert normalised(" 京ICP备１２３４５６７８号 ") == "京ICP备12345678号"


def test_every_site_type_and_related_type_is_catalogued_and_offers_what_the_catalog_reads():
    types, sites = ResourceTypeCatalog.load(), SiteCatalog.load()
    named = set(sites.sites) | {t for s in sites.sites.values() for step in s.via for t in step.types}
    assert sorted(t for t in named if not types.get(t).known) == []
    lenders = {s.via[-1].types[0] for s in sites.sites.values() if s.lends_tag}
    assert sorted(t for t in lenders if types.get(t).tags_attr is None) == []  # a lender carries tags
    assert "alicloud" in sites.not_offered
