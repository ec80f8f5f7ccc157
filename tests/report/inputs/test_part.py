"""A Part's findings read from other tools: typed Findings with the catalog's metadata, in the one
document form every finding has (`document.finding_dict`)."""
from __future__ import annotations

from permitguard.model import Action, Status
from permitguard.report.inputs.part import Part, bilingual, resource, rule_finding
from permitguard.rule_catalog import RuleCatalog

RULES = RuleCatalog.load()


def test_a_rule_result_takes_severity_clauses_and_enforcement_from_the_catalog():
    meta = RULES["CKV_CNLIC_102"]
    f = rule_finding(meta, "passed", resource("aws_instance.a", "aws_instance", "aws"), "r", "en", "中")
    assert (f.status, f.severity, f.clauses, f.enforcement) == (Status.PASSED, meta.severity,
                                                                tuple(meta.clauses), meta.enforcement)
    assert f.resource.action is Action.CREATE and f.resource.attributes == {}
    assert rule_finding(meta, "failed", f.resource, "r", "en", "中", enforcement="advisory").enforcement == (
        "advisory")


def test_added_findings_carry_the_fix_whatever_the_verdict_and_who_suppressed_them():
    meta = RULES["CKV_CNLIC_202"]
    part = Part(inputs=[])
    subject = resource("urn:x", "aws:ec2/instance:Instance", "aws", action="delete")
    part.add(rule_finding(meta, "not_applicable", subject, "not_changed", "en", "中"), RULES)
    part.add(rule_finding(meta, "failed", subject, "suppressed_unevaluated", "en", "中", suppressed="why",
                          suppressed_by="someone"), RULES)
    passed, skipped = part.findings
    assert passed["remediation"] == {"en": meta.remediation.en, "zh": meta.remediation.zh}
    assert "suppressed_by" not in passed and passed["resource"]["action"] == "delete"
    assert (skipped["suppressed"], skipped["suppressed_by"]) == ("why", "someone")
    assert list(skipped)[-2:] == ["remediation", "suppressed_by"]  # the order the findings schema lists


def test_bilingual_lines_give_each_language_and_the_enforcement():
    lines = ["", "  a.b is outside.  ", "a.b 在境外。", "Fix: move it.", "修复：迁移。",
             "Enforcement: advisory", "CKV_CNLIC_101 (SP-15(3))"]
    assert bilingual(lines) == ("a.b is outside.", "a.b 在境外。", "advisory")
    assert bilingual(["only English"]) == ("only English", None, None)
