"""The rule catalog is the join key: every id is implemented, bilingual, cites real clauses, and every
message a rule can produce exists with the placeholders its verdict fills."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from permitguard import datafiles
from permitguard.rule_catalog import RuleCatalog
from permitguard.rules import RULES, check_against_catalog

ROOT = Path(__file__).resolve().parents[1]
CATALOG = RuleCatalog.load()


def _rules_yaml() -> dict:
    return yaml.safe_load((ROOT / "policies/permitguard/data/rules.yaml").read_text(encoding="utf-8"))


def test_catalog_is_valid_against_its_schema():
    assert datafiles.schema_errors("rules.schema.json", _rules_yaml()) == []


def test_every_catalogued_rule_is_implemented_and_vice_versa():
    assert check_against_catalog(CATALOG) == []
    assert sorted(RULES) == ["CKV_CNLIC_100", "CKV_CNLIC_101", "CKV_CNLIC_102", "CKV_CNLIC_103",
                             "CKV_CNLIC_201", "CKV_CNLIC_202", "CKV_CNLIC_301", "CKV_CNLIC_302",
                             "CKV_CNLIC_701"]


def test_titles_remediation_and_messages_are_bilingual():
    for rule in CATALOG:
        texts = [rule.title, rule.remediation, *rule.messages.values()]
        assert all(t.en.strip() and t.zh.strip() for t in texts), rule.id
        assert all(re.search(r"[\u4e00-\u9fff]", t.zh) for t in texts), rule.id


def test_clauses_cited_exist_in_the_clause_catalog():
    clauses = yaml.safe_load((ROOT / "policies/permitguard/data/clauses.yaml").read_text(encoding="utf-8"))
    known = {c["id"] for c in clauses["clauses"]}
    for rule in CATALOG:
        assert set(rule.clauses) <= known, rule.id


def test_en_and_zh_messages_use_the_same_facts():
    def fields(text: str) -> set[str]:
        return {f.split("!")[0] for f in re.findall(r"{([a-z_]+(?:![rs])?)}", text)}

    for rule in CATALOG:
        for key, text in rule.messages.items():
            en = {f.removesuffix("_en") for f in fields(text.en)}
            zh = {f.removesuffix("_zh") for f in fields(text.zh)}
            assert en == zh, (rule.id, key)


def test_default_enforcement_of_the_core_duties_is_mandatory():
    assert {r.id: r.enforcement for r in CATALOG} == dict.fromkeys(RULES, "mandatory")


def test_names_carry_the_rule_number():
    for rule in CATALOG:
        assert rule.name.startswith(f"cnlic-{rule.id[-3:]}-"), rule.id


def test_could_not_establish_failures_are_marked_in_the_catalog():
    assert CATALOG["CKV_CNLIC_103"].undetermined(None) and CATALOG["CKV_CNLIC_103"].undetermined("no_region")
    assert CATALOG["CKV_CNLIC_201"].undetermined("unresolved")
    assert CATALOG["CKV_CNLIC_102"].undetermined("coverage_undetermined")
    assert not CATALOG["CKV_CNLIC_101"].undetermined("outside_mainland")
    assert not CATALOG["CKV_CNLIC_201"].undetermined("third_party")
    assert not CATALOG["CKV_CNLIC_701"].undetermined("expired")
    assert CATALOG["CKV_CNLIC_202"].undetermined("unparseable_source")
    assert CATALOG["CKV_CNLIC_202"].undetermined("prefix_list")


def test_permit_validity_cites_sp12_and_has_a_scan_notice_for_every_state_but_valid():
    meta = CATALOG["CKV_CNLIC_701"]
    assert meta.clauses == ("SP-12",) and meta.family == "validity"
    assert {k for k in meta.messages if k.startswith("scan_")} == {
        "scan_renewal_window", "scan_expired", "scan_not_yet_valid"}


def test_a_placeholder_no_verdict_fills_fails_the_suite_and_shows_a_question_mark_in_a_scan(monkeypatch):
    from permitguard import rule_catalog

    meta = CATALOG["CKV_CNLIC_101"]
    try:
        meta.message("outside_mainland", {"address": "a"})
    except KeyError as exc:
        assert "is not filled" in str(exc)
    else:
        raise AssertionError("a missing placeholder passed the suite unnoticed")
    monkeypatch.setattr(rule_catalog, "STRICT_PLACEHOLDERS", False)
    assert "?" in meta.message("outside_mainland", {"address": "a"}).en
