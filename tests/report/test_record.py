"""The document's findings typed for the view and the renderers: each field as the document has it, and
what follows from it computed once (blocking, could not be established, the room a 301 failure adds)."""
from __future__ import annotations

from permitguard.report import document
from permitguard.report.record import NO_WORDS, Words, records


def test_every_field_reads_as_the_document_has_it(violating_doc, ctx):
    typed = records(violating_doc["findings"], ctx.rules)
    assert len(typed) == len(violating_doc["findings"])
    for f, t in zip(violating_doc["findings"], typed, strict=True):
        assert (t.rule_id, t.rule_name, t.status, t.severity, t.enforcement, list(t.clauses), t.reason) == (
            f["rule_id"], f["rule_name"], f["status"], f["severity"], f["enforcement"], f["clauses"],
            f["reason"])
        assert t.message == (Words(**f["message"]) if "message" in f else NO_WORDS)  # passes are compact
        assert t.suppressed == f.get("suppressed")
        assert (t.remediation is None) == ("remediation" not in f)
        assert {k: getattr(t.resource, k) for k in f["resource"]} == f["resource"]
        assert t.blocking is document.blocking(f)


def test_the_findings_of_one_resource_share_its_record(ctx):
    from permitguard.model import Finding, Resource, Status, Words

    resource = Resource(address="alicloud_vpc.a", type="alicloud_vpc", cloud="alicloud")
    findings = [Finding(rule_id=m.id, status=Status.PASSED, severity=m.severity, enforcement=m.enforcement,
                        clauses=m.clauses, resource=resource, reason="r", words=Words.of("e", "中"))
                for m in list(ctx.rules)[:2]]
    doc = document.build(findings, ctx, [{"path": "x", "kind": "terraform", "sha256": "0" * 64}])
    first, second = records(doc["findings"], ctx.rules)
    assert first.resource is second.resource and first.resource.address == "alicloud_vpc.a"


def test_derived_facts_follow_the_catalog_and_the_location(ctx):
    base = {"rule_name": "n", "severity": "HIGH", "enforcement": "mandatory", "clauses": ["SP-2"],
            "suppressed": None, "message": {"en": "e", "zh": "中"}}
    resource = {"address": "a.b", "type": "alicloud_instance", "provider": "alicloud", "region": "cn-beijing",
                "zone": "cn-beijing-h"}
    unknown, new_room, passed = records([
        {**base, "rule_id": "CKV_CNLIC_103", "status": "failed", "reason": "x", "resource": resource},
        {**base, "rule_id": "CKV_CNLIC_301", "status": "failed", "reason": "x", "resource": resource},
        {**base, "rule_id": "CKV_CNLIC_301", "status": "passed", "reason": "x", "resource": resource},
    ], ctx.rules)
    assert unknown.undetermined and not new_room.undetermined and not passed.undetermined
    assert new_room.adds_room == "alicloud cn-beijing zone h" and passed.adds_room is None
    assert passed.remediation is None and NO_WORDS == Words("", "")
