"""The clause catalog (policies/permitguard/data/clauses.yaml): its schema, and the permit's structure."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schemas" / "clauses.schema.json"
DATA_PATH = ROOT / "policies" / "permitguard" / "data" / "clauses.yaml"

SUB_ITEM_COUNTS = {"SP-15": 9, "SP-16": 8, "SP-17": 10}
PROVISIONS = [f"SP-{n}" for n in range(1, 18)]
# Permit order: front page, SP-1 ... SP-17, each provision followed by its sub-items.
EXPECTED_ORDER = ["FRONT"] + [
    cid
    for p in PROVISIONS
    for cid in [p] + [f"{p}({m})" for m in range(1, SUB_ITEM_COUNTS.get(p, 0) + 1)]
]
# CLAUSES.md's last column: every clause with a non-"—" entry, plus the front page (coverage) and the
# three business-type provisions (checkable because a sub-item is).
EXPECTED_CHECKABLE = {
    "FRONT", "SP-2", "SP-3", "SP-4", "SP-6", "SP-7", "SP-9", "SP-12",
    "SP-15", "SP-15(1)", "SP-15(3)", "SP-15(4)", "SP-15(6)", "SP-15(9)",
    "SP-16", "SP-16(1)", "SP-16(2)", "SP-16(3)", "SP-16(5)",
    "SP-17", "SP-17(1)", "SP-17(2)", "SP-17(3)", "SP-17(5)", "SP-17(6)", "SP-17(8)",
}
SUB_ITEM_RE = re.compile(r"^(SP-[0-9]{1,2})\(([0-9]{1,2})\)$")
PROVISION_RE = re.compile(r"^SP-([0-9]{1,2})$")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
BILINGUAL_FIELDS = ("title", "summary", "breaks", "not_checkable_reason")


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def load_catalog() -> dict:
    return yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))


def validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(data: dict) -> list[str]:
    return sorted(f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data))


def clauses() -> list[dict]:
    return load_catalog()["clauses"]


def by_id() -> dict[str, dict]:
    return {c["id"]: c for c in clauses()}


def zh_numeral(n: int) -> str:
    """1..99 in Chinese numerals as the permit writes them: 三, 十, 十七, 二十一."""
    digits = "一二三四五六七八九"
    if not 1 <= n <= 99:
        raise ValueError(n)
    if n < 10:
        return digits[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens - 1]) + "十" + (digits[ones - 1] if ones else "")


def expected_cite(clause_id: str) -> str:
    if clause_id == "FRONT":
        return "经营许可证正文"
    if m := SUB_ITEM_RE.match(clause_id):
        provision = int(m.group(1)[3:])
        return f"特别规定事项第{zh_numeral(provision)}条第（{zh_numeral(int(m.group(2)))}）项"
    m = PROVISION_RE.match(clause_id)
    assert m, clause_id
    return f"特别规定事项第{zh_numeral(int(m.group(1)))}条"


# ---- schema ---------------------------------------------------------------------------------------

def test_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["clause"]["additionalProperties"] is False
    assert schema["$defs"]["bilingual"]["additionalProperties"] is False


def test_catalog_validates_against_schema():
    assert schema_errors(load_catalog()) == []


def _mutate(data: dict, clause_id: str, fn) -> dict:
    out = copy.deepcopy(data)
    fn(next(c for c in out["clauses"] if c["id"] == clause_id))
    return out


SCHEMA_REJECTS = {
    "unknown_top_level_key": lambda d: {**d, "extra": 1},
    "unknown_clause_key": lambda d: _mutate(d, "SP-5", lambda c: c.update(note="x")),
    "unknown_bilingual_key": lambda d: _mutate(d, "SP-5", lambda c: c["title"].update(fr="x")),
    "missing_zh": lambda d: _mutate(d, "SP-5", lambda c: c["summary"].pop("zh")),
    "blank_en": lambda d: _mutate(d, "SP-5", lambda c: c["title"].update(en="  ")),
    "bad_id": lambda d: _mutate(d, "SP-5", lambda c: c.update(id="SP-5a")),
    "checkable_without_breaks": lambda d: _mutate(d, "SP-2", lambda c: c.pop("breaks")),
    "checkable_with_reason": lambda d: _mutate(
        d, "SP-2", lambda c: c.update(not_checkable_reason={"en": "x", "zh": "x"})),
    "not_checkable_with_breaks": lambda d: _mutate(
        d, "SP-5", lambda c: c.update(breaks={"en": "x", "zh": "x"})),
    "not_checkable_without_reason": lambda d: _mutate(d, "SP-5", lambda c: c.pop("not_checkable_reason")),
    "sub_item_without_parent": lambda d: _mutate(d, "SP-15(3)", lambda c: c.pop("parent")),
    "provision_with_parent": lambda d: _mutate(d, "SP-15", lambda c: c.update(parent="SP-1")),
    "front_with_parent": lambda d: _mutate(d, "FRONT", lambda c: c.update(parent="SP-1")),
    "provision_cited_as_item": lambda d: _mutate(
        d, "SP-15", lambda c: c.update(cite_zh="特别规定事项第十五条第（一）项")),
    "arabic_numeral_cite": lambda d: _mutate(
        d, "SP-15(3)", lambda c: c.update(cite_zh="特别规定事项第15条第（3）项")),
    "checkable_not_boolean": lambda d: _mutate(d, "SP-5", lambda c: c.update(checkable="no")),
}


# where the single error of each broken copy is reported: clause index in the catalog, then field path
SCHEMA_REJECT_PATHS = {
    "unknown_top_level_key": [],
    "unknown_clause_key": ["clauses", 5],
    "unknown_bilingual_key": ["clauses", 5, "title"],
    "missing_zh": ["clauses", 5, "summary"],
    "blank_en": ["clauses", 5, "title", "en"],
    "bad_id": ["clauses", 5, "id"],
    "checkable_without_breaks": ["clauses", 2],
    "checkable_with_reason": ["clauses", 2],
    "not_checkable_with_breaks": ["clauses", 5],
    "not_checkable_without_reason": ["clauses", 5],
    "sub_item_without_parent": ["clauses", 18],
    "provision_with_parent": ["clauses", 15],
    "front_with_parent": ["clauses", 0],
    "provision_cited_as_item": ["clauses", 15, "cite_zh"],
    "arabic_numeral_cite": ["clauses", 18, "cite_zh"],
    "checkable_not_boolean": ["clauses", 5, "checkable"],
}


@pytest.mark.parametrize("case", sorted(SCHEMA_REJECTS))
def test_schema_rejects(case):
    errors = list(validator().iter_errors(SCHEMA_REJECTS[case](load_catalog())))
    assert [list(e.absolute_path) for e in errors] == [SCHEMA_REJECT_PATHS[case]]


# ---- structure ------------------------------------------------------------------------------------

def test_permit_number():
    assert load_catalog()["permit"] == "B1-20195402"


def test_ids_are_unique():
    ids = [c["id"] for c in clauses()]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_front_page_entry_present_once():
    fronts = [c for c in clauses() if c["id"] == "FRONT"]
    assert len(fronts) == 1
    assert "parent" not in fronts[0]


def test_all_special_provisions_present():
    assert sorted((c["id"] for c in clauses() if PROVISION_RE.match(c["id"])),
                  key=lambda i: int(i[3:])) == PROVISIONS


def test_sub_item_counts():
    counts: dict[str, int] = {}
    for c in clauses():
        if m := SUB_ITEM_RE.match(c["id"]):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    assert counts == {"SP-15": 9, "SP-16": 8, "SP-17": 10}


def test_sub_items_numbered_from_one_without_gaps():
    for provision, count in SUB_ITEM_COUNTS.items():
        numbers = [int(m.group(2)) for c in clauses()
                   if (m := SUB_ITEM_RE.match(c["id"])) and m.group(1) == provision]
        assert numbers == list(range(1, count + 1)), provision


def test_catalog_in_permit_order():
    assert [c["id"] for c in clauses()] == EXPECTED_ORDER


def test_every_sub_item_parent_exists_and_matches_its_id():
    ids = set(by_id())
    for c in clauses():
        if m := SUB_ITEM_RE.match(c["id"]):
            assert c["parent"] == m.group(1), c["id"]
            assert c["parent"] in ids, c["id"]
        else:
            assert "parent" not in c, c["id"]


# ---- checkable ------------------------------------------------------------------------------------

def test_checkable_entries_have_breaks_and_no_reason():
    for c in clauses():
        if c["checkable"] is True:
            assert set(c["breaks"]) == {"en", "zh"}, c["id"]
            assert "not_checkable_reason" not in c, c["id"]


def test_non_checkable_entries_have_reason_and_no_breaks():
    for c in clauses():
        if c["checkable"] is False:
            assert set(c["not_checkable_reason"]) == {"en", "zh"}, c["id"]
            assert "breaks" not in c, c["id"]


def test_checkable_set_matches_clauses_md():
    assert {c["id"] for c in clauses() if c["checkable"] is True} == EXPECTED_CHECKABLE


def test_parent_checkable_iff_any_sub_item_checkable():
    index = by_id()
    for provision in SUB_ITEM_COUNTS:
        children = [c for c in clauses() if c.get("parent") == provision]
        assert index[provision]["checkable"] is any(c["checkable"] for c in children), provision


# ---- text -----------------------------------------------------------------------------------------

def test_every_bilingual_field_non_empty():
    seen = 0
    for c in clauses():
        for field in BILINGUAL_FIELDS:
            if field not in c:
                continue
            text = c[field]
            assert set(text) == {"en", "zh"}, (c["id"], field)
            assert isinstance(text["en"], str) and text["en"].strip() != "", (c["id"], field, "en")
            assert isinstance(text["zh"], str) and text["zh"].strip() != "", (c["id"], field, "zh")
            assert CJK_RE.search(text["zh"]), (c["id"], field, "zh is not Chinese")
            seen += 1
    # title + summary on every entry, plus exactly one of breaks / not_checkable_reason
    assert seen == 3 * len(clauses())


@pytest.mark.parametrize(("n", "numeral"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (17, "十七"),
                                            (20, "二十"), (21, "二十一")])
def test_zh_numeral_helper(n, numeral):
    assert zh_numeral(n) == numeral


@pytest.mark.parametrize(("clause_id", "cite"), [
    ("FRONT", "经营许可证正文"),
    ("SP-1", "特别规定事项第一条"),
    ("SP-10", "特别规定事项第十条"),
    ("SP-11", "特别规定事项第十一条"),
    ("SP-15", "特别规定事项第十五条"),
    ("SP-15(3)", "特别规定事项第十五条第（三）项"),
    ("SP-16(8)", "特别规定事项第十六条第（八）项"),
    ("SP-17(10)", "特别规定事项第十七条第（十）项"),
])
def test_cite_zh_examples(clause_id, cite):
    assert by_id()[clause_id]["cite_zh"] == cite


def test_cite_zh_uses_chinese_numerals_for_every_clause():
    mismatches = {c["id"]: c["cite_zh"] for c in clauses() if c["cite_zh"] != expected_cite(c["id"])}
    assert mismatches == {}
