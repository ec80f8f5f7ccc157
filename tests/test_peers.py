"""Peers: the other resources of a configuration, found by equal attribute values or by the reference an
unresolved value was written as; resources of another root never join."""

from __future__ import annotations

from permitguard.model import Resource, Unknown
from permitguard.peers import Peers


def res(address: str, root: str | None = None, **attrs) -> Resource:
    type_ = address.split(".")[-2]
    return Resource(address=address, type=type_, cloud=type_.split("_", 1)[0], attributes=attrs, root=root)


def test_by_value_and_by_reference_within_one_root():
    zone = res("aws_route53_zone.z", name="example.cn")
    other_root = res("aws_route53_zone.z", root="other", name="example.cn")
    written = Unknown("known only after apply; written `aws_route53_zone.z.zone_id`")
    record = res("aws_route53_record.r", zone_id=written)
    peers = Peers([zone, other_root, record])
    assert peers.referenced(record, "example.cn", ["aws_route53_zone"], ["name"]) == [zone]
    assert peers.referenced(record, record.attributes["zone_id"], ["aws_route53_zone"], ["zone_id"]) == [zone]
    assert peers.referenced(record, "other.cn", ["aws_route53_zone"], ["name"]) == []
    assert peers.referenced(record, Unknown("var.x has no value"), ["aws_route53_zone"], ["name"]) == []
    assert peers.referenced(record, "", ["aws_route53_zone"], ["name"]) == []


def test_a_reference_inside_a_module_names_that_module_and_instance_keys_are_kept_apart():
    inner = res('module.m["a"].aws_lb.x', name="web")
    keyed = res('aws_lb.y["k"]', name="api")
    rule = res('module.m["a"].aws_lb_listener.l', load_balancer_arn=Unknown("written `aws_lb.x.arn` (m:2)"))
    root = res("aws_lb_listener.l2", load_balancer_arn=Unknown("written `aws_lb.y[\"k\"].arn`"))
    peers = Peers([inner, keyed, rule, root])
    assert peers.referenced(rule, rule.attributes["load_balancer_arn"], ["aws_lb"], ["arn"]) == [inner]
    assert peers.referenced(root, root.attributes["load_balancer_arn"], ["aws_lb"], ["arn"]) == [keyed]


def test_a_resource_is_not_its_own_peer():
    zone = res("aws_route53_zone.z", name="example.cn")
    assert Peers([zone]).of_type(zone, ["aws_route53_zone"]) == []
