"""CKV_CNLIC_202 on the rule types added from public code: Huawei v2 rules, Tencent ACLs and Cloud Firewall
policies, network ACLs of AWS, Alibaba Cloud and Huawei Cloud."""

from __future__ import annotations

from helpers import judge, make, shown
from permitguard.model import Status
from permitguard.rules.control_plane import RULES

EXPOSED = RULES["CKV_CNLIC_202"]


def _v(ctx, type_, **attrs):
    v = judge(EXPOSED, ctx, make(type_, **attrs))
    return v.status, shown(v, ctx).get("ports"), shown(v, ctx).get("sources")


def test_huawei_v2_rule_is_read_like_its_successor(ctx):
    rule = {"direction": "ingress", "ethertype": "IPv4", "protocol": "tcp", "port_range_min": 22,
            "port_range_max": 22}
    assert _v(ctx, "huaweicloud_networking_secgroup_rule_v2", **rule) == (Status.FAILED, "22", "0.0.0.0/0")
    assert _v(ctx, "huaweicloud_networking_secgroup_rule_v2", **rule, remote_ip_prefix="10.20.0.0/16")[0] \
        is Status.PASSED


def test_tencent_vpc_acl_entries_with_a_description_field(ctx):
    acl = ["ACCEPT#0.0.0.0/0#443#TCP#web", "ACCEPT#0.0.0.0/0#22#TCP#ssh", "DROP#0.0.0.0/0#3389#TCP#rdp"]
    assert _v(ctx, "tencentcloud_vpc_acl", ingress=acl) == (Status.FAILED, "22", "0.0.0.0/0")


def test_tencent_cloud_firewall_inbound_accept_policy(ctx):
    policy = {"direction": 1, "port": "22", "protocol": "TCP", "rule_action": "accept", "source_type": "net",
              "source_content": "0.0.0.0/0", "target_type": "net", "target_content": "10.0.0.0/24"}
    assert _v(ctx, "tencentcloud_cfw_edge_policy", **policy) == (Status.FAILED, "22", "0.0.0.0/0")
    assert _v(ctx, "tencentcloud_cfw_edge_policy", **{**policy, "direction": 0})[0] is Status.PASSED
    assert _v(ctx, "tencentcloud_cfw_nat_policy", **{**policy, "rule_action": "drop"})[0] is Status.PASSED


def test_aws_network_acl_inbound_allow(ctx):
    entries = [{"protocol": "tcp", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0",
                "from_port": 22, "to_port": 22},
               {"protocol": "tcp", "rule_no": 110, "action": "deny", "cidr_block": "0.0.0.0/0",
                "from_port": 3389, "to_port": 3389}]
    assert _v(ctx, "aws_network_acl", ingress=entries) == (Status.FAILED, "22", "0.0.0.0/0")


def test_aws_network_acl_rule_egress_opens_no_ingress(ctx):
    rule = {"protocol": "-1", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "rule_number": 100}
    assert _v(ctx, "aws_network_acl_rule", **rule)[0] is Status.FAILED
    assert _v(ctx, "aws_network_acl_rule", **rule, egress=True)[0] is Status.PASSED


def test_alicloud_network_acl_ingress_entries(ctx):
    entries = [{"policy": "accept", "port": "22/22", "protocol": "tcp", "source_cidr_ip": "0.0.0.0/0"}]
    assert _v(ctx, "alicloud_network_acl", ingress_acl_entries=entries) == (Status.FAILED, "22", "0.0.0.0/0")


def test_huawei_network_acl_rule_without_source_admits_everyone(ctx):
    rules = [{"action": "allow", "protocol": "tcp", "ip_version": 4, "destination_port": "22-23"}]
    assert _v(ctx, "huaweicloud_vpc_network_acl", ingress_rules=rules) == (
        Status.FAILED, "22-23", "0.0.0.0/0")
    assert _v(ctx, "huaweicloud_network_acl_rule", action="allow", protocol="any", ip_version=6)[2] == "::/0"


def test_baidu_rule_without_source_or_with_all_admits_everyone(ctx):
    rule = {"direction": "ingress", "protocol": "tcp", "port_range": "22"}
    assert _v(ctx, "baiducloud_security_group_rule", **rule) == (Status.FAILED, "22", "0.0.0.0/0")
    assert _v(ctx, "baiducloud_security_group_rule", **rule, source_ip="all")[2] == "0.0.0.0/0"
    assert _v(ctx, "baiducloud_security_group_rule", **rule, source_group_id="g-1")[0] is Status.PASSED


def test_volcengine_rule_open_to_the_world_and_its_default_policy(ctx):
    rule = {"direction": "ingress", "protocol": "tcp", "port_start": 22, "port_end": 22,
            "cidr_ip": "0.0.0.0/0"}
    assert _v(ctx, "volcengine_security_group_rule", **rule) == (Status.FAILED, "22", "0.0.0.0/0")
    assert _v(ctx, "volcengine_security_group_rule", **rule, policy="drop")[0] is Status.PASSED
    every = {**rule, "protocol": "all", "port_start": -1, "port_end": -1}
    assert _v(ctx, "volcengine_security_group_rule", **every)[1] == "0-65535"


def test_a_pulumi_resource_of_a_type_added_from_public_code_is_read_the_same(ctx):
    from permitguard.model import Resource
    from permitguard.pulumi.wire import attributes

    props = {"ingress": [{"protocol": "tcp", "ruleNo": 100, "action": "allow", "cidrBlock": "0.0.0.0/0",
                          "fromPort": 22.0, "toPort": 22.0}]}
    token = "aws:ec2/networkAcl:NetworkAcl"
    r = Resource(address=f"urn:pulumi:dev::p::{token}::acl", type=token, cloud="aws",
                 attributes=attributes(props, ()), provider_region="cn-north-1", source_kind="pulumi")
    v = judge(EXPOSED, ctx, r)
    assert (v.status, shown(v, ctx)["ports"]) == (Status.FAILED, "22")
