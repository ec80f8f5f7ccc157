"""`permitguard report` and `permitguard scan --format …`: every format from the command line."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from helpers import cli
from report.support import FIXTURES, PROFILE, ROOT, STAMP

VIOLATING = str(ROOT / "infra/terraform/alicloud-violating")
COMPLIANT = str(ROOT / "infra/terraform/alicloud-compliant")


def test_scan_writes_every_report_format_directly(tmp_path):
    for fmt in ("html", "markdown", "sarif", "junit"):
        out = tmp_path / f"report.{fmt}"
        run = cli("scan", VIOLATING, "--license", PROFILE, "--format", fmt, "--output", str(out),
                  "--as-of", "2026-11-28", "--generated-at", STAMP)
        assert run.exit_status == 1, run.stderr
        text = out.read_text(encoding="utf-8")
        if fmt == "sarif":
            assert json.loads(text)["version"] == "2.1.0"
        elif fmt == "junit":
            assert ET.fromstring(text).tag == "testsuites"
        else:
            assert "B1-20195402" in text


def test_report_exit_status_follows_blocking_failures(tmp_path):
    clean = tmp_path / "clean.json"
    run = cli("scan", COMPLIANT, "--license", PROFILE, "--format", "json", "--output", str(clean),
              "--as-of", "2026-11-28", "--generated-at", STAMP)
    assert run.exit_status == 0, run.stderr
    assert cli("report", str(clean), "--format", "markdown", "--generated-at", STAMP).exit_status == 0
    assert cli("report", str(FIXTURES / "scan.json"), "--generated-at", STAMP).exit_status == 1


def test_report_writes_the_file_and_a_summary_on_stderr(tmp_path):
    out = tmp_path / "deep" / "report.html"
    run = cli("report", str(FIXTURES / "checkov.json"), "--output", str(out), "--generated-at", STAMP,
              "--lang", "zh")
    assert run.exit_status == 1 and run.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "inputs: " in run.stderr and "[checkov_json]" in run.stderr


def test_report_of_checkov_alone_uses_the_licence_profile_found(tmp_path):
    run = cli("report", str(FIXTURES / "checkov.json"), "--format", "json", "--generated-at", STAMP,
              environ={"PERMITGUARD_LICENSE": PROFILE})
    doc = json.loads(run.stdout)
    assert doc["license"]["source"] == "$PERMITGUARD_LICENSE" and doc["as_of"] == "2026-11-28"
    assert [i["kind"] for i in doc["inputs"]] == ["checkov_json"]
    assert doc["other_checks"] and all(f["rule_id"].startswith("CKV_CNLIC_") for f in doc["findings"])


def test_bad_generated_at_is_unusable_input():
    run = cli("report", str(FIXTURES / "scan.json"), "--generated-at", "yesterday")
    assert run.exit_status == 2 and "--generated-at 'yesterday' is not an ISO-8601 timestamp" in run.stderr


def test_merged_json_is_a_valid_findings_document_and_can_be_read_again(tmp_path):
    from permitguard import datafiles

    merged = tmp_path / "merged.json"
    run = cli("report", *(str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")),
              "--format", "json", "--output", str(merged), "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    doc = json.loads(merged.read_text(encoding="utf-8"))
    assert datafiles.schema_errors("findings.schema.json", doc) == []
    assert doc["other_checks"] and doc["unevaluated"] and any(i.get("via") for i in doc["inputs"])
    again = cli("report", str(merged), "--format", "json", "--generated-at", STAMP)
    assert json.loads(again.stdout)["findings"] == doc["findings"]


def test_an_input_without_results_renders_and_says_nothing_was_evaluated(tmp_path):
    empty = tmp_path / "empty.json"  # `checkov -o json` on a directory without resources
    empty.write_text('{"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 0, "resource_count": 0, '
                     '"checkov_version": "3.3.30"}', encoding="utf-8")
    for fmt in ("html", "markdown", "sarif", "junit"):
        run = cli("report", str(empty), "--format", fmt, "--generated-at", STAMP, "--lang", "en")
        assert run.exit_status == 0, (fmt, run.stderr)
    assert "Nothing was evaluated" in cli("report", str(empty), "--generated-at", STAMP).stdout
