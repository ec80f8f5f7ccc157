"""Adversarial inputs: control characters stay out of every output, nothing is silently dropped or passed."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from helpers import cli
from permitguard.errors import InputError
from permitguard.report import formats
from permitguard.report.escape import markdown as esc
from permitguard.report.inputs import pulumi_events
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES, PROFILE, ROOT, STAMP, synthetic_doc

HOSTILE = "x\x1b[31m\x1b]0;pwned\x07\x00\x08\u202eyz\r\nresources: 0"
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]")


def _hostile(ctx) -> dict:
    doc = synthetic_doc(ctx, 14)
    for f in doc["findings"]:
        f["resource"]["address"] += HOSTILE
        if "message" in f:  # a not-applicable verdict is written without text
            f["message"] = {"en": f["message"]["en"] + HOSTILE, "zh": f["message"]["zh"] + HOSTILE}
        f["suppressed"] = f["suppressed"] and f["suppressed"] + HOSTILE
    return doc


def test_markdown_shows_control_characters_as_escapes():
    assert esc("a\x1b[2Jb\x00\u202e") == r"a\\x1b\[2Jb\\x00\\u202e"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "junit"])
def test_no_control_character_from_the_inputs_reaches_an_output(ctx, fmt):
    out = formats.render(_hostile(ctx), fmt, ctx, lang="both")
    assert RAW.findall(out) == []
    if fmt in ("text", "html"):
        assert r"x\x1b[31m\x1b]0;pwned\x07\x00\x08\u202eyz" in out
    if fmt == "junit":
        ET.fromstring(out)


def test_text_lines_cannot_be_forged_by_newlines_in_the_inputs(ctx):
    out = formats.render(_hostile(ctx), "text", ctx)
    assert not any(line.startswith("resources: 0") for line in out.splitlines())
    assert r"yz\x0d\x0aresources: 0" in out


def test_one_scan_of_two_stacks_with_the_same_addresses_reports_both(tmp_path):
    for name in ("a", "b"):
        shutil.copytree(ROOT / "infra/terraform/alicloud-violating", tmp_path / name)
    scan = tmp_path / "scan.json"
    run = cli("scan", str(tmp_path / "a"), str(tmp_path / "b"), "--license", PROFILE, "--format", "json",
              "--output", str(scan), "--as-of", "2026-11-28", "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    scanned = json.loads(scan.read_text(encoding="utf-8"))
    run = cli("report", str(scan), str(scan), "--format", "json", "--generated-at", STAMP)
    merged = json.loads(run.stdout)
    assert merged["summary"] == scanned["summary"] and merged["summary"]["resources"] == 14
    assert len(merged["findings"]) == len(scanned["findings"])
    assert [i["kind"] for i in merged["inputs"]] == ["permitguard_json", "terraform", "terraform"]


def test_checkov_runs_that_parsed_nothing_are_never_a_pass(tmp_path):
    bare = tmp_path / "bare.json"  # what `checkov -o json` prints when every file failed to parse
    bare.write_text('{"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 2, "resource_count": 0, '
                    '"checkov_version": "3.3.30"}', encoding="utf-8")
    listed = tmp_path / "listed.json"
    listed.write_text(json.dumps({"check_type": "terraform", "results": {
        "passed_checks": [], "failed_checks": [], "skipped_checks": [], "parsing_errors": ["/src/main.tf"]},
        "summary": {"parsing_errors": 1, "checkov_version": "3.3.30"}}), encoding="utf-8")
    run = cli("report", str(bare), "--format", "text", "--generated-at", STAMP, environ={})
    assert run.exit_status == 1
    assert run.stdout.splitlines()[-1] == "could not be evaluated (never a pass): 1: 2 file(s)"
    run = cli("report", str(listed), "--format", "text", "--generated-at", STAMP)
    assert (run.exit_status, run.stdout.splitlines()[-1]) == (
        1, "could not be evaluated (never a pass): 1: /src/main.tf")


def _events(*extra: str) -> str:
    return (FIXTURES / "pulumi-events.jsonl").read_text(encoding="utf-8") + "\n".join(extra) + "\n"


def test_event_types_this_reader_does_not_know_are_ignored_not_fatal():
    rules = RuleCatalog.load()
    plain = pulumi_events.read(pulumi_events.parse_lines(_events(), "e"), "e", rules)
    text = _events('{"sequence": 90, "timestamp": 1, "startDebuggingEvent": {"config": {}}}', "",
                   '{"sequence": 91, "timestamp": 1, "progressEvent": {"type": "plugin-download"}}')
    newer = pulumi_events.read(pulumi_events.parse_lines(text, "e"), "e", rules)
    assert newer.findings == plain.findings and newer.unevaluated == plain.unevaluated


@pytest.mark.parametrize("line", [
    '{"sequence": 90, "timestamp": 1, "policyEvent": "cnlic-101-outside-mainland"}',
    '{"sequence": 90, "timestamp": 1, "resourcePreEvent": {"metadata": [1]}}',
    '{"sequence": 90, "timestamp": 1, "policyAnalyzeSummaryEvent": {"resourceUrn": "u", "failed": "x"}}'])
def test_malformed_events_are_unusable_input_not_skipped(line):
    with pytest.raises(InputError, match=r"^e: a Pulumi event whose \S+ is malformed"):
        pulumi_events.read(pulumi_events.parse_lines(_events(line), "e"), "e", RuleCatalog.load())
