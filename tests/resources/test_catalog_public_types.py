"""Catalog coverage measured on real code: the resource types met in public modules and examples
(tests/resources/public_types.txt, with the repositories read) are >= 95% known, and each known one has
an entry the rules can use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from permitguard import datafiles
from permitguard.resources import ResourceTypeCatalog

CATALOG = ResourceTypeCatalog.load()
LISTED = [line.split("#", 1)[0].strip()
          for line in (Path(__file__).parent / "public_types.txt").read_text(encoding="utf-8").splitlines()]
TYPES = [t for t in LISTED if t]
_RAW = yaml.safe_load(datafiles.packaged("data", "resource_types.yaml").read_text(encoding="utf-8"))
NO_LOCATION = set(_RAW["providers_without_location"])
OPENS_INGRESS = re.compile(
    r"(secgroup_rule|security_group_rule|security_group_lite_rule|network_acl|_vpc_acl$)")


def _handled(tf_type: str) -> bool:
    return CATALOG.get(tf_type).known or tf_type.split("_", 1)[0] in NO_LOCATION


def test_the_list_is_of_terraform_type_names_each_once():
    assert len(TYPES) > 500
    assert [t for t in TYPES if not re.fullmatch(r"[a-z][a-z0-9]*_[a-z0-9_]+", t)] == []
    assert len(set(TYPES)) == len(TYPES)


def test_at_least_95_percent_of_the_types_met_are_known():
    known = [t for t in TYPES if _handled(t)]
    assert len(known) / len(TYPES) >= 0.95, sorted(set(TYPES) - set(known))


def test_the_marks_in_the_list_tell_the_truth():
    text = (Path(__file__).parent / "public_types.txt").read_text(encoding="utf-8")
    marked = {line.split("#", 1)[0].strip() for line in text.splitlines() if "# not in the catalog" in line}
    marked.discard("")
    assert marked == {t for t in TYPES if not _handled(t)}


@pytest.mark.parametrize("tf_type", [t for t in TYPES if CATALOG.get(t).known])
def test_every_known_type_has_an_entry_the_rules_can_use(tf_type):
    info = CATALOG.get(tf_type)
    assert info.footprint in ("room", "logical")
    assert info.placement in ("global", "regional", "zonal", "child")
    if info.placement in ("global", "child"):
        assert (info.region_attrs, info.zone_attrs) == ((), ())
    if OPENS_INGRESS.search(tf_type):
        assert info.ingress, f"{tf_type} opens ingress: it needs an ingress shape"
    if re.search(r"(iam_role$|ram_role$|cam_role$|identity_agency$|trust_agency$)", tf_type):
        assert info.trust, f"{tf_type} grants trust: it needs a trust attribute"


def test_every_generation_of_security_group_rule_type_reads_ingress():
    names = ["huaweicloud_networking_secgroup_rule", "huaweicloud_networking_secgroup_rule_v2",
             "tencentcloud_security_group_rule", "tencentcloud_security_group_rule_set",
             "tencentcloud_security_group_lite_rule", "tencentcloud_vpc_acl", "alicloud_security_group_rule",
             "alicloud_network_acl", "aws_security_group", "aws_security_group_rule",
             "aws_vpc_security_group_ingress_rule", "aws_network_acl", "aws_network_acl_rule",
             "huaweicloud_vpc_network_acl", "azurerm_network_security_group", "azurerm_network_security_rule"]
    assert [t for t in names if not CATALOG.get(t).ingress] == []


def test_logical_types_met_include_the_ones_the_issue_names():
    logical = ["tencentcloud_cam_role", "alicloud_ram_policy", "tencentcloud_organization_org_member",
               "tencentcloud_billing_budget", "tencentcloud_cfw_edge_policy",
               "tencentcloud_clb_cls_log_attachment",
               "huaweicloud_networking_secgroup_rule_v2", "aws_route_table_association"]
    assert {t: CATALOG.get(t).footprint for t in logical} == dict.fromkeys(logical, "logical")
