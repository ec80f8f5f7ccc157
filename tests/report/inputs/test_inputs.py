"""Report inputs: each kind told apart and read; unusable input is an InputError (exit 2), never a guess."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import cli
from permitguard.errors import InputError
from permitguard.report import inputs
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES, PROFILE, STAMP

RULES = RuleCatalog.load()


def _read(path: Path):
    return inputs.read(path, RULES)


@pytest.mark.parametrize(("name", "kind"), [("scan.json", "permitguard_json"),
                                            ("checkov.json", "checkov_json"),
                                            ("pulumi-events.jsonl", "pulumi_event_log")])
def test_each_input_kind_is_recognised_and_listed_with_its_sha256(name, kind):
    part = _read(FIXTURES / name)
    listed = part.inputs[0]
    assert (listed["path"], listed["kind"]) == (str(FIXTURES / name), kind)
    import hashlib
    assert listed["sha256"] == hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest()
    assert part.findings


def test_a_scan_document_brings_its_own_inputs_listed_via_it():
    part = _read(FIXTURES / "scan.json")
    assert [(i["kind"], i.get("via")) for i in part.inputs] == [
        ("permitguard_json", None), ("terraform", str(FIXTURES / "scan.json"))]
    assert part.license["number"] == "B1-20195402" and part.as_of == "2026-11-28"


def test_checkov_output_as_a_list_of_frameworks_and_as_a_bare_summary(tmp_path):
    one = json.loads((FIXTURES / "checkov.json").read_text(encoding="utf-8"))
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([one, {"check_type": "secrets", "results": {"failed_checks": []},
                                        "summary": {"checkov_version": "3.3.30"}}]), encoding="utf-8")
    assert len(_read(listed).findings) == len(_read(FIXTURES / "checkov.json").findings)
    empty = tmp_path / "empty.json"  # what `checkov -o json` prints when it found no resources
    empty.write_text('{"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 0, "resource_count": 0, '
                     '"checkov_version": "3.3.30"}', encoding="utf-8")
    part = _read(empty)
    assert part.inputs[0]["kind"] == "checkov_json" and part.findings == []


@pytest.mark.parametrize(("content", "message"), [
    ("", "not valid JSON"),
    ('{"results": ', "not valid JSON (line 1, column 13"),
    ('{"hello": "world"}', "JSON of an unknown kind"),
    ('[1, 2, 3]', "JSON of an unknown kind"),
    ('{"sequence": 1, "timestamp": 2, "policyEvent": {}}\n{"sequence": 2, "tim',
     "line 2 of the Pulumi event log"),
    ('{"tool": {"name": "permitguard"}, "findings": []}', "not a valid permitguard findings document"),
    ('{"check_type": "terraform", "results": {"failed_checks": [{"check_name": "x"}]}}', "without check_id"),
])
def test_unusable_input_is_an_input_error_naming_the_file(tmp_path, content, message):
    bad = tmp_path / "input.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        _read(bad)
    assert str(err.value).startswith(str(bad)) and message in str(err.value)


def test_missing_file_directory_and_binary_input(tmp_path):
    for path, message in [(tmp_path / "nope.json", "no such file"), (tmp_path, "a directory"),
                          (tmp_path / "bin.json", "not UTF-8")]:
        if path.name == "bin.json":
            path.write_bytes(b"\xff\xfe\x00")
        with pytest.raises(InputError, match=message):
            _read(path)


def test_report_exits_2_on_unusable_input_with_one_line(tmp_path):
    bad = tmp_path / "truncated.json"
    bad.write_text('{"check_type": "terraform", "results": {', encoding="utf-8")
    run = cli("report", str(FIXTURES / "scan.json"), str(bad), "--format", "html", "--generated-at", STAMP)
    assert run.exit_status == 2 and run.stdout == ""
    assert run.stderr.startswith(f"permitguard: error: {bad}: not valid JSON")
    assert "Traceback" not in run.stderr


def test_scan_documents_judged_against_another_profile_are_refused(tmp_path):
    doc = json.loads((FIXTURES / "scan.json").read_text(encoding="utf-8"))
    doc["license"]["sha256"] = "f" * 64
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    run = cli("report", str(FIXTURES / "scan.json"), str(other), "--generated-at", STAMP)
    assert run.exit_status == 2 and "merge inputs judged against one profile" in run.stderr
    run = cli("report", str(FIXTURES / "scan.json"), "--license", PROFILE, "--generated-at", STAMP,
              "--format", "json")
    assert run.exit_status == 1, run.stderr  # the same profile given explicitly is fine


def test_a_result_reported_by_two_inputs_counts_once(ctx):
    parts = [_read(FIXTURES / "scan.json"), _read(FIXTURES / "checkov.json")]
    import datetime as dt
    doc = inputs.merge(parts, parts[0].license, dt.date(2026, 11, 28), dt.datetime(2026, 11, 28), ctx)
    keys = [(f["rule_id"], f["resource"]["address"], f["status"]) for f in doc["findings"]]
    assert len(keys) == len(set(keys))
    assert ("CKV_CNLIC_102", "alicloud_instance.fail_heyuan", "failed") in keys
