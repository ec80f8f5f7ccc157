"""CKV_CNLIC_603 (system facilities record their system's protection grade and filing, SP-6) on hand-built
resources, per cloud; the system catalog held to its schema and to the resource-type catalog; the profile's
security_filings read and refused when malformed."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
import yaml

from helpers import judge, make, shown
from permitguard import datafiles
from permitguard.errors import PermitguardError
from permitguard.license import SecurityFiling
from permitguard.license_file import load_profile
from permitguard.model import Resource, Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.rule_catalog import RuleCatalog
from permitguard.rules.grading import RULES
from permitguard.system_catalog import SystemCatalog

RULE = RULES["CKV_CNLIC_603"]
SYSTEMS, TYPES = SystemCatalog.load(), ResourceTypeCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE
ROOT = Path(__file__).resolve().parents[2]
FILED = {"protection-grade": "3", "security-filing": "MIIT-SEC-2024-0301"}  # bundled profile: zqt-platform, 3


def verdict(ctx, resource: Resource):
    v = judge(RULE, ctx, resource)
    return v.status, v.reason


# ---------------------------------------------------------------- scope: the system catalog
@pytest.mark.parametrize("type_", ["alicloud_instance", "alicloud_cs_managed_kubernetes",
                                   "alicloud_db_instance", "alicloud_alb_load_balancer",
                                   "tencentcloud_instance",
                                   "tencentcloud_kubernetes_cluster", "tencentcloud_mysql_instance",
                                   "tencentcloud_clb_instance", "huaweicloud_compute_instance",
                                   "huaweicloud_cce_cluster", "huaweicloud_rds_instance",
                                   "huaweicloud_elb_loadbalancer", "aws_instance", "aws_eks_cluster",
                                   "aws_db_instance", "aws_lb", "azurerm_linux_virtual_machine",
                                   "azurerm_kubernetes_cluster", "azurerm_mssql_server", "azurerm_lb",
                                   "volcengine_ecs_instance", "volcengine_clb", "baiducloud_instance"])
def test_every_cloud_s_facilities_are_judged(ctx, type_):
    assert verdict(ctx, make(type_, tags=FILED)) == (PASSED, "filed")
    assert verdict(ctx, make(type_)) == (FAILED, "not_recorded")


@pytest.mark.parametrize("type_", ["alicloud_security_group_rule", "aws_security_group", "alicloud_vpc",
                                   "aws_subnet", "aws_ebs_volume", "alicloud_eip_address",
                                   "tencentcloud_redis_instance", "alicloud_cs_kubernetes_node_pool",
                                   "aws_lb_listener", "aws_iam_role", "random_id"])
def test_parts_and_surroundings_of_a_system_are_not_applicable(ctx, type_):
    assert verdict(ctx, make(type_)) == (NA, "not_a_system_facility")


def test_the_system_catalog_is_valid_and_names_only_catalogued_types_that_carry_tags():
    doc = datafiles.load_data("systems.yaml", "systems.schema.json")
    assert datafiles.schema_errors("systems.schema.json", doc) == []
    for cloud, kinds in doc["kinds"].items():
        for types in kinds.values():
            for t in types:
                info = TYPES.get(t)
                assert info.known and info.cloud == cloud, t
                assert info.tags_attr, t  # a tagless facility could only ever be "could not evaluate"
                assert info.footprint == "room", t
    bad = copy.deepcopy(doc)
    bad["kinds"]["aws"]["firewall"] = ["aws_security_group"]
    bad["grades"]["6"] = ["六级"]
    assert len(datafiles.schema_errors("systems.schema.json", bad)) == 2


# ---------------------------------------------------------------- the grade and the filing
@pytest.mark.parametrize(("tags", "expected"), [
    (FILED, (PASSED, "filed")),
    ({"protection-grade": "第三级", "security-filing": "MIIT-SEC-2024-0301"}, (PASSED, "filed")),
    ({"protection-grade": "三级", "security-filing": "MIIT-SEC-2024-0301"}, (PASSED, "filed")),
    ({"protection-grade": "３", "security-filing": "MIIT-SEC-2024-0301"}, (PASSED, "filed")),  # full width
    ({"Protection-Grade": " 2 ", "security-filing": " miit-sec-2024-0302 "}, (PASSED, "filed")),
    ({"protection-grade": "2", "security-filing": "MIIT-SEC-2024-0301"}, (FAILED, "wrong_grade")),
    ({"protection-grade": "3", "security-filing": "MIIT-SEC-2099-0001"}, (FAILED, "not_filed")),
    ({"protection-grade": "high", "security-filing": "MIIT-SEC-2024-0301"}, (FAILED, "grade_malformed")),
    ({"protection-grade": "6", "security-filing": "MIIT-SEC-2024-0301"}, (FAILED, "grade_malformed")),
    ({"protection-grade": "3"}, (FAILED, "filing_missing")),
    ({"protection-grade": "3", "security-filing": "  "}, (FAILED, "filing_missing")),
    ({"security-filing": "MIIT-SEC-2024-0301"}, (FAILED, "grade_missing")),
    ({"prior-filing": "TE-2026-0412"}, (FAILED, "not_recorded")),  # a machine-room filing is no grading
    ({"protection-grade": Unknown("known only after apply"), "security-filing": "MIIT-SEC-2024-0301"},
     (FAILED, "tag_unresolved")),
    ({"protection-grade": "3", "security-filing": Unknown("known only after apply")},
     (FAILED, "tag_unresolved")),
])
def test_grade_and_filing(ctx, tags, expected):
    assert verdict(ctx, make("alicloud_instance", tags=tags)) == expected


def test_a_tag_map_known_only_after_apply_could_not_be_established(ctx):
    v = judge(RULE, ctx, make("aws_instance", tags=Unknown("known only after apply")))
    assert (v.status, v.reason) == (FAILED, "tag_unresolved")
    assert RuleCatalog.load()["CKV_CNLIC_603"].undetermined("tag_unresolved")


def test_without_security_filings_in_the_profile_only_the_record_is_checked(ctx):
    bare = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, security_filings=()))
    tags = {"protection-grade": "4", "security-filing": "ANY-REFERENCE"}
    assert verdict(bare, make("aws_instance", tags=tags)) == (PASSED, "recorded")
    assert verdict(bare, make("aws_instance", tags={"protection-grade": "9", "security-filing": "x"})) == (
        FAILED, "grade_malformed")


def test_tag_names_come_from_the_profile(ctx):
    own = dataclasses.replace(ctx, profile=dataclasses.replace(
        ctx.profile, tags={**ctx.profile.tags, "protection_grade": "dengbao", "security_filing": "beian"}))
    assert verdict(own, make("aws_instance", tags={"dengbao": "3", "beian": "MIIT-SEC-2024-0301"})) == (
        PASSED, "filed")
    assert verdict(own, make("aws_instance", tags=FILED)) == (FAILED, "not_recorded")


def test_the_message_names_the_system_and_both_grades(ctx):
    v = judge(RULE, ctx, make("tencentcloud_clb_instance",
                              tags={"protection-grade": "二级", "security-filing": "MIIT-SEC-2024-0301"}))
    facts = shown(v, ctx)
    assert (v.reason, facts["system"], facts["grade"], facts["filed_grade"]) == (
        "wrong_grade", "zqt-platform", 2, 3)


# ---------------------------------------------------------------- the profile section
def test_the_bundled_profile_lists_its_filed_systems(ctx):
    assert ctx.profile.security_filings == (SecurityFiling("zqt-platform", 3, "MIIT-SEC-2024-0301"),
                                            SecurityFiling("zqt-idc-operations", 2, "MIIT-SEC-2024-0302"))
    assert ctx.profile.tags["protection_grade"] == "protection-grade"
    assert ctx.profile.security_filing(" mIIt-sec-2024-0302") == ctx.profile.security_filings[1]


@pytest.mark.parametrize("entry", [{"system": "x", "grade": 6, "reference": "R-1"},
                                   {"system": "x", "grade": "3", "reference": "R-1"},
                                   {"system": "x", "reference": "R-1"}])
def test_malformed_security_filings_are_refused(tmp_path, entry):
    data = yaml.safe_load((ROOT / "infra/licenses/B1-20195402.yaml").read_text(encoding="utf-8"))
    data["security_filings"] = [entry]
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PermitguardError):
        load_profile(path)
