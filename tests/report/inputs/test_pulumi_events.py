"""Pulumi engine event log: policy events carry the pack's violations; summaries say what passed."""
from __future__ import annotations

import json

from permitguard.report.inputs import pulumi_events
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES, INJECTED

RULES = RuleCatalog.load()
URN = "urn:pulumi:dev::shop::"


def _part():
    text = (FIXTURES / "pulumi-events.jsonl").read_text(encoding="utf-8")
    return pulumi_events.read(pulumi_events.parse_lines(text, "e.jsonl"), "e.jsonl", RULES)


def _by(part, status):
    return {(f["rule_id"], f["resource"]["address"]) for f in part.findings if f["status"] == status}


def test_violations_map_policy_names_back_to_rule_ids():
    part = _part()
    bad = URN + "alicloud:ecs/instance:Instance::hk-web" + INJECTED
    assert {("CKV_CNLIC_101", bad), ("CKV_CNLIC_301", bad)} <= _by(part, "failed")
    f = next(f for f in part.findings if f["rule_id"] == "CKV_CNLIC_101")
    assert f["resource"]["type"] == "alicloud:ecs/instance:Instance" and f["resource"]["file"] is None
    en, zh = f["message"]["en"], f["message"]["zh"]
    assert en.startswith("hk-web is in alicloud cn-hongkong") and "<{%" not in en
    assert zh.startswith("hk-web 位于") and f["clauses"] == list(RULES["CKV_CNLIC_101"].clauses)


def test_enforcement_level_comes_from_the_event():
    part = _part()
    ssh = next(f for f in part.findings if f["rule_id"] == "CKV_CNLIC_202")
    assert ssh["enforcement"] == "advisory" and ssh["status"] == "failed"


def test_analysis_summaries_give_the_passes():
    part = _part()
    web = URN + "alicloud:ecs/instance:Instance::web-bj"
    later = {"CKV_CNLIC_203", "CKV_CNLIC_602", "CKV_CNLIC_603", "CKV_CNLIC_901"}  # the log predates 401/404,
    # 203, 602, 603, 901
    # … and 501/601 (families icp, data)
    recorded = [m for m in RULES if m.family not in ("configuration", "network", "icp", "data")
                and m.id not in later]
    assert {(m.id, web) for m in recorded} <= _by(part, "passed")
    bad = URN + "alicloud:ecs/instance:Instance::hk-web" + INJECTED
    assert ("CKV_CNLIC_102", bad) in _by(part, "passed") and ("CKV_CNLIC_101", bad) not in _by(part, "passed")


def test_other_packs_are_other_checks_and_deletes_are_not_applicable():
    part = _part()
    (other,) = [c for c in part.other_checks if c["status"] == "failed"]
    assert (other["tool"], other["check_id"], other["message"]) == (
        "pulumi:acme-tagging", "required-owner-tag", "Buckets need an owner tag.")
    role = URN + "alicloud:ram/role:Role::old-role"
    assert {(m.id, role) for m in RULES} == {k for k in _by(part, "not_applicable") if k[1] == role}


def test_a_resource_without_a_summary_is_reported_unevaluated():
    part = _part()
    ssh = URN + "alicloud:ecs/securityGroupRule:SecurityGroupRule::ssh"
    assert [u["subject"] for u in part.unevaluated] == [ssh]
    assert "which rules passed cannot be established" in part.unevaluated[0]["reason"]["en"]


def test_an_old_log_without_summaries_still_gives_its_violations():
    events = [{"sequence": 1, "timestamp": 1, "resourcePreEvent": {"metadata": {
                  "op": "create", "urn": URN + "aws:ec2/instance:Instance::a",
                  "type": "aws:ec2/instance:Instance"}}},
              {"sequence": 2, "timestamp": 2, "policyEvent": {
                  "resourceUrn": URN + "aws:ec2/instance:Instance::a", "message": "outside\n在境外\n",
                  "policyName": "cnlic-101-outside-mainland", "policyPackName": "permitguard",
                  "enforcementLevel": "mandatory"}}]
    text = "\n".join(json.dumps(e) for e in events)
    part = pulumi_events.read(pulumi_events.parse_lines(text, "old"), "old", RULES)
    assert [(f["rule_id"], f["status"], f["message"]["zh"]) for f in part.findings] == [
        ("CKV_CNLIC_101", "failed", "在境外")]
    assert len(part.unevaluated) == 1


def test_json_lines_that_are_not_engine_events_are_not_an_event_log():
    assert pulumi_events.parse_lines('{"a": 1}\n{"b": 2}\n', "x") is None
    assert pulumi_events.parse_lines("", "x") is None


def test_a_step_op_has_one_action_in_the_event_log_reader_and_the_preview_reader():
    from permitguard.report.inputs import pulumi_events
    from permitguard.sources import pulumi_preview

    assert pulumi_events.ACTIONS == {op: a.value for op, a in pulumi_preview.ACTIONS.items()}
    assert pulumi_events.ACTIONS["replace"] == "update"  # both old and new state exist
