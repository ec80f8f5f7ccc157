"""The check objects Checkov runs: built from the rule catalog, failing closed on any error, and loadable
from the command line exactly as users run Checkov."""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from permitguard.checkov import checks, judged_types
from permitguard.resources import ResourceTypeCatalog
from permitguard.rule_catalog import RuleCatalog
from permitguard.sources.terraform_hcl import read_directory

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EXTERNAL_CHECKS = ROOT / "policies" / "checkov"


@pytest.fixture()
def registered(checkov_runs, catalog_rule_ids):
    """Our checks as Checkov registered them (loaded from the external-checks dir by the session runs)."""
    from checkov.terraform.checks.module.registry import module_registry
    from checkov.terraform.checks.resource.registry import resource_registry

    return {rid: resource_registry.get_check_by_id(rid) or module_registry.get_check_by_id(rid)
            for rid in catalog_rule_ids}


def test_one_check_per_catalog_rule_with_catalog_metadata(registered):
    from checkov.common.bridgecrew.severities import Severities

    catalog = RuleCatalog.load()
    assert set(registered) == set(catalog.ids())
    for rid, check in registered.items():
        meta = catalog[rid]
        assert (check.id, check.name, check.severity) == (rid, meta.title.en, Severities[meta.severity])
        assert meta.remediation.en in check.guideline


def test_checks_cover_every_resource_type_of_the_fixtures(registered):
    patterns = registered["CKV_CNLIC_101"].supported_resources
    types = {r.type for d in FIXTURES.glob("CKV_CNLIC_*") for r in read_directory(d, types=TYPES).resources}
    assert all(
        any(fnmatch.fnmatchcase(t, p) for p in patterns) for t in types | {"random_id", "cloudflare_record"}
    )


def test_an_error_inside_a_check_fails_it_and_says_why(registered, monkeypatch):
    from checkov.common.models.enums import CheckResult

    check = registered["CKV_CNLIC_101"]
    monkeypatch.setattr(check, "graph", object())
    monkeypatch.setattr("permitguard.checkov.shared.graph_nodes_of", lambda graph: 1 / 0)
    assert check.scan_entity_conf({"__address__": "alicloud_vpc.x"}, "alicloud_vpc") is CheckResult.FAILED
    assert check.details == ["permitguard could not evaluate CKV_CNLIC_101: division by zero"]


def test_no_graph_from_checkov_fails_closed(registered, monkeypatch):
    from checkov.common.models.enums import CheckResult

    check = registered["CKV_CNLIC_103"]
    monkeypatch.setattr(check, "graph", None)
    assert check.scan_entity_conf({"__address__": "alicloud_vpc.x"}, "alicloud_vpc") is CheckResult.FAILED
    assert "no Terraform graph" in check.details[0]


def test_count_zero_means_no_resource_to_judge(registered):
    from checkov.common.models.enums import CheckResult

    assert registered["CKV_CNLIC_101"].scan_entity_conf({"count": [0]}, "alicloud_vpc") is CheckResult.UNKNOWN


def test_broken_profile_fails_every_check_never_passes(
    checkov_runs, checkov_run, catalog_rule_ids, tmp_path, monkeypatch
):
    bad = tmp_path / "permitguard.yaml"
    bad.write_text("license: {number: B1-20195402}\n", encoding="utf-8")
    monkeypatch.setenv("PERMITGUARD_LICENSE", str(bad))
    folder = FIXTURES / "CKV_CNLIC_201"
    outcome = checkov_run(folder)
    resources = read_directory(folder, types=TYPES).resources
    resource_rules = [r for r in catalog_rule_ids if RuleCatalog.load()[r].family != "configuration"]
    # each check fails on every resource Checkov hands it: those of the types it is registered for (a rule
    # whose type gate spares a type is not applicable to it whatever the profile says: judged_types)
    registered = judged_types.load()
    handed = {(rid, r.address) for rid in resource_rules for r in resources
              if any(fnmatch.fnmatchcase(r.type, p) for p in checks.supported_resources(rid, registered))}
    assert {(rid, a) for rid, a, _ in outcome.results} == handed
    assert {result for _, _, result in outcome.results} == {"FAILED"}
    assert {"CKV_CNLIC_101", "CKV_CNLIC_103", "CKV_CNLIC_201", "CKV_CNLIC_701"} <= {rid for rid, _ in handed}
    assert all("licence profile" in d[0] and "is invalid" in d[0] for d in outcome.details.values())


