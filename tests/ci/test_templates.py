"""The CI templates (action.yml, infra/ci/github, infra/ci/gitlab): their YAML parses, they name what exists,
and every command they run is run here on the examples, with the results checked."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "infra" / "terraform"
PERMITGUARD = str(Path(sys.executable).with_name("permitguard"))
SAST_SCHEMA = json.loads(
    (ROOT / "tests" / "report" / "formats" / "gitlab-sast-report-15.required.json").read_text())


def load(path: Path):
    return yaml.safe_load(path.read_text())


def run_script(script: Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PG_", "PERMITGUARD_", "GITHUB_"))}
    return subprocess.run(["bash", str(script)], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**base, "PERMITGUARD": PERMITGUARD, "PERMITGUARD_AS_OF": "2026-11-28", **env})


def test_the_action_is_a_composite_whose_scan_step_is_the_script_and_fails_after_uploading():
    action = load(ROOT / "action.yml")
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    names = [s.get("name", s.get("uses", "")) for s in steps]
    assert any("infra/ci/github/scan.sh" in s.get("run", "") for s in steps)
    upload = next(i for i, s in enumerate(steps) if "upload-sarif" in s.get("uses", ""))
    fail = next(i for i, s in enumerate(steps) if s.get("name") == "Fail on mandatory findings")
    assert upload < fail, names
    assert set(action["inputs"]) >= {"paths", "license", "format", "baseline", "changed-since", "output"}
    for step in steps:  # every input the steps read is declared
        for name in ("paths", "license", "format", "output", "baseline", "changed-since", "var-files"):
            if f"inputs.{name}" in json.dumps(step):
                assert name in action["inputs"]


def test_the_workflow_parses_and_uses_the_action_and_the_pack(tmp_path):
    flow = load(ROOT / "infra" / "ci" / "github" / "permitguard.yml")
    assert set(flow["jobs"]) == {"terraform", "pulumi"}
    uses = [s.get("uses", "") for s in flow["jobs"]["terraform"]["steps"]]
    assert "<org>/permitguard@v1" in uses
    pack = json.dumps(flow["jobs"]["pulumi"])
    assert "policies/pulumi" in pack and "requirements.txt" in pack
    assert (ROOT / "policies" / "pulumi" / "requirements.txt").is_file()
    assert flow["permissions"]["security-events"] == "write"


def test_the_action_scan_step_writes_sarif_summary_and_exit_code(tmp_path):
    out, summary = tmp_path / "gh-output", tmp_path / "summary.md"
    done = run_script(ROOT / "infra" / "ci" / "github" / "scan.sh", tmp_path, {
        "PG_PATHS": f"{EXAMPLES / 'alicloud-violating'} {EXAMPLES / 'aws-compliant'}",
        "PG_LICENSE": str(ROOT / "infra" / "licenses" / "B1-20195402.yaml"), "PG_FORMAT": "sarif",
        "PG_OUTPUT": str(tmp_path / "results.sarif"), "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 0, done.stderr  # the step never fails; the action's last step does
    assert out.read_text().strip() == "exit-code=1"
    sarif = json.loads((tmp_path / "results.sarif").read_text())
    assert any(r["ruleId"] == "CKV_CNLIC_101" for r in sarif["runs"][0]["results"])
    assert "CKV_CNLIC_101" in summary.read_text()


def test_the_action_scan_step_on_a_compliant_root_records_zero(tmp_path):
    out = tmp_path / "gh-output"
    done = run_script(ROOT / "infra" / "ci" / "github" / "scan.sh", tmp_path, {
        "PG_PATHS": str(EXAMPLES / "alicloud-compliant"), "PG_OUTPUT": str(tmp_path / "r.sarif"),
        "GITHUB_OUTPUT": str(out)})
    assert done.returncode == 0 and out.read_text().strip() == "exit-code=0", done.stderr


def test_the_gitlab_template_keeps_junit_and_sast_reports_even_on_failure():
    job = load(ROOT / "infra" / "ci" / "gitlab" / "permitguard.gitlab-ci.yml")[".permitguard"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"junit": "permitguard-junit.xml", "sast": "gl-sast-report.json"}
    assert job["script"] == ["bash infra/ci/gitlab/scan.sh"]


@pytest.mark.parametrize("example, code", [("tencentcloud-violating", 1), ("tencentcloud-compliant", 0)])
def test_the_gitlab_script_writes_a_junit_and_a_valid_sast_report(tmp_path, example, code):
    done = run_script(ROOT / "infra" / "ci" / "gitlab" / "scan.sh", tmp_path, {
        "PERMITGUARD_PATHS": str(EXAMPLES / example)})
    assert done.returncode == code, done.stderr
    suites = ET.parse(tmp_path / "permitguard-junit.xml").getroot()
    assert suites.tag == "testsuites"
    report = json.loads((tmp_path / "gl-sast-report.json").read_text())
    jsonschema.Draft7Validator(SAST_SCHEMA).validate(report)
    assert bool(report["vulnerabilities"]) == bool(code)
    findings = json.loads((tmp_path / "permitguard.json").read_text())
    assert len(report["vulnerabilities"]) == sum(f["status"] == "failed" for f in findings["findings"])
