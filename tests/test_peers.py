"""Peers: the other resources of a resource's configuration — by Terraform type and root, by equal attribute
values or by the reference an unresolved value was written as; resources of another root never join."""

from __future__ import annotations

import dataclasses

from permitguard.model import Action, Resource, Unknown
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog

TYPES = ResourceTypeCatalog.load()


def res(address: str, type_: str, root: str | None = None, **kw) -> Resource:
    return Resource(address=address, type=type_, cloud=type_.split("_", 1)[0], root=root, **kw)


def test_peers_are_found_by_type_within_their_root_only():
    a = res("aws_s3_bucket_acl.a", "aws_s3_bucket_acl", root="live/a")
    b = res("aws_s3_bucket_acl.b", "aws_s3_bucket_acl", root="live/b")
    peers = Peers([a, b, res("aws_vpc.v", "aws_vpc", root="live/a")], TYPES)
    assert peers.of_type("aws_s3_bucket_acl", "live/a") == [a]
    assert peers.of_type("aws_s3_bucket_acl", "live/c") == []


def test_deleted_and_read_resources_configure_nothing():
    kept = res("aws_s3_bucket_acl.k", "aws_s3_bucket_acl")
    gone = dataclasses.replace(kept, address="aws_s3_bucket_acl.g", action=Action.DELETE)
    read = dataclasses.replace(kept, address="aws_s3_bucket_acl.r", action=Action.READ)
    assert Peers([kept, gone, read], TYPES).of_type("aws_s3_bucket_acl", None) == [kept]


def test_a_pulumi_resource_is_found_by_the_terraform_type_of_its_token():
    acl = Resource("urn:acl", "aws:s3/bucketAclV2:BucketAclV2", "aws", source_kind="pulumi")
    assert Peers([acl], TYPES).of_type("aws_s3_bucket_acl", None) == [acl]


def named(address: str, root: str | None = None, **attrs) -> Resource:
    type_ = address.split(".")[-2]
    return Resource(address=address, type=type_, cloud=type_.split("_", 1)[0], attributes=attrs, root=root)


def test_by_value_and_by_reference_within_one_root():
    zone = named("aws_route53_zone.z", name="example.cn")
    other_root = named("aws_route53_zone.z", root="other", name="example.cn")
    written = Unknown("known only after apply; written `aws_route53_zone.z.zone_id`")
    record = named("aws_route53_record.r", zone_id=written)
    peers = Peers([zone, other_root, record], TYPES)
    assert peers.referenced(record, "example.cn", ["aws_route53_zone"], ["name"]) == [zone]
    assert peers.referenced(record, record.attributes["zone_id"], ["aws_route53_zone"], ["zone_id"]) == [zone]
    assert peers.referenced(record, "other.cn", ["aws_route53_zone"], ["name"]) == []
    assert peers.referenced(record, Unknown("var.x has no value"), ["aws_route53_zone"], ["name"]) == []
    assert peers.referenced(record, "", ["aws_route53_zone"], ["name"]) == []


def test_a_reference_inside_a_module_names_that_module_and_instance_keys_are_kept_apart():
    inner = named('module.m["a"].aws_lb.x', name="web")
    keyed = named('aws_lb.y["k"]', name="api")
    rule = named('module.m["a"].aws_lb_listener.l', load_balancer_arn=Unknown("written `aws_lb.x.arn` (m:2)"))
    root = named("aws_lb_listener.l2", load_balancer_arn=Unknown("written `aws_lb.y[\"k\"].arn`"))
    peers = Peers([inner, keyed, rule, root], TYPES)
    assert peers.referenced(rule, rule.attributes["load_balancer_arn"], ["aws_lb"], ["arn"]) == [inner]
    assert peers.referenced(root, root.attributes["load_balancer_arn"], ["aws_lb"], ["arn"]) == [keyed]


def test_a_resource_is_not_its_own_peer():
    zone = named("aws_route53_zone.z", name="example.cn")
    assert Peers([zone], TYPES).others(zone, ["aws_route53_zone"]) == []
