"""The findings document: one builder for every finding's document form, and `blocking` on that form
answering as `Finding.blocking` does."""
from __future__ import annotations

import itertools

from permitguard.model import Finding, Resource, Status, Words
from permitguard.report import document

RESOURCE = Resource(address="alicloud_instance.a", type="alicloud_instance", cloud="alicloud", file="main.tf",
                    line=3)


def _finding(ctx, status: Status, enforcement: str = "mandatory", suppressed: str | None = None) -> Finding:
    meta = ctx.rules["CKV_CNLIC_101"]
    return Finding(rule_id=meta.id, status=status, severity=meta.severity, enforcement=enforcement,
                   clauses=meta.clauses, resource=RESOURCE, reason="r", words=Words.of("en", "中"),
                   suppressed=suppressed)


def test_blocking_of_the_document_form_is_finding_blocking(ctx):
    for status, level, suppressed in itertools.product(Status, ("mandatory", "advisory", "disabled"),
                                                       (None, "accepted")):
        f = _finding(ctx, status, level, suppressed)
        item = document.finding_dict(f, ctx.rules)
        assert document.blocking(item) is f.blocking, (status, level, suppressed)


def test_the_fix_is_given_where_there_is_something_to_fix_unless_asked_always(ctx):
    failed, passed = _finding(ctx, Status.FAILED), _finding(ctx, Status.PASSED)
    assert "remediation" in document.finding_dict(failed, ctx.rules)
    assert "remediation" not in document.finding_dict(passed, ctx.rules)
    assert "remediation" in document.finding_dict(passed, ctx.rules, fix_always=True)


def test_findings_of_one_resource_share_its_part(ctx):
    shared: dict = {}
    a = document.finding_dict(_finding(ctx, Status.FAILED), ctx.rules, shared)
    b = document.finding_dict(_finding(ctx, Status.PASSED), ctx.rules, shared)
    assert a["resource"] is b["resource"] and a["resource"]["file"] == "main.tf"


def test_the_summary_counts_blocking_findings(ctx):
    findings = [_finding(ctx, Status.FAILED), _finding(ctx, Status.FAILED, "advisory"),
                _finding(ctx, Status.FAILED, suppressed="ok")]
    doc = document.build(findings, ctx, [{"path": "x", "kind": "terraform", "sha256": "0" * 64}])
    assert doc["summary"]["findings"]["blocking"] == 1 and doc["summary"]["findings"]["suppressed"] == 1


def test_each_resource_trail_is_written_once_and_named_by_its_resource_part(ctx):
    from pathlib import Path

    from permitguard import datafiles
    from permitguard.cli.scan import scan

    root = Path(__file__).resolve().parents[2]
    findings, inputs = scan([str(root / "infra/terraform/alicloud-compliant")], ctx)
    doc = document.build(findings, ctx, inputs)
    assert datafiles.schema_errors("findings.schema.json", doc) == []
    named = {f["resource"]["trail"] for f in doc["findings"]}
    assert named == set(doc["trails"])  # every trail used, none missing
    resources = {(f["resource"]["file"], f["resource"]["address"]) for f in doc["findings"]}
    assert 1 < len(doc["trails"]) < len(resources)  # at most one per resource: equal trails are one entry
    text = document.dumps(doc, ctx.rules)
    assert text.count('"kind": "service_') == len(doc["trails"])  # each ends so: never repeated per finding
    own = [f for f in doc["findings"] if f.get("trail")]
    assert own and all(f["rule_id"] in ("CKV_CNLIC_201", "CKV_CNLIC_202", "CKV_CNLIC_301", "CKV_CNLIC_302",
                                        "CKV_CNLIC_401", "CKV_CNLIC_404") for f in own)
