"""GitLab's SAST report (permitguard.report.gitlab_sast) on the bundled examples' findings."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from permitguard.report.formats import gitlab_sast

HERE = Path(__file__).parent
SCHEMA = json.loads((HERE / "gitlab-sast-report-15.required.json").read_text())
SCAN = json.loads((HERE.parents[1] / "fixtures" / "report" / "scan.json").read_text())


def test_the_report_has_what_gitlab_requires_and_one_vulnerability_per_unsuppressed_failure():
    report = json.loads(gitlab_sast.render(SCAN))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    jsonschema.Draft7Validator(SCHEMA, format_checker=checker).validate(report)
    failed = [f for f in SCAN["findings"] if f["status"] == "failed" and not f.get("suppressed")]
    assert len(report["vulnerabilities"]) == len(failed) > 0
    assert report["scan"]["status"] == "success" and report["scan"]["analyzer"]["id"] == "permitguard"


def test_times_are_gitlabs_utc_without_zone_pinned_by_the_document():
    doc = {**SCAN, "generated_at": "2026-03-04T13:14:15+08:00"}
    scan = json.loads(gitlab_sast.render(doc))["scan"]
    assert scan["start_time"] == scan["end_time"] == "2026-03-04T05:14:15"


def test_ids_are_stable_across_runs_and_distinct_across_findings():
    one, two = (json.loads(gitlab_sast.render(SCAN)) for _ in range(2))
    ids = [v["id"] for v in one["vulnerabilities"]]
    assert ids == [v["id"] for v in two["vulnerabilities"]]
    assert len(set(ids)) == len(ids)


def test_a_vulnerability_is_bilingual_names_rule_clauses_file_and_line():
    failed = next(f for f in SCAN["findings"] if f["status"] == "failed" and f["resource"].get("file"))
    report = json.loads(gitlab_sast.render({**SCAN, "findings": [failed]}))
    (v,) = report["vulnerabilities"]
    assert failed["message"]["en"] in v["description"] and failed["message"]["zh"] in v["description"]
    assert all(c in v["description"] for c in failed["clauses"])
    assert v["identifiers"][0]["value"] == failed["rule_id"]
    assert v["location"] == {"file": failed["resource"]["file"], "start_line": failed["resource"]["line"],
                             "end_line": failed["resource"]["line"], "class": failed["resource"]["address"]}
    assert failed["remediation"]["en"] in v["solution"]


def test_suppressed_failures_and_passes_are_no_vulnerabilities_but_are_counted():
    failed = next(f for f in SCAN["findings"] if f["status"] == "failed")
    passed = next(f for f in SCAN["findings"] if f["status"] == "passed")
    doc = {**SCAN, "findings": [{**failed, "suppressed": "accepted"}, passed]}
    report = json.loads(gitlab_sast.render(doc))
    assert report["vulnerabilities"] == []
    assert "1 suppressed" in report["scan"]["messages"][0]["value"]
