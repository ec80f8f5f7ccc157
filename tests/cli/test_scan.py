"""`permitguard scan` (permitguard.cli.scan): the exit statuses of unusable input, and what one file or an
empty directory judges."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def test_scan_with_a_broken_profile_exits_2_before_scanning(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(": : :\n", encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", str(bad))
    assert run.exit_status == 2
    assert run.stderr.startswith(f"permitguard: error: licence profile {bad}: not valid YAML")


def test_broken_profile_from_environment_is_reported_the_same(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("license: {}\norganization: {accounts: {}}\n", encoding="utf-8")
    run = cli("scan", str(tmp_path), environ={"PERMITGUARD_LICENSE": str(bad)})
    assert run.exit_status == 2 and "'number' is a required property" in run.stderr


def test_scan_missing_path_exits_2_with_one_line():
    run = cli("scan", "/nonexistent/plan.json", "--license", PROFILE)
    assert (run.exit_status, run.stderr) == (
        2,
        "permitguard: error: /nonexistent/plan.json: no such file or directory\n",
    )


def test_scan_rejects_json_that_is_no_plan(tmp_path):
    other = tmp_path / "x.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    run = cli("scan", str(other), "--license", PROFILE)
    assert run.exit_status == 2 and "not a Terraform directory" in run.stderr


def test_scan_rejects_truncated_json(tmp_path):
    cut = tmp_path / "plan.json"
    cut.write_text('{"format_version": "1.2", "resource_changes": [', encoding="utf-8")
    run = cli("scan", str(cut), "--license", PROFILE)
    assert run.exit_status == 2 and "not valid JSON" in run.stderr and "truncated?" in run.stderr


def test_usage_error_exits_2():
    assert cli("scan").exit_status == 2


def test_scan_one_terraform_file_judges_only_its_resources_with_its_directory_for_context():
    example = ROOT / "infra/terraform/alicloud-violating"
    run = cli("scan", str(example / "main.tf"), "--license", PROFILE, "--format", "json")
    doc = json.loads(run.stdout)
    assert run.exit_status == 1
    assert {f["resource"]["file"] for f in doc["findings"]} == {f"{example}/main.tf"}
    assert doc["summary"]["resources"] == 7  # providers.tf and variables.tf declare no resources
    unplaced = [f for f in doc["findings"] if f["resource"]["address"] == "alicloud_oss_bucket.unplaced"]
    assert {f["rule_id"] for f in unplaced if f["status"] == "failed"} == {"CKV_CNLIC_103"}


def test_scan_a_directory_without_terraform_files_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", PROFILE)
    assert run.exit_status == 2 and "no Terraform files" in run.stderr
