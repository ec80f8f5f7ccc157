"""CKV_CNLIC_601 (user and access logs kept at least the profile's threshold) on hand-built resources, per
cloud and per reason; producers judged through the store they write to (`Peers`); the log-store catalog held
to the resource-type catalog and the profile's default."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import make
from permitguard import license
from permitguard.context import Subject
from permitguard.log_catalog import LogCatalog
from permitguard.model import Resource, Status, Unknown
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules.logs import RULES

LOGS = RULES["CKV_CNLIC_601"]
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE
ACCESS = {"log-class": "access"}


def res(type_, label, **attrs) -> Resource:
    return Resource(address=f"{type_}.{label}", type=type_, cloud=type_.split("_", 1)[0], attributes=attrs)


def verdict(ctx, resource, *others, joined=True):
    v = LOGS(Subject(resource, ctx, Peers([resource, *others], ctx.types) if joined else None), ctx)
    return v.status, v.reason


def ref(address: str) -> Unknown:
    return Unknown(f"known only after apply; written `{address}` (main.tf:1)")


@pytest.mark.parametrize(("type_", "attrs", "expected"), [
    ("aws_cloudwatch_log_group", {}, (PASSED, "forever_by_default")),
    ("aws_cloudwatch_log_group", {"retention_in_days": 0}, (PASSED, "forever")),
    ("aws_cloudwatch_log_group", {"retention_in_days": 180}, (PASSED, "kept")),
    ("aws_cloudwatch_log_group", {"retention_in_days": 150}, (FAILED, "short")),
    ("aws_cloudwatch_log_group", {"retention_in_days": "365"}, (PASSED, "kept")),  # a string from HCL
    ("aws_cloudwatch_log_group", {"retention_in_days": Unknown("x")}, (FAILED, "retention_unresolved")),
    ("azurerm_log_analytics_workspace", {}, (FAILED, "short_by_default")),  # 30 days
    ("azurerm_log_analytics_workspace", {"retention_in_days": 730}, (PASSED, "kept")),
    ("tencentcloud_cls_topic", {}, (FAILED, "short_by_default")),
    ("tencentcloud_cls_topic", {"period": 3640}, (PASSED, "kept")),
    ("huaweicloud_lts_group", {"ttl_in_days": 365}, (PASSED, "kept")),
    ("huaweicloud_lts_group", {}, (FAILED, "retention_not_set")),
    ("volcengine_tls_topic", {"ttl": 30}, (FAILED, "short")),
])
def test_tagged_stores(ctx, type_, attrs, expected):
    assert verdict(ctx, make(type_, tags=ACCESS, **attrs)) == expected


def test_only_user_and_access_logs_are_judged(ctx):
    assert verdict(ctx, make("aws_cloudwatch_log_group", retention_in_days=7)) == (NA, "not_user_logs")
    debug = make("aws_cloudwatch_log_group", retention_in_days=7, tags={"log-class": "debug"})
    assert verdict(ctx, debug) == (NA, "not_user_logs")
    assert verdict(ctx, make("aws_cloudwatch_log_group", tags={"log-class": Unknown("x")})) == (
        FAILED, "log_class_unresolved")
    assert verdict(ctx, make("aws_vpc")) == (NA, "not_a_log_store")


def test_alicloud_store_is_judged_when_a_flow_log_writes_to_it_by_project_and_name(ctx):
    store = res("alicloud_log_store", "flow", project_name="audit", logstore_name="flow")
    flow = res("alicloud_vpc_flow_log", "vpc", project_name="audit", log_store_name="flow")
    other_project = res("alicloud_vpc_flow_log", "vpc", project_name="other", log_store_name="flow")
    assert verdict(ctx, store) == (NA, "not_user_logs")  # log stores carry no tags: only producers say
    assert verdict(ctx, store, flow) == (FAILED, "short_by_default")  # 30 days when omitted
    assert verdict(ctx, flow, store) == (FAILED, "short_by_default")
    assert verdict(ctx, store, other_project) == (NA, "not_user_logs")
    assert verdict(ctx, other_project, store) == (FAILED, "store_not_declared")
    newer = dataclasses.replace(store, attributes={**store.attributes, "ttl": 3650})
    assert verdict(ctx, flow, newer) == (PASSED, "kept")
    older = res("alicloud_log_store", "old", project="audit", name="flow", retention_period=180)
    assert verdict(ctx, flow, older) == (PASSED, "kept")


def test_a_producer_with_its_store_out_of_sight_could_not_be_evaluated(ctx):
    flow = res("aws_flow_log", "f", log_destination=ref("aws_cloudwatch_log_group.g.arn"))
    assert verdict(ctx, flow, joined=False) == (FAILED, "store_not_declared")  # Pulumi: one at a time
    group = res("aws_cloudwatch_log_group", "g", retention_in_days=90)
    assert verdict(ctx, flow, group) == (FAILED, "short")
    assert verdict(ctx, group, flow) == (FAILED, "short")
    assert ctx.rules["CKV_CNLIC_601"].undetermined("store_not_declared")


@pytest.mark.parametrize(("attrs", "expected"), [
    ({"log_destination_type": "s3", "log_destination": "arn:aws-cn:s3:::b"}, (FAILED, "store_not_read")),
    ({"log_destination_type": Unknown("x")}, (FAILED, "destination_unresolved")),
    ({}, (FAILED, "store_not_named")),
    ({"log_group_name": "/vpc/flow"}, (PASSED, "forever_by_default")),  # the legacy argument, by name
])
def test_aws_flow_log_destinations(ctx, attrs, expected):
    group = res("aws_cloudwatch_log_group", "g", name="/vpc/flow")
    assert verdict(ctx, res("aws_flow_log", "f", **attrs), group) == expected


def test_huawei_stream_inherits_its_group(ctx):
    group = res("huaweicloud_lts_group", "g", ttl_in_days=365)
    inherit = res("huaweicloud_lts_stream", "s", group_id=ref("huaweicloud_lts_group.g.id"), tags=ACCESS)
    minus_one = dataclasses.replace(inherit, attributes={**inherit.attributes, "ttl_in_days": -1})
    own = dataclasses.replace(inherit, attributes={**inherit.attributes, "ttl_in_days": 30})
    assert verdict(ctx, inherit, group) == (PASSED, "kept")
    assert verdict(ctx, minus_one, group) == (PASSED, "kept")
    assert verdict(ctx, own, group) == (FAILED, "short")
    assert verdict(ctx, inherit) == (FAILED, "parent_not_declared")


def test_tencent_clb_produces_logs_only_when_it_names_a_topic(ctx):
    topic = res("tencentcloud_cls_topic", "t", period=180)
    assert verdict(ctx, res("tencentcloud_clb_instance", "c"), topic) == (NA, "writes_no_logs")
    clb = res("tencentcloud_clb_instance", "c", log_topic_id=ref("tencentcloud_cls_topic.t.id"))
    assert verdict(ctx, clb, topic) == (PASSED, "kept")


def test_azure_flow_log_keeps_its_own_retention(ctx):
    assert verdict(ctx, make("azurerm_network_watcher_flow_log", retention_policy=[{"enabled": True,
                                                                                   "days": 90}])) == (
        FAILED, "short")
    assert verdict(ctx, make("azurerm_network_watcher_flow_log", retention_policy=[{"days": 0}])) == (
        PASSED, "forever")


def test_the_threshold_comes_from_the_profile_and_defaults_to_180_days(ctx):
    assert license.defaults()["log_retention_days"] == 180 == ctx.profile.log_retention_days
    year = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, log_retention_days=365))
    assert verdict(year, make("aws_cloudwatch_log_group", retention_in_days=180, tags=ACCESS)) == (
        FAILED, "short")
    month = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, log_retention_days=30))
    assert verdict(month, make("azurerm_log_analytics_workspace", tags=ACCESS)) == (PASSED, "kept_by_default")


def test_a_module_resource_joins_the_stores_of_its_own_module(ctx):
    store = res("aws_cloudwatch_log_group", "g", retention_in_days=365)
    inner = dataclasses.replace(store, address="module.net.aws_cloudwatch_log_group.g")
    flow = res("aws_flow_log", "f", log_destination=ref("aws_cloudwatch_log_group.g.arn"))
    flow = dataclasses.replace(flow, address="module.net.aws_flow_log.f")
    assert verdict(ctx, flow, inner) == (PASSED, "kept")
    assert verdict(ctx, flow, store) == (FAILED, "store_not_declared")  # the root's group is another one


def test_every_store_and_producer_type_is_catalogued():
    types, logs = ResourceTypeCatalog.load(), LogCatalog.load()
    named = set(logs.stores) | set(logs.producers)
    assert sorted(t for t in named if not types.get(t).known) == []
