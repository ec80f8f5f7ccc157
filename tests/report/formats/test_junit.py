"""JUnit XML: one testsuite per rule, one testcase per (rule, resource); parses with xml.etree."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from helpers import cli
from permitguard.report import formats
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES, INJECTED, STAMP


def test_examples_junit_has_a_suite_per_rule_and_a_case_per_finding(examples_doc, ctx):
    root = ET.fromstring(formats.render(examples_doc, "junit", ctx))
    findings = examples_doc["findings"]
    per_rule = Counter(f["rule_id"] for f in findings)
    suites = {s.get("name").split()[0]: s for s in root.findall("testsuite")}
    assert set(suites) == set(per_rule)
    for rule_id, suite in suites.items():
        cases = suite.findall("testcase")
        assert len(cases) == per_rule[rule_id] == int(suite.get("tests"))
        assert {c.get("classname") for c in cases} == {rule_id}
        mine = [f for f in findings if f["rule_id"] == rule_id]
        open_failures = sum(f["status"] == "failed" and not f["suppressed"] for f in mine)
        assert int(suite.get("failures")) == open_failures
        assert int(suite.get("skipped")) == sum(f["status"] == "not_applicable" or bool(f["suppressed"])
                                                for f in mine)
    assert int(root.get("tests")) == len(findings)
    assert int(root.get("failures")) == sum(f["status"] == "failed" and not f["suppressed"] for f in findings)


def test_failures_carry_message_location_clauses_and_fix(violating_doc, ctx):
    root = ET.fromstring(formats.render(violating_doc, "junit", ctx))
    case = next(c for c in root.iter("testcase") if c.get("name") == "alicloud_instance.heyuan_idc"
                and c.get("classname") == "CKV_CNLIC_102")
    failure = case.find("failure")
    assert failure.get("type") == "mandatory" and "cn-heyuan" in failure.get("message")
    assert "clauses: SP-2, SP-15(3)" in failure.text
    remediation = RuleCatalog.load()["CKV_CNLIC_102"].remediation
    assert f"fix: {remediation.en}\n{remediation.zh}" in failure.text
    assert case.get("file", "").endswith("main.tf") and int(case.get("line")) > 0


def test_merged_inputs_junit_parses_with_markup_in_names_and_other_checks():
    run = cli("report", *(str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")),
              "--format", "junit", "--generated-at", STAMP)
    root = ET.fromstring(run.stdout)
    names = {c.get("name") for c in root.iter("testcase")}
    assert any(INJECTED in n for n in names)  # escaped in the XML, intact once parsed
    suites = [s.get("name") for s in root.findall("testsuite")]
    assert any(s.startswith("checkov:terraform CKV_ALI_") for s in suites)
    assert "pulumi:acme-tagging required-owner-tag required-owner-tag" in suites
    skipped = [c.find("skipped") for c in root.iter("testcase") if c.find("skipped") is not None]
    suppressed = [s for s in skipped if s.get("message").startswith("suppressed")]
    assert suppressed
