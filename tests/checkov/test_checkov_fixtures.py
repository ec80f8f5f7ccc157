"""Each check on its fixture folder (tests/fixtures/<id>/main.tf and plan.json), through Checkov itself:
the exact sets of passing, failing and skipped addresses, and no parsing errors.

The expected sets come from the fixtures' own names: the first `pass_`, `fail_`, `skip_` or `na_` name in a
resource's address (its module call's, else its own) is the folder's rule's verdict on it — PASSED, FAILED,
SKIPPED, or not reported (not applicable). Each fixture is read through `permitguard.sources.readers.read`
for its addresses (module instances, count/for_each keys), and every named resource the fixture declares
must be among them.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.documents import Documents
from permitguard.sources.readers import read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HCL_RULES = sorted(p.name for p in FIXTURES.glob("CKV_CNLIC_*") if p.is_dir())
PLAN_RULES = [r for r in HCL_RULES if (FIXTURES / r / "plan.json").is_file()]
RESULTS = ("PASSED", "FAILED", "SKIPPED")
# What the plans hold: 101, 103, 201 and 202 are real (`terraform show -json`; 101: a variable region, a
# module with a providers map, a nested module, count, an update; 103: a region from a local, an unknown
# region id, a zone picked by the cloud; 202: the region from terraform.tfvars); 102 and 302 are hand-written
# (102: module-declared provider keys, a replace, a no-op, a tag known only after apply; 302: prior-filing
# tags, one known only after apply, a delete); 501 and 601 are hand-written (joins by a known name or domain
# are made; a zone id or log-group ARN known only after apply cannot be joined: could not be established). In
# 101's main.tf a skip on a module call reaches its resources (module.skip_module_hk.*: SKIPPED).
# 602's plan is hand-written: companions that name their bucket by `.id` (known only after apply) are joined
# through the plan's configuration references.

_VERDICT = re.compile(r"(?:^|\.|\[\")(pass|fail|skip|na)_")  # a name, or a for_each key (`x.m["fail_b"]`)
_NAMED = {"pass": "PASSED", "fail": "FAILED", "skip": "SKIPPED", "na": None}
_RESOURCE_BLOCK = re.compile(r'^resource\s+"([^"]+)"\s+"([^"]+)"', re.MULTILINE)


def _target(rule_id: str, kind: str) -> Path:
    return FIXTURES / rule_id if kind == "hcl" else FIXTURES / rule_id / "plan.json"


def _declared(rule_id: str, kind: str) -> set[str]:
    """What the fixture declares under a pass_/fail_/skip_ name, read from its files as written: the root
    `resource` blocks of main.tf & co. (an address or the prefix of its instances), or the plan's
    resource_changes."""
    if kind == "plan":
        plan = json.loads(_target(rule_id, kind).read_text(encoding="utf-8"))
        return {c["address"] for c in plan.get("resource_changes", []) if c.get("mode") == "managed"}
    blocks = set()
    for tf in (FIXTURES / rule_id).glob("*.tf"):
        blocks |= {f"{t}.{n}" for t, n in _RESOURCE_BLOCK.findall(tf.read_text(encoding="utf-8"))}
    return blocks


@functools.cache
def expected(rule_id: str, kind: str) -> dict[str, frozenset[str]]:
    """PASSED / FAILED / SKIPPED → the addresses the fixture's names say the check gives them."""
    result = read(_target(rule_id, kind), ResourceTypeCatalog.load(), Documents())
    addresses = {r.address for r in result.resources}
    for name in _declared(rule_id, kind):
        m = _VERDICT.search(name)
        if m and _NAMED[m.group(1)]:
            instances = {a for a in addresses if a == name or a.startswith(f"{name}[")}
            assert instances, f"{rule_id} {kind}: {name} is declared but was not read"
    named: dict[str, set[str]] = {r: set() for r in RESULTS}
    for address in addresses:
        m = _VERDICT.search(address)
        assert m, f"{rule_id} {kind}: {address} has no pass_/fail_/skip_/na_ name"
        if _NAMED[m.group(1)]:
            named[_NAMED[m.group(1)]].add(address)
    return {r: frozenset(a) for r, a in named.items()}


@pytest.mark.parametrize("rule_id", HCL_RULES)
def test_hcl_fixture_gives_exact_results(checkov_runs, rule_id):
    outcome = checkov_runs[(rule_id, "hcl")]
    assert outcome.parsing_errors == []
    for result in RESULTS:
        assert outcome.addresses(rule_id, result) == expected(rule_id, "hcl")[result], result


@pytest.mark.parametrize("rule_id", PLAN_RULES)
def test_plan_fixture_gives_exact_results(checkov_runs, rule_id):
    outcome = checkov_runs[(rule_id, "plan")]
    assert outcome.parsing_errors == []
    for result in RESULTS:
        assert outcome.addresses(rule_id, result) == expected(rule_id, "plan")[result], result


def test_every_fixture_folder_and_plan_is_asserted(checkov_runs, catalog_rule_ids):
    """Checkov ran every folder and plan, each folder is a rule that has a check, and each fixture expects at
    least one passing and one failing resource of it."""
    assert {f for f, kind in checkov_runs if kind == "hcl"} == set(HCL_RULES)
    assert {f for f, kind in checkov_runs if kind == "plan"} == set(PLAN_RULES)
    assert set(HCL_RULES) <= set(catalog_rule_ids)
    for kind, rules in (("hcl", HCL_RULES), ("plan", PLAN_RULES)):
        for rule_id in rules:
            assert expected(rule_id, kind)["PASSED"] and expected(rule_id, kind)["FAILED"], (rule_id, kind)


@pytest.mark.parametrize("kind", ["hcl", "plan"])
def test_fixture_names_tell_the_truth(checkov_runs, kind):
    """The first pass_/fail_/skip_/na_ name in an address (module call or resource) is its verdict."""
    for (rule_id, run_kind), outcome in checkov_runs.items():
        if run_kind != kind:
            continue
        for check_id, address, result in outcome.results:
            m = _VERDICT.search(address)
            if check_id == rule_id and m:
                assert _NAMED[m.group(1)] == result, (rule_id, address, result)


def test_failures_carry_the_bilingual_message_and_fix(checkov_runs):
    details = checkov_runs[("CKV_CNLIC_101", "hcl")].details[("CKV_CNLIC_101", "alicloud_vpc.fail_alias_hk")]
    assert details[0] == (
        "alicloud_vpc.fail_alias_hk is in alicloud cn-hongkong → Hong Kong (CN-HK), Hong Kong, "
        "outside mainland China (Hong Kong)."
    )
    assert "在中国大陆以外（中国香港）" in details[1]
    assert details[2].startswith("Fix: Move the resource to a mainland-China region")
    assert details[3].startswith("修复：")


def test_suppressed_check_is_reported_skipped_with_its_reason(checkov_runs):
    outcome = checkov_runs[("CKV_CNLIC_101", "hcl")]
    assert ("CKV_CNLIC_101", "alicloud_vpc.skip_hk", "SKIPPED") in outcome.results
    assert (
        "CKV_CNLIC_102",
        "alicloud_vpc.skip_hk",
        "FAILED",
    ) in outcome.results  # only the named id is skipped
