"""SARIF 2.1.0: valid against the official schema; rules carry help in both languages and their clauses."""
from __future__ import annotations

import json

import jsonschema
import pytest

from helpers import cli
from permitguard.report import formats
from permitguard.rule_catalog import RuleCatalog
from report.support import FIXTURES, SARIF_SCHEMA, STAMP

CATALOG = RuleCatalog.load()


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the schema names its draft (04)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator, log: dict) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(log)]


def test_examples_sarif_is_valid_against_the_official_schema(validator, examples_doc, ctx):
    log = json.loads(formats.render(examples_doc, "sarif", ctx))
    assert _errors(validator, log) == []
    assert log["version"] == "2.1.0"


def test_merged_report_sarif_is_valid_and_has_a_run_per_tool(validator):
    run = cli("report", *(str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")),
              "--format", "sarif", "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    log = json.loads(run.stdout)
    assert _errors(validator, log) == []
    assert [r["tool"]["driver"]["name"] for r in log["runs"]] == ["permitguard", "checkov", "pulumi"]


def test_rules_carry_catalog_metadata_help_in_both_languages_and_clauses(examples_doc, ctx):
    driver = json.loads(formats.render(examples_doc, "sarif", ctx))["runs"][0]["tool"]["driver"]
    catalog = RuleCatalog.load()
    assert [r["id"] for r in driver["rules"]] == catalog.ids()
    for rule in driver["rules"]:
        meta = catalog[rule["id"]]
        assert rule["shortDescription"]["text"] == meta.title.en
        assert meta.remediation.en in rule["help"]["text"] and meta.remediation.zh in rule["help"]["text"]
        assert rule["properties"]["clauses"] == list(meta.clauses)
        assert "特别规定事项第" in rule["properties"]["clauses_zh"]
        assert float(rule["properties"]["security-severity"]) > 0
        level = "error" if meta.enforcement == "mandatory" else "warning"  # advisory rules warn
        assert rule["defaultConfiguration"]["level"] == level


def test_results_are_the_failed_findings_located_by_file_and_line(violating_doc, ctx):
    run = json.loads(formats.render(violating_doc, "sarif", ctx))["runs"][0]
    failed = [f for f in violating_doc["findings"] if f["status"] == "failed"]
    assert len(run["results"]) == len(failed)
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith(".tf")
        assert physical["region"]["startLine"] >= 1
        advisory = CATALOG[result["ruleId"]].enforcement == "advisory"  # CKV_CNLIC_603 on ungraded instances
        assert result["level"] == ("warning" if advisory else "error") and result["properties"]["clauses"]


def test_urn_only_results_get_a_logical_location_and_suppressions_are_kept():
    run = cli("report", str(FIXTURES / "scan.json"), str(FIXTURES / "pulumi-events.jsonl"),
              "--format", "sarif", "--generated-at", STAMP)
    results = json.loads(run.stdout)["runs"][0]["results"]
    pulumi = [r for r in results if r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
              .startswith("urn:pulumi:")]
    assert pulumi and all("physicalLocation" not in r["locations"][0] for r in pulumi)
    assert {r["level"] for r in pulumi} == {"error", "warning"}  # mandatory and advisory violations
    (suppressed,) = [r for r in results if r.get("suppressions")]
    assert suppressed["suppressions"][0]["justification"].endswith("ticket SEC-1234")


def test_sarif_messages_follow_lang(violating_doc, ctx):
    def first(lang: str) -> str:
        log = json.loads(formats.render(violating_doc, "sarif", ctx, lang=lang))
        return log["runs"][0]["results"][0]["message"]["text"]

    en, zh = first("en"), first("zh")
    assert "\n" not in en and "\n" not in zh and en != zh
