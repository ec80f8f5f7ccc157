"""Provider defaults of omitted attributes (catalog `defaults`) decide CKV_CNLIC_202, for every front door."""

from __future__ import annotations

from helpers import judge, make, shown
from permitguard.context import Subject
from permitguard.model import Status, Unknown
from permitguard.rules.control_plane import RULES

EXPOSED = RULES["CKV_CNLIC_202"]


def _verdict(ctx, type_, **attrs):
    v = judge(EXPOSED, ctx, make(type_, provider_region="cn-beijing", **attrs))
    return v.status, v.reason


def test_managed_ack_omitting_slb_internet_enabled_is_public(ctx):
    v = judge(EXPOSED, ctx, make("alicloud_cs_managed_kubernetes", provider_region="cn-beijing"))
    assert (v.status, v.reason) == (Status.FAILED, "public_endpoint_default")
    assert shown(v, ctx)["defaults"] == "slb_internet_enabled = true"
    assert "cs_managed_kubernetes" in shown(v, ctx)["default_sources"]


def test_managed_ack_with_the_internet_slb_off_passes(ctx):
    assert _verdict(ctx, "alicloud_cs_managed_kubernetes", slb_internet_enabled=False) == (
        Status.PASSED, "restricted")


def test_a_value_known_only_after_apply_is_not_omitted(ctx):
    v = judge(EXPOSED, ctx, make("alicloud_cs_managed_kubernetes", slb_internet_enabled=Unknown()))
    assert (v.status, v.reason) == (Status.FAILED, "unresolved")


def test_dedicated_ack_omitting_slb_internet_enabled_is_public(ctx):
    assert _verdict(ctx, "alicloud_cs_kubernetes") == (Status.FAILED, "public_endpoint_default")


def test_serverless_ack_is_private_by_default(ctx):
    assert _verdict(ctx, "alicloud_cs_serverless_kubernetes") == (Status.PASSED, "restricted")


def test_tke_without_cluster_internet_is_private(ctx):
    assert _verdict(ctx, "tencentcloud_kubernetes_cluster") == (Status.PASSED, "restricted")


def test_eks_endpoint_declared_public_without_cidrs_admits_everyone(ctx):
    r = make("aws_eks_cluster", vpc_config=[{"endpoint_public_access": True}])
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["defaults"]) == (
        Status.FAILED, "public_endpoint_default", "vpc_config.public_access_cidrs = ['0.0.0.0/0']")


def test_eks_public_endpoint_restricted_to_management_networks_passes(ctx):
    r = make("aws_eks_cluster", vpc_config=[{"public_access_cidrs": ["10.20.0.0/16"]}])
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_eks_vpc_config_as_one_object_as_pulumi_sends_it(ctx):
    r = make("aws_eks_cluster", vpc_config={"subnet_ids": ["subnet-1"]})
    assert judge(EXPOSED, ctx, r).reason == "public_endpoint_default"


def test_aks_omitting_private_cluster_enabled_is_public(ctx):
    assert _verdict(ctx, "azurerm_kubernetes_cluster") == (Status.FAILED, "public_endpoint_default")


def test_aks_private_cluster_passes(ctx):
    assert _verdict(ctx, "azurerm_kubernetes_cluster", private_cluster_enabled=True)[0] is Status.PASSED


def test_alicloud_rule_without_policy_accepts(ctx):
    r = make("alicloud_security_group_rule", type="ingress", ip_protocol="tcp", port_range="22/22",
             cidr_ip="0.0.0.0/0")
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["defaults"]) == (
        Status.FAILED, "exposed_port_default", "policy = accept")


def test_alicloud_drop_rule_passes(ctx):
    r = make("alicloud_security_group_rule", type="ingress", ip_protocol="tcp", port_range="22/22",
             cidr_ip="0.0.0.0/0", policy="drop")
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_huawei_rule_without_remote_admits_every_address_by_its_ethertype(ctx):
    v4 = make("huaweicloud_networking_secgroup_rule", direction="ingress", ethertype="IPv4", protocol="tcp",
              ports="22")
    v6 = make("huaweicloud_networking_secgroup_rule", direction="ingress", ethertype="IPv6", protocol="tcp",
              ports="22")
    assert [shown(judge(EXPOSED, ctx, r), ctx)["sources"] for r in (v4, v6)] == ["0.0.0.0/0", "::/0"]


def test_huawei_rule_naming_a_remote_group_gets_no_default(ctx):
    r = make("huaweicloud_networking_secgroup_rule", direction="ingress", ethertype="IPv4", protocol="tcp",
             ports="22", remote_group_id="sg-1")
    s = Subject(r, ctx)
    assert ("remote_ip_prefix" in s.attributes, s.defaulted) == (False, [])


def test_defaults_leave_the_resource_itself_unchanged(ctx):
    r = make("alicloud_cs_managed_kubernetes")
    s = Subject(r, ctx)
    assert (s.attributes["slb_internet_enabled"], "slb_internet_enabled" in r.attributes) == (True, False)


def test_pulumi_resource_gets_the_same_defaults(ctx):
    from permitguard.model import Resource

    r = Resource(address="urn:pulumi:dev::p::alicloud:cs/managedKubernetes:ManagedKubernetes::k8s",
                 type="alicloud:cs/managedKubernetes:ManagedKubernetes", cloud="alicloud", attributes={},
                 provider_region="cn-beijing", source_kind="pulumi")
    assert judge(EXPOSED, ctx, r).reason == "public_endpoint_default"
