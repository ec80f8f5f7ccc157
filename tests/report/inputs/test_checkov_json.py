"""Checkov JSON: our checks map to the catalog's clauses; Checkov's built-ins are counted apart, unmapped."""
from __future__ import annotations

import json

from permitguard.report.inputs import checkov_json
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES

RULES = RuleCatalog.load()


def _part():
    data = json.loads((FIXTURES / "checkov.json").read_text(encoding="utf-8"))
    return checkov_json.read(data, "checkov.json", RULES)


def test_our_checks_become_findings_with_the_catalogs_clauses_and_both_languages():
    part = _part()
    key = ("CKV_CNLIC_102", "alicloud_instance.fail_heyuan")
    heyuan = next(f for f in part.findings if (f["rule_id"], f["resource"]["address"]) == key)
    assert heyuan["status"] == "failed" and heyuan["enforcement"] == "mandatory"
    assert heyuan["clauses"] == list(RULES["CKV_CNLIC_102"].clauses)
    where = (heyuan["resource"]["file"], heyuan["resource"]["line"])
    assert where == ("tests/fixtures/report/tf/main.tf", 21)
    assert "cn-heyuan" in heyuan["message"]["en"] and "广东省" in heyuan["message"]["zh"]
    assert heyuan["remediation"]["zh"] == RULES["CKV_CNLIC_102"].remediation.zh
    assert all(f["rule_id"].startswith("CKV_CNLIC_") for f in part.findings)


def test_checkov_builtins_are_other_checks_without_clauses():
    part = _part()
    ids = {c["check_id"] for c in part.other_checks}
    assert ids and all(not i.startswith("CKV_CNLIC_") for i in ids)
    assert {c["tool"] for c in part.other_checks} == {"checkov:terraform"}
    assert {"passed", "failed"} <= {c["status"] for c in part.other_checks}
    assert all("clauses" not in c for c in part.other_checks)


def test_a_skipped_check_is_a_suppression_with_its_reason():
    part = _part()
    (skipped,) = [f for f in part.findings if f["suppressed"]]
    assert (skipped["rule_id"], skipped["resource"]["address"]) == ("CKV_CNLIC_202",
                                                                    "alicloud_security_group_rule.suppressed_ssh")
    assert skipped["suppressed"] == "bastion reachable only through the corporate VPN, ticket SEC-1234"
    assert "checkov:skip" in skipped["suppressed_by"] and skipped["reason"] == "suppressed_unevaluated"


def test_parsing_errors_are_reported_unevaluated():
    data = {"check_type": "terraform", "results": {"failed_checks": [], "parsing_errors": ["/broken.tf"]}}
    part = checkov_json.read(data, "c.json", RULES)
    (entry,) = part.unevaluated
    assert entry["subject"] == "/broken.tf" and "could not parse" in entry["reason"]["en"]
    assert entry["reason"]["zh"]


def test_an_advisory_enforcement_written_by_the_checkov_front_door_is_kept():
    check = {"check_id": "CKV_CNLIC_301", "check_name": "x", "resource": "aws_instance.a",
             "file_path": "/a.tf", "file_line_range": [3, 9],
             "details": ["aws_instance.a is new.", "aws_instance.a 是新的。", "Fix: file it.", "修复：报备。",
                         "Enforcement: advisory"]}
    data = {"check_type": "terraform", "results": {"failed_checks": [check]}}
    part = checkov_json.read(data, "c.json", RULES)
    (f,) = part.findings
    assert (f["enforcement"], f["message"]["en"], f["message"]["zh"]) == (
        "advisory", "aws_instance.a is new.", "aws_instance.a 是新的。")
    r = f["resource"]
    assert (r["type"], r["provider"], r["file"]) == ("aws_instance", "aws", "a.tf")


def _failed(details: list[str], check_id: str = "CKV_CNLIC_101") -> dict:
    check = {"check_id": check_id, "check_name": "x", "resource": "alicloud_vpc.hk", "file_path": "/a.tf",
             "file_line_range": [1, 4], "details": details}
    (f,) = checkov_json.read({"check_type": "terraform", "results": {"failed_checks": [check]}}, "c.json",
                             RULES).findings
    return f


def test_the_machine_readable_entry_is_decoded_not_the_human_lines():
    entry = checkov_json.DETAIL + json.dumps({"rule_id": "CKV_CNLIC_101", "enforcement": "advisory",
                                              "message": {"en": "From JSON.", "zh": "来自 JSON。"}})
    f = _failed(["Human line.", "人读的一行。", "Enforcement: mandatory", entry, "Licence: B1 (bundled: x)"])
    assert (f["message"], f["enforcement"]) == ({"en": "From JSON.", "zh": "来自 JSON。"}, "advisory")


def test_a_malformed_or_foreign_entry_falls_back_to_the_human_lines():
    lines = ["Human line.", "人读的一行。", "Enforcement: advisory"]
    for entry in ("{not json", json.dumps({"rule_id": "CKV_CNLIC_102", "message": {"en": "other rule"}}),
                  json.dumps(["a list"])):
        f = _failed([*lines, checkov_json.DETAIL + entry])
        assert (f["message"]["en"], f["message"]["zh"], f["enforcement"]) == (
            "Human line.", "人读的一行。", "advisory"), entry


def test_what_our_check_writes_is_what_the_reader_decodes(ctx, monkeypatch):
    """The Checkov front door's details for a failed rule, read back: the same message and enforcement."""
    from permitguard import engine
    from permitguard.checkov import checks
    from permitguard.model import Resource

    monkeypatch.setattr("permitguard.checkov.shared.context", lambda: ctx)
    judging = checks._Judging()
    judging.meta = RULES["CKV_CNLIC_101"]
    hk = Resource(address="alicloud_vpc.hk", type="alicloud_vpc", cloud="alicloud",
                  attributes={"cidr_block": "10.0.0.0/16"}, provider_region="cn-hongkong")
    (expected,) = engine.evaluate(hk, ctx, ["CKV_CNLIC_101"])
    assert judging._judge(lambda: [(hk, None)]).name == "FAILED"
    assert sum(d.startswith(checkov_json.DETAIL) for d in judging.details) == 1
    assert judging.details[-1].startswith("Licence: ")  # the human lines stay as Checkov prints them
    f = _failed(judging.details)
    assert (f["message"]["en"], f["message"]["zh"], f["enforcement"]) == (
        expected.message_en, expected.message_zh, expected.enforcement)


def test_a_checkov_skip_without_a_reason_is_no_suppression():
    for comment in ("No comment provided", "  "):
        check = {"check_id": "CKV_CNLIC_101", "check_name": "x", "resource": "alicloud_vpc.a",
                 "file_path": "/main.tf", "file_line_range": [3, 9], "check_result": {
                     "result": "SKIPPED", "suppress_comment": comment}}
        data = {"check_type": "terraform", "results": {"skipped_checks": [check]}}
        (found,) = checkov_json.read(data, "c.json", RULES).findings
        got = (found["status"], found["suppressed"], found["reason"])
        assert got == ("failed", None, "suppressed_unevaluated")
        assert found["suppression_refused"]["en"].startswith("`# checkov:skip=CKV_CNLIC_101` gives no reason")
        assert "未说明理由" in found["suppression_refused"]["zh"]