def test_failures_say_which_licence_profile_judged(checkov_runs, checkov_run, tmp_path, monkeypatch):
    """Checkov prints no header of ours: each failure names the profile, found as the CLI finds it."""
    details = checkov_runs[("CKV_CNLIC_101", "hcl")].details[("CKV_CNLIC_101", "alicloud_vpc.fail_alias_hk")]
    assert details[-1].startswith("Licence: B1-20195402 (bundled: ") and details[-1].endswith(".yaml)")
    own = tmp_path / "permitguard.yaml"
    own.write_bytes((ROOT / "infra" / "licenses" / "B1-20195402.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)  # ./permitguard.yaml: the directory Checkov runs in, not the scanned one
    outcome = checkov_run(FIXTURES / "CKV_CNLIC_101")
    assert outcome.details[("CKV_CNLIC_101", "alicloud_vpc.fail_alias_hk")][-1] == (
        f"Licence: B1-20195402 (./permitguard.yaml: {own})"
    )
    monkeypatch.setenv("PERMITGUARD_LICENSE", str(own))
    outcome = checkov_run(FIXTURES / "CKV_CNLIC_101")
    assert outcome.details[("CKV_CNLIC_101", "alicloud_vpc.fail_alias_hk")][-1] == (
        f"Licence: B1-20195402 ($PERMITGUARD_LICENSE: {own})"
    )


def _shim(tmp_path: Path) -> dict[str, str]:
    """An environment where the child finds this checkout's permitguard but not policies/checkov."""
    (tmp_path / "permitguard").symlink_to(ROOT / "policies" / "permitguard", target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PERMITGUARD_LICENSE", "PYTHONPATH")}
    return {**env, "PYTHONPATH": str(tmp_path), "PERMITGUARD_AS_OF": "2026-11-28"}


@pytest.mark.parametrize(
    ("target", "framework"), [("CKV_CNLIC_101", "terraform"), ("CKV_CNLIC_101/plan.json", "terraform_plan")]
)
def test_checkov_command_line_runs_the_checks(tmp_path, target, framework):
    path = FIXTURES / target
    args = [
        "-f" if path.is_file() else "-d",
        str(path),
        "--framework",
        framework,
        "--external-checks-dir",
        str(EXTERNAL_CHECKS),
        "--skip-download",
        "--check",
        "CKV_CNLIC_101",
        "-o",
        "json",
        "--quiet",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "checkov.main", *args],
        capture_output=True,
        text=True,
        env=_shim(tmp_path),
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    failed = {r["resource"] for r in json.loads(done.stdout)["results"]["failed_checks"]}
    assert ("alicloud_vpc.fail_alias_hk" if framework == "terraform" else "aws_vpc.fail_hk") in failed


def test_checkov_without_permitguard_fails_every_resource_instead_of_passing(tmp_path):
    broken = tmp_path / "permitguard"
    broken.mkdir()
    (broken / "__init__.py").write_text("raise ImportError('permitguard is not installed here')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PERMITGUARD_LICENSE", "PYTHONPATH")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "checkov.main",
            "-d",
            str(FIXTURES / "CKV_CNLIC_101"),
            "--framework",
            "terraform",
            "--external-checks-dir",
            str(EXTERNAL_CHECKS),
            "--skip-download",
            "--check",
            "CKV_CNLIC_000",
            "-o",
            "json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(tmp_path)},
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    failed = json.loads(done.stdout)["results"]["failed_checks"]
    assert failed and {f["check_id"] for f in failed} == {"CKV_CNLIC_000"}
    assert "permitguard is not installed here" in failed[0]["details"][0]


def test_a_block_checkov_sees_but_the_evaluation_lost_fails_never_passes(monkeypatch):
    """A block without count/for_each exists once per module instance: an evaluation without it (the
    evaluator dropped it) cannot be right, so the check fails with the reason instead of saying nothing."""
    from pathlib import Path

    from permitguard.checkov import shared
    from permitguard.errors import InputError
    from permitguard.terraform.evaluate import Evaluation

    other = type("R", (), {"address": "alicloud_vpc.other"})()
    monkeypatch.setattr(shared, "_evaluation", lambda root: Evaluation(root=Path(root), resources=[other]))
    with pytest.raises(InputError, match="has no instance of it"):
        shared.hcl_instances("/r", "alicloud_vpc.lost", expanded=False)
    assert shared.hcl_instances("/r", "alicloud_vpc.lost", expanded=True) == []  # count/for_each: may be none
    # a module with no instance creates none of its blocks
    assert shared.hcl_instances("/r", "module.off.alicloud_vpc.x", expanded=False) == []


def test_the_garbage_collector_is_paused_while_a_check_judges_and_restored_after():
    import gc

    from permitguard.checkov.checks import collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="judging failed"), collection_paused():
        raise RuntimeError("judging failed")
    assert gc.isenabled()  # enabled again when the judging raised
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_an_entitys_resources_are_found_once_for_the_checks_of_every_rule(registered, monkeypatch):
    from permitguard.checkov import run_state

    monkeypatch.setattr(run_state, "_run", run_state.CheckovRun())
    found = []

    def resolve(check):
        def resources_of(conf):
            found.append((check.meta.id, conf["__address__"]))
            if conf["__address__"] == "alicloud_vpc.broken":
                raise RuntimeError("not in the graph")
            return [("resource of " + conf["__address__"], None)]
        return resources_of

    graph = object()
    checks = [registered[r] for r in ("CKV_CNLIC_101", "CKV_CNLIC_102", "CKV_CNLIC_103")]
    for check in checks:
        monkeypatch.setattr(check, "_resources_of", resolve(check))
        monkeypatch.setattr(check, "graph", graph)
        monkeypatch.setattr(check, "_scanned_file", "/main.tf")
    one, other = {"__address__": "alicloud_vpc.one"}, {"__address__": "alicloud_vpc.other"}
    answers = [check._resources(conf) for conf in (one, other) for check in checks]
    assert answers == [[("resource of alicloud_vpc.one", None)]] * 3 + [
        [("resource of alicloud_vpc.other", None)]] * 3
    assert found == [("CKV_CNLIC_101", "alicloud_vpc.one"), ("CKV_CNLIC_101", "alicloud_vpc.other")]
    monkeypatch.setattr(checks[1], "_scanned_file", "/other.tf")  # another file: found again
    checks[1]._resources(other)
    assert found[-1] == ("CKV_CNLIC_102", "alicloud_vpc.other")
    broken = {"__address__": "alicloud_vpc.broken"}
    for check in checks:  # a failure is not kept: each check finds it, and fails
        with pytest.raises(RuntimeError, match="not in the graph"):
            check._resources(broken)
    assert found[-3:] == [(c.meta.id, "alicloud_vpc.broken") for c in checks]
