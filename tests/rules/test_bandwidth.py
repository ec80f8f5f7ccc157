"""CKV_CNLIC_405 (SP-4: no bandwidth or network-access resource granted to an account outside the
organisation), per cloud, on hand-built resources; the account is judged as CKV_CNLIC_201 judges it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import judge, make
from permitguard import localise
from permitguard.model import OWN_ACCOUNT, Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
RULE = RULES["CKV_CNLIC_405"]
TYPES = ResourceTypeCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE
OURS = {"alicloud": "1234567890123456", "tencentcloud": "100012345678",
        "huaweicloud": "0a1b2c3d4e5f60718293a4b5c6d7e8f9"}  # organization.accounts of the example profile
GRANTS = [("alicloud_cen_instance_grant", "cen_owner_id", "5566778899001122"),
          ("alicloud_cen_transit_router_grant_attachment", "cen_owner_id", "5566778899001122"),
          ("tencentcloud_ccn_attachment", "ccn_uin", "100099998888"),
          ("huaweicloud_cc_authorization", "cloud_connection_domain_id", "ffeeddccbbaa00998877665544332211")]


def verdict(ctx, resource):
    v = judge(RULE, ctx, resource)
    return v.status, v.reason


@pytest.mark.parametrize(("type_", "attr", "other"), GRANTS)
def test_a_grant_to_another_account_fails_and_says_which(ctx, type_, attr, other):
    r = make(type_, provider_region="cn-hangzhou", **{attr: other})
    v = judge(RULE, ctx, r)
    assert (v.status, v.reason, v.facts["principals"]) == (FAILED, "shared_outside", (other,))
    en, zh = localise.texts(ctx.rules["CKV_CNLIC_405"], v.reason, v.facts, ctx)
    assert other in en and attr in en and "SP-4" in en and r.address in en
    assert other in zh and "带宽" in zh and r.address in zh


@pytest.mark.parametrize(("type_", "attr", "other"), GRANTS)
def test_a_grant_to_an_account_of_the_organisation_passes(ctx, type_, attr, other):
    cloud = type_.split("_", 1)[0]
    assert verdict(ctx, make(type_, **{attr: OURS[cloud]})) == (PASSED, "own_account")


def test_the_callers_own_account_from_a_data_source_is_the_organisations(ctx):
    r = make("alicloud_cen_instance_grant", cen_owner_id=OWN_ACCOUNT, cen_id="cen-1",
             child_instance_id="vpc-1")
    assert verdict(ctx, r) == (PASSED, "own_account")


def test_an_account_known_only_after_apply_could_not_be_established(ctx):
    r = make("alicloud_cen_instance_grant", cen_owner_id=Unknown())
    v = judge(RULE, ctx, r)
    assert (v.status, v.reason) == (FAILED, "account_unresolved")
    assert ctx.rules["CKV_CNLIC_405"].messages["account_unresolved"].undetermined


def test_an_omitted_ccn_uin_is_the_callers_own_ccn_but_an_omitted_cen_owner_is_not_known(ctx):
    assert verdict(ctx, make("tencentcloud_ccn_attachment", ccn_id="ccn-1")) == (PASSED, "own_default")
    assert verdict(ctx, make("alicloud_cen_instance_grant", cen_id="cen-1")) == (FAILED, "account_not_stated")
    assert verdict(ctx, make("huaweicloud_cc_authorization")) == (FAILED, "account_not_stated")


def test_an_account_id_that_merely_contains_ours_is_not_ours(ctx):
    r = make("tencentcloud_ccn_attachment", ccn_uin="9" + OURS["tencentcloud"])
    assert verdict(ctx, r) == (FAILED, "shared_outside")


@pytest.mark.parametrize("type_", ["alicloud_resource_manager_shared_target", "aws_ram_principal_association",
                                   "alicloud_common_bandwidth_package", "alicloud_vpc_peer_connection",
                                   "tencentcloud_ccn_attachment_v2", "alicloud_brand_new_thing"])
def test_resource_shares_are_201s_and_other_types_are_not_grants(ctx, type_):
    r = make(type_, target_id="5566778899001122", principal="444455556666",
             accepting_ali_uid="5566778899001122")
    assert verdict(ctx, r) == (NA, "not_a_grant")


def test_the_catalog_names_the_grant_types_and_the_rule_owning_resource_shares(ctx):
    graded = sorted(info.type for info in TYPES.types() if info.bandwidth_grant)
    assert graded == sorted(t for t, _, _ in GRANTS)
    entry = ctx.rules["CKV_CNLIC_405"]
    assert entry.clauses == ("SP-4",) or list(entry.clauses) == ["SP-4"]
    doc = yaml.safe_load((ROOT / "policies/permitguard/data/rules.yaml").read_text(encoding="utf-8"))
    inspects = next(r for r in doc["rules"] if r["id"] == "CKV_CNLIC_405")["inspects"]
    assert {"alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm"} <= set(inspects)
    for type_, attr, _ in GRANTS:
        assert f"{type_}.{attr}" in inspects[type_.split("_", 1)[0]]
    assert "CKV_CNLIC_201" in inspects["aws"] and "CKV_CNLIC_201" in inspects["alicloud"]
