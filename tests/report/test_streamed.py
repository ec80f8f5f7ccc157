"""The streamed findings document (report.streamed: each finding spooled as it is judged, what
`scan --format json` writes) is the document `document.dumps(document.build(…))` writes, byte for byte:
on every example, plan fixture and Pulumi stack, with a baseline, on stdout, and on synthetic findings
holding what the examples may not (suppressions, rooms, markup, and a not-yet-rendered message)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import cli
from permitguard.model import Finding, Resource, Status, TrailStep, Words
from permitguard.report import document, streamed
from report.support import GENERATED, PROFILE, ROOT, synthetic_findings

INPUTS = sorted(
    [p for p in (ROOT / "infra" / "terraform").iterdir() if p.is_dir()]
    + list((ROOT / "tests" / "fixtures").glob("CKV_CNLIC_*/plan.json"))
    + list((ROOT / "tests" / "fixtures" / "pulumi_stack").glob("*.json"))
)
PINNED = ("--license", PROFILE, "--as-of", "2026-11-28", "--generated-at", "2026-11-28T00:00:00Z")


def _both(tmp_path: Path, *args: str) -> tuple[bytes, bytes]:
    """(streamed, built): `--format json` writes the streamed document; `--json-output` beside another
    format writes `document.dumps` of the built one."""
    streamed_out, built_out = tmp_path / "streamed.json", tmp_path / "built.json"
    a = cli("scan", *args, "--format", "json", "--output", str(streamed_out), *PINNED)
    b = cli("scan", *args, "--format", "junit", "--output", str(tmp_path / "junit.xml"),
            "--json-output", str(built_out), *PINNED)
    assert a.exit_status == b.exit_status and a.exit_status in (0, 1), (a.stderr, b.stderr)
    assert a.stderr == b.stderr  # the same summary
    return streamed_out.read_bytes(), built_out.read_bytes()


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_streamed_document_is_the_built_one_on_every_example(tmp_path, path):
    streamed_text, built_text = _both(tmp_path, str(path))
    assert json.loads(streamed_text)["findings"]  # something was judged
    assert streamed_text == built_text


def test_the_streamed_document_is_the_built_one_with_a_baseline_and_on_stdout(tmp_path):
    example = str(ROOT / "infra" / "terraform" / "alicloud-violating")
    accepted = tmp_path / "baseline.yaml"
    made = cli("baseline", "create", example, "--reason", "accepted in review", "--who", "ops@example.com",
               "--expires", "2027-01-31", "--output", str(accepted), "--license", PROFILE,
               "--as-of", "2026-11-28")
    assert made.exit_status == 0, made.stderr
    streamed_text, built_text = _both(tmp_path, example, "--baseline", str(accepted))
    assert json.loads(streamed_text)["baseline"]["matched"] > 0
    assert streamed_text == built_text
    out = cli("scan", example, "--baseline", str(accepted), "--format", "json", *PINNED)
    assert out.stdout.encode() == built_text


def _text(ctx, findings: list[Finding]) -> tuple[str, str]:
    inputs = [{"path": "synthetic", "kind": "terraform", "sha256": "0" * 64, "files": 1}]
    built = document.dumps(document.build(findings, ctx, inputs, GENERATED), ctx.rules)
    return streamed.text(findings, ctx, inputs, GENERATED), built


def test_the_streamed_document_is_the_built_one_on_synthetic_findings(ctx):
    findings = synthetic_findings(ctx, 300, inject=True)
    secret = Resource(address="alicloud_instance.s", type="not_a_catalogued_type", cloud="alicloud",
                      file=None, line=None, hidden=frozenset({"cn-secret-1"}))
    meta = ctx.rules["CKV_CNLIC_301"]
    findings += [
        Finding(rule_id=meta.id, status=Status.FAILED, severity=meta.severity, enforcement="advisory",
                clauses=meta.clauses, resource=secret, reason="new_room", room="机房 \"A\"\n",
                words=Words.of("quote \" backslash \\ tab \t nul \x00", "中文\u2028"),
                region="cn-beijing", suppressed="ok", suppressed_by="checkov"),
        Finding(rule_id=meta.id, status=Status.PASSED, severity=meta.severity, enforcement="disabled",
                clauses=(), resource=secret, reason="filed_room", words=Words(lambda: ("lazy", "懒"))),
    ]
    traced = Resource(address="alicloud_instance.t", type="alicloud_instance", cloud="alicloud", file="t.tf",
                      line=3)
    located = (TrailStep("zone_value", "availability_zone = cn-beijing-k", "t.tf", 3),)
    findings.append(Finding(  # a trail (resource-level and the rule's own) and a suppression refused
        rule_id=meta.id, status=Status.FAILED, severity=meta.severity, enforcement="mandatory",
        clauses=meta.clauses, resource=traced, reason="new_room", words=Words.of("t", "t"), located=located,
        trail=(TrailStep("no_filed_room", "no filed room covers cn-beijing zone k"),),
        unjustified=Words.of("no reason given", "未说明理由")))
    streamed_text, built_text = _text(ctx, findings)
    assert '"room": "机房 \\"A\\"\\n"' in streamed_text and "unknown_types" in streamed_text
    assert '"trails": {' in streamed_text and '"suppression_refused"' in streamed_text
    assert streamed_text == built_text


def test_no_findings_streamed_is_no_findings_built(ctx):
    streamed_text, built_text = _text(ctx, [])
    assert json.loads(streamed_text)["findings"] == [] and streamed_text == built_text


def test_a_suppression_of_a_verdict_spared_by_type_is_written_in_full_by_both(tmp_path):
    """A not-applicable verdict the engine gives by type (written compactly) that a `checkov:skip` names keeps
    its suppression, or its refusal, in `findings`: the streamed document is still the built one."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "main.tf").write_text(
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n\nresource "alicloud_instance" "web" {\n'
        "  # checkov:skip=CKV_CNLIC_401:not a link, accepted in review\n  # checkov:skip=CKV_CNLIC_501\n"
        '  availability_zone = "cn-beijing-h"\n  tags = { "license-service" = "idc" }\n}\n', encoding="utf-8")
    streamed_text, built_text = _both(tmp_path, str(root))
    assert streamed_text == built_text
    doc = json.loads(streamed_text)
    full = {f["rule_id"]: f for f in doc["findings"]}
    assert full["CKV_CNLIC_401"]["suppressed"] == "not a link, accepted in review"
    assert "suppression_refused" in full["CKV_CNLIC_501"]
    compact = doc["not_applicable"]["resources"][0]["reasons"]
    assert "CKV_CNLIC_404" in compact and not {"CKV_CNLIC_401", "CKV_CNLIC_501"} & set(compact)
