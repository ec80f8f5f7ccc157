"""CKV_CNLIC_202 on the rule formats clouds really write (adversarial review regressions)."""

from __future__ import annotations

from helpers import make, shown
from permitguard.context import Subject
from permitguard.model import Status
from permitguard.rules.control_plane import RULES

EXPOSED = RULES["CKV_CNLIC_202"]


def judge(ctx, resource):
    v = EXPOSED(Subject(resource, ctx), ctx)
    return v.status, v.reason, shown(v, ctx).get("ports"), shown(v, ctx).get("sources")


def _nsg_rule(**attrs):
    return make("azurerm_network_security_rule", direction="Inbound", access="Allow", **attrs)


def test_azure_cloud_service_tag_is_outside_the_organisation(ctx):
    r = _nsg_rule(protocol="Tcp", destination_port_range="22", source_address_prefix="AzureCloud")
    assert judge(ctx, r) == (Status.FAILED, "exposed_port", "22", "AzureCloud")


def test_regional_azure_cloud_service_tag_is_outside_the_organisation(ctx):
    tag = "AzureCloud.ChinaEast2"
    r = _nsg_rule(protocol="Tcp", destination_port_range="3389", source_address_prefix=tag)
    assert judge(ctx, r) == (Status.FAILED, "exposed_port", "3389", "AzureCloud.ChinaEast2")


def test_azure_virtual_network_service_tag_stays_inside(ctx):
    r = _nsg_rule(protocol="Tcp", destination_port_range="22", source_address_prefix="VirtualNetwork")
    assert judge(ctx, r)[0] is Status.PASSED


def test_azure_esp_rule_opens_no_port(ctx):
    r = _nsg_rule(protocol="Esp", destination_port_range="*", source_address_prefix="*")
    assert judge(ctx, r) == (Status.PASSED, "restricted", None, None)


def test_huawei_ipv6_rule_without_remote_is_open_to_every_ipv6_address(ctx):
    rule = {"direction": "ingress", "ethertype": "IPv6", "protocol": "tcp", "ports": "22"}
    r = make("huaweicloud_networking_secgroup_rule", **rule)
    assert judge(ctx, r) == (Status.FAILED, "exposed_port_default", "22", "::/0")  # the catalog default
