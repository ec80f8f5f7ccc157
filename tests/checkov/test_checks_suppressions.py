"""A `# checkov:skip` of our checks that gives no reason is not honoured by Checkov either: Checkov hands
the check its skip ("No comment provided"), our check runs anyway, and its failure says the suppression
needs a reason; a skip with a reason stays Checkov's SKIPPED. Run through Checkov's command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]

CONFIG = """provider "alicloud" {
  region = "cn-hongkong"
}

resource "alicloud_vpc" "fail_no_reason" {
  # checkov:skip=CKV_CNLIC_101
  vpc_name   = "a"
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vpc" "fail_blank_reason" {
  # checkov:skip=CKV_CNLIC_101:
  vpc_name   = "c"
  cidr_block = "10.2.0.0/16"
}

resource "alicloud_vpc" "skip_with_reason" {
  # checkov:skip=CKV_CNLIC_101:Hong Kong edge approved in change #12
  vpc_name   = "b"
  cidr_block = "10.1.0.0/16"
}
"""


def _checkov(directory: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PERMITGUARD_LICENSE", "PYTHONPATH")}
    done = subprocess.run(
        [sys.executable, "-m", "checkov.main", "-d", str(directory), "--framework", "terraform",
         "--external-checks-dir", str(ROOT / "policies" / "checkov"), "--check", "CKV_CNLIC_101",
         "-o", "json", "--skip-download"],
        capture_output=True, text=True, timeout=300, env={**env, "PERMITGUARD_AS_OF": "2026-11-28"})
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def checkov_doc(tmp_path_factory) -> dict:
    directory = tmp_path_factory.mktemp("skips")
    (directory / "main.tf").write_text(CONFIG)
    return _checkov(directory)


def test_a_skip_without_reason_is_not_honoured_and_says_so(checkov_doc):
    doc = checkov_doc
    assert doc["summary"]["parsing_errors"] == 0
    results = doc["results"]
    failed = {r["resource"]: r for r in results["failed_checks"]}
    skipped = {r["resource"]: r for r in results["skipped_checks"]}
    assert set(failed) == {"alicloud_vpc.fail_no_reason", "alicloud_vpc.fail_blank_reason"}
    assert set(skipped) == {"alicloud_vpc.skip_with_reason"}
    assert skipped["alicloud_vpc.skip_with_reason"]["check_result"]["suppress_comment"] == \
        "Hong Kong edge approved in change #12"
    for r in failed.values():
        details = r["details"]
        assert "`# checkov:skip=CKV_CNLIC_101` gives no reason: not honoured; write " \
               "`# checkov:skip=CKV_CNLIC_101:<why it is accepted>`" in details
        assert any("未说明理由" in d for d in details)
        assert any("outside mainland China" in d or "Hong Kong" in d for d in details)


def test_report_of_that_checkov_json_keeps_the_refusal_on_the_finding(checkov_doc, tmp_path):
    """`permitguard report` reads the failure Checkov ran despite the skip: the refusal stays on it."""
    path = tmp_path / "checkov.json"
    path.write_text(json.dumps(checkov_doc), encoding="utf-8")
    run = cli("report", str(path), "--format", "json", "--generated-at", "2026-11-28T00:00:00Z")
    assert run.exit_status == 1, run.stderr
    by = {f["resource"]["address"]: f for f in json.loads(run.stdout)["findings"]}
    for address in ("alicloud_vpc.fail_no_reason", "alicloud_vpc.fail_blank_reason"):
        assert (by[address]["status"], by[address]["suppressed"]) == ("failed", None)
        assert by[address]["suppression_refused"] == {
            "en": "`# checkov:skip=CKV_CNLIC_101` gives no reason: not honoured; write "
                  "`# checkov:skip=CKV_CNLIC_101:<why it is accepted>`",
            "zh": "`# checkov:skip=CKV_CNLIC_101` 未说明理由：不予采纳；"
                  "请写成 `# checkov:skip=CKV_CNLIC_101:<接受的理由>`"}
        assert "gives no reason" not in by[address]["message"]["en"]  # the message stays the rule's
    assert "suppression_refused" not in by["alicloud_vpc.skip_with_reason"]
    markdown = cli("report", str(path), "--format", "markdown", "--generated-at", "2026-11-28T00:00:00Z")
    assert "gives no reason: not honoured" in markdown.stdout
