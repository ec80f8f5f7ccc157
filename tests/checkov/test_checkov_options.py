"""Checkov's own options treat our checks as built-ins: the documented configuration file
(infra/ci/checkov/.checkov.yaml), --check, --skip-check, --soft-fail-on, --hard-fail-on and SARIF output —
each run through Checkov's command line, as a CI job runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "infra" / "ci" / "checkov" / ".checkov.yaml"
VIOLATING = ROOT / "infra" / "terraform" / "alicloud-violating"
COMPLIANT = ROOT / "infra" / "terraform" / "alicloud-compliant"
OURS = ("CKV_CNLIC_",)


def checkov(*args: str, cwd: Path = ROOT) -> tuple[int, dict, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PERMITGUARD_LICENSE", "PYTHONPATH")}
    done = subprocess.run([sys.executable, "-m", "checkov.main", *args, "--skip-download"],
                          capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**env, "PERMITGUARD_AS_OF": "2026-11-28"})
    out = done.stdout.strip()
    doc = json.loads(out) if out.startswith(("{", "[")) else {}
    return done.returncode, doc, done.stderr


def results(doc: dict | list) -> set[tuple[str, str, str]]:
    """(check id, resource, PASSED|FAILED) of a Checkov JSON report (one framework or a list of them)."""
    out = set()
    for report in doc if isinstance(doc, list) else [doc]:
        for kind in ("passed_checks", "failed_checks", "skipped_checks"):
            for r in report.get("results", {}).get(kind, []):
                out.add((r["check_id"], r["resource"], kind.split("_")[0].upper()))
    return out


def ours(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[0].startswith(OURS)}


@pytest.fixture(scope="module")
def with_config(tmp_path_factory):
    """Run from the repository top, as the file's relative paths expect; the JSON goes to a temporary
    directory (the file's own `output-file-path` would write into the working directory)."""
    out = tmp_path_factory.mktemp("checkov")
    code, _, err = checkov("--config-file", str(CONFIG), "-d", str(VIOLATING), "--framework", "terraform",
                           "-o", "json", "--output-file-path", str(out))
    return code, json.loads((out / "results_json.json").read_text()), err


def test_the_configuration_file_runs_our_checks_next_to_the_built_ins_and_fails_on_ours(with_config):
    code, doc, err = with_config
    found = results(doc)
    assert ("CKV_CNLIC_101", "alicloud_instance.hk_web", "FAILED") in found, err[-2000:]
    assert any(r[0].startswith("CKV_ALI_") for r in found)  # Checkov's built-ins ran too
    assert code == 1  # our failures are hard (hard-fail-on), the built-ins' soft


def test_the_configuration_file_passes_a_compliant_root_despite_built_in_findings(tmp_path):
    code, _, err = checkov("--config-file", str(CONFIG), "-d", str(COMPLIANT), "--framework", "terraform",
                           "-o", "json", "--output-file-path", str(tmp_path))
    doc = json.loads((tmp_path / "results_json.json").read_text())
    found = results(doc)
    assert ours(found) and not {r for r in ours(found) if r[2] == "FAILED"}, err[-2000:]
    assert code == 0


def test_check_selects_one_of_our_checks_as_it_selects_a_built_in():
    code, doc, _ = checkov("-d", str(VIOLATING), "--framework", "terraform", "--external-checks-dir",
                           str(ROOT / "policies" / "checkov"), "--check", "CKV_CNLIC_101", "-o", "json")
    assert {r[0] for r in results(doc)} == {"CKV_CNLIC_101"}
    assert code == 1


def test_skip_check_removes_one_of_ours_and_leaves_the_others():
    code, doc, _ = checkov("-d", str(VIOLATING), "--framework", "terraform", "--external-checks-dir",
                           str(ROOT / "policies" / "checkov"), "--check", "CKV_CNLIC_*",
                           "--skip-check", "CKV_CNLIC_301", "-o", "json")
    ids = {r[0] for r in results(doc)}
    assert "CKV_CNLIC_301" not in ids and {"CKV_CNLIC_101", "CKV_CNLIC_302"} <= ids
    assert code == 1


def test_soft_fail_on_our_ids_exits_zero_and_hard_fail_on_one_id_wins_over_soft_fail():
    base = ["-d", str(VIOLATING), "--framework", "terraform", "--external-checks-dir",
            str(ROOT / "policies" / "checkov"), "--check", "CKV_CNLIC_*", "-o", "json"]
    soft, doc, _ = checkov(*base, "--soft-fail-on", "CKV_CNLIC_*")
    assert {r for r in ours(results(doc)) if r[2] == "FAILED"} and soft == 0
    hard, _, _ = checkov(*base, "--soft-fail", "--hard-fail-on", "CKV_CNLIC_202")
    assert hard == 1
    clean, _, _ = checkov(*base, "--soft-fail", "--hard-fail-on", "CKV_CNLIC_000")  # fails nowhere here
    assert clean == 0


def test_checkov_sarif_carries_our_rules_with_help_and_file_locations(tmp_path):
    code, _, err = checkov("-d", str(VIOLATING), "--framework", "terraform", "--external-checks-dir",
                           str(ROOT / "policies" / "checkov"), "--check", "CKV_CNLIC_101,CKV_CNLIC_202",
                           "-o", "sarif", "--output-file-path", str(tmp_path))
    sarif = json.loads((tmp_path / "results_sarif.sarif").read_text())
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"CKV_CNLIC_101", "CKV_CNLIC_202"} <= set(rules), err[-2000:]
    located = [r for r in run["results"] if r["ruleId"] == "CKV_CNLIC_101"]
    places = [r["locations"][0]["physicalLocation"] for r in located]
    assert places and all(p["artifactLocation"]["uri"].endswith("main.tf") and p["region"]["startLine"] > 0
                          for p in places)
    assert code == 1
