"""Sources of network rules that cannot be established are could-not-evaluate (CKV_CNLIC_202 FAILED with
an undetermined message naming the attribute and the value), never "inside the management networks":
unparseable CIDRs, and management ports opened through prefix lists / address templates / address groups
whose ranges are not in the configuration. One Terraform directory (fixtures/cidr) scanned once by the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

from hostile.support import AS_OF, BUNDLED, scan
from permitguard.rule_catalog import RuleCatalog

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "cidr"

CASES = {
    # address: (status, reason, attribute named, value named)
    "aws_security_group_rule.space_in_cidr": ("failed", "unparseable_source", "cidr_blocks[0]", "0.0.0.0 /0"),
    "aws_security_group_rule.prefix_33": ("failed", "unparseable_source", "cidr_blocks[0]", "10.0.0.0/33"),
    "aws_security_group_rule.garbage": ("failed", "unparseable_source", "cidr_blocks[0]", "garbage"),
    "aws_security_group_rule.octet_256": ("failed", "unparseable_source", "cidr_blocks[0]", "10.0.0.256/24"),
    "aws_security_group_rule.empty_cidr": ("failed", "unparseable_source", "cidr_blocks[0]", ""),
    "aws_security_group_rule.ipv6_garbage": (
        "failed", "unparseable_source", "ipv6_cidr_blocks[0]", "fe80::zz/64"),
    "aws_security_group_rule.ssh_prefix_list": (
        "failed", "prefix_list", "prefix_list_ids[0]", "pl-0123456789abcdef0"),
    "aws_security_group.inline_prefix_list": (
        "failed", "prefix_list", "ingress[0].prefix_list_ids[0]", "pl-0aaaaaaaaaaaaaaaa"),
    "aws_vpc_security_group_ingress_rule.vpc_prefix_list": (
        "failed", "prefix_list", "prefix_list_id", "pl-0bbbbbbbbbbbbbbbb"),
    "aws_eks_cluster.bad_public_cidr": (
        "failed", "unparseable_source", "vpc_config[0].public_access_cidrs[0]", "10.0.0.0/33"),
    "alicloud_security_group_rule.ali_garbage": ("failed", "unparseable_source", "cidr_ip", "10.0.0.0/8/8"),
    "alicloud_security_group_rule.ali_prefix_list": ("failed", "prefix_list", "prefix_list_id", "pl-ali123"),
    "tencentcloud_security_group_rule.tc_template": (
        "failed", "prefix_list", "address_template[0].template_id", "ipm-abc123"),
    "tencentcloud_security_group_rule_set.tc_set_template_group": (
        "failed", "prefix_list", "ingress[0].address_template_group_id", "ipmg-def456"),
    "tencentcloud_security_group_lite_rule.tc_lite_template": (
        "failed", "prefix_list", "ingress[0]", "ipm-lite01"),
    "tencentcloud_security_group_lite_rule.tc_lite_garbage": (
        "failed", "unparseable_source", "ingress[0]", "10.0.0.0 /8"),
    "huaweicloud_networking_secgroup_rule.hw_garbage": (
        "failed", "unparseable_source", "remote_ip_prefix", "10.0.0.0 /8"),
    "azurerm_network_security_rule.az_lowercase_word": (
        "failed", "unparseable_source", "source_address_prefix", "corpnet"),
    # a definite exposure is reported as such; other ports and the management networks are not judged unknown
    "aws_security_group_rule.world_beats_garbage": ("failed", "exposed_port", None, None),
    "aws_security_group_rule.garbage_on_https_only": ("passed", "restricted", None, None),
    "aws_security_group_rule.prefix_list_on_https_only": ("passed", "restricted", None, None),
    "aws_security_group_rule.management_network": ("passed", "restricted", None, None),
    "azurerm_network_security_rule.az_padded": ("passed", "restricted", None, None),  # blanks aside: /8
    "azurerm_network_security_rule.az_service_tag": ("passed", "restricted", None, None),  # own network
}


@pytest.fixture(scope="module")
def result():
    return scan(FIXTURE, "--license", str(BUNDLED), "--as-of", AS_OF)


@pytest.mark.parametrize("address", CASES)
def test_source_that_cannot_be_established_is_never_inside(result, address):
    status, reason, attr, value = CASES[address]
    finding = result.finding("CKV_CNLIC_202", address)
    assert (finding["status"], finding["reason"]) == (status, reason), finding["message"]["en"]
    if attr is not None:
        assert f": {attr} admits " in finding["message"]["en"] and value in finding["message"]["en"]
        assert attr in finding["message"]["zh"] and value in finding["message"]["zh"]
        assert RuleCatalog.load()["CKV_CNLIC_202"].undetermined(reason)


def test_the_scan_is_blocked_and_lists_them_as_could_not_evaluate(result):
    assert result.exit_status == 1
    unknown = ("unparseable_source", "prefix_list")
    undetermined = [f for f in result.doc["findings"]
                    if f["rule_id"] == "CKV_CNLIC_202" and f["reason"] in unknown]
    assert len(undetermined) == sum(1 for c in CASES.values() if c[1] in unknown)
    assert all(f["enforcement"] == "mandatory" for f in undetermined)
