"""Not-applicable findings written compactly in the findings JSON (report.compact): which go there, that
reading the document puts them back exactly, and that every output made from a compact document is the one
made from the scan itself."""
from __future__ import annotations

import copy
import hashlib
import json

import pytest

from helpers import cli
from permitguard import datafiles
from permitguard.report import compact, document
from report.support import FIXTURES, PROFILE, ROOT, STAMP, scan_doc

EXAMPLE = str(ROOT / "infra" / "terraform" / "alicloud-violating")
PINNED = ("--license", PROFILE, "--as-of", "2026-11-28", "--generated-at", STAMP)


@pytest.fixture(scope="module")
def doc() -> dict:
    return scan_doc(EXAMPLE)


def _written(doc: dict, ctx) -> dict:
    return json.loads(document.dumps(doc, ctx.rules))


def test_a_not_applicable_finding_that_says_no_more_than_its_reason_is_written_once_per_resource(doc, ctx):
    written = _written(doc, ctx)
    assert datafiles.schema_errors("findings.schema.json", written) == []
    section = written["not_applicable"]
    na = [f for f in doc["findings"] if f["status"] == "not_applicable"]
    kept = [f for f in written["findings"] if f["status"] == "not_applicable"]
    assert len(na) == len(kept) + sum(len(g["reasons"]) for g in section["resources"])
    assert len(written["findings"]) < len(doc["findings"]) // 2  # most findings of the example are these
    # once per resource: its part, and the reason of each such rule
    addresses = [g["resource"]["address"] for g in section["resources"]]
    assert len(addresses) == len(set(addresses)) and addresses == sorted(addresses)
    vpc = next(g for g in section["resources"] if g["resource"]["address"] == "alicloud_ram_role.partner_ops")
    assert vpc["reasons"]["CKV_CNLIC_203"] == "not_rbac" and list(vpc["reasons"]) == sorted(vpc["reasons"])
    # once per rule: what every finding of it shares, and the templates of the reasons used
    rule, meta = section["rules"]["CKV_CNLIC_203"], ctx.rules["CKV_CNLIC_203"]
    assert (rule["name"], rule["severity"], rule["clauses"]) == (meta.name, meta.severity, list(meta.clauses))
    template = rule["messages"]["not_rbac"]
    assert "{address}" in template["en"] and "{address}" in template["zh"]


def test_reading_the_document_puts_the_compact_findings_back_exactly(doc, ctx):
    assert compact.expand(_written(doc, ctx)) == doc
    assert compact.expand(_written(compact.expand(_written(doc, ctx)), ctx)) == doc  # and again: stable


def test_a_not_applicable_finding_that_says_more_stays_in_findings(doc, ctx):
    changed = copy.deepcopy(doc)
    na = [f for f in changed["findings"] if f["status"] == "not_applicable"
          and compact.refillable(*_template(ctx, f))]
    suppressed, other_words, trailed, foreign = na[0], na[1], na[2], na[3]
    suppressed["suppressed"] = "accepted in review"
    other_words["message"] = {"en": "said otherwise", "zh": "另有说法"}  # not its template (another version)
    trailed["trail"] = [{"kind": "zone_value", "what": "x"}]
    foreign["rule_id"] = "CKV_CNLIC_999"  # a rule this catalog does not know
    changed["findings"].sort(key=lambda f: (document.ORDER[f["status"]], f["rule_id"],
                                            f["resource"]["address"]))
    written = _written(changed, ctx)
    kept = {(f["rule_id"], f["resource"]["address"]) for f in written["findings"]}
    for f in (suppressed, other_words, trailed, foreign):
        assert (f["rule_id"], f["resource"]["address"]) in kept
    assert compact.expand(written) == changed


def test_a_not_applicable_finding_whose_message_names_more_facts_stays_in_findings(doc, ctx):
    more = [f for f in doc["findings"] if f["status"] == "not_applicable"
            and not compact.refillable(*_template(ctx, f))]
    assert more  # e.g. 302 "no tag": its message names the tag
    written = _written(doc, ctx)
    assert all(f in written["findings"] for f in more)


def test_a_rule_judged_with_two_enforcements_keeps_the_second_in_findings(doc, ctx):
    changed = copy.deepcopy(doc)
    rows = [f for f in changed["findings"]
            if f["status"] == "not_applicable" and f["rule_id"] == "CKV_CNLIC_100"]
    rows[-1]["enforcement"] = "advisory"  # e.g. documents of two profiles merged by `report`
    written = _written(changed, ctx)
    assert written["not_applicable"]["rules"]["CKV_CNLIC_100"]["enforcement"] == "mandatory"
    assert compact.expand(written) == changed


def test_a_document_without_the_section_is_read_as_it_is():
    old = json.loads((FIXTURES / "scan.json").read_text(encoding="utf-8"))
    assert "not_applicable" not in old and compact.expand(old) is old


def test_a_document_of_nothing_compact_has_no_section(ctx):
    empty = document.build([], ctx, [])
    assert "not_applicable" not in json.loads(document.dumps(empty, ctx.rules))


@pytest.mark.parametrize("fmt", ["junit", "markdown", "sarif", "text", "html", "json"])
def test_report_of_the_compact_document_is_report_of_the_full_one(tmp_path, fmt):
    """`report` of what `scan --format json` writes equals `report` of the same document with every finding
    written in full (as before the compact section): the same bytes, but for the input's own hash."""
    scanned = tmp_path / "scan.json"
    assert cli("scan", EXAMPLE, "--format", "json", "--output", str(scanned), *PINNED).exit_status == 1
    written = json.loads(scanned.read_text(encoding="utf-8"))
    assert "not_applicable" in written
    outs = []
    full = json.dumps(compact.expand(written), ensure_ascii=False)
    for text in (scanned.read_text(encoding="utf-8"), full):
        scanned.write_text(text, encoding="utf-8")  # one path: the report lists it
        run = cli("report", str(scanned), "--format", fmt, "--license", PROFILE, "--generated-at", STAMP)
        assert run.exit_status == 1, run.stderr
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        outs.append(run.stdout.replace(digest, "SHA").replace(digest[:12], "SHA"))
    assert outs[0] == outs[1]


def _template(ctx, f: dict) -> tuple[str, str]:
    t = ctx.rules[f["rule_id"]].template(f["reason"])
    return t.en, t.zh


@pytest.mark.parametrize("break_it, said", [
    (lambda s: s["resources"][0]["reasons"].update({"CKV_CNLIC_100": "no_such_reason"}), "which its rules"),
    (lambda s: s["resources"][0]["reasons"].update({"CKV_CNLIC_998": "readable"}), "which its rules"),
    (lambda s: s["rules"]["CKV_CNLIC_100"]["messages"]["readable"].update(en="{address:>999999999}"),
     "shows more than"),
    (lambda s: s["rules"]["CKV_CNLIC_100"]["messages"]["readable"].update(zh="{0} {address.__class__}"),
     "shows more than"),
    (lambda s: s["rules"]["CKV_CNLIC_100"]["messages"]["readable"].update(en="{address"), "no template"),
], ids=["reason", "rule", "format-spec", "attribute", "unclosed"])
def test_a_compact_section_that_contradicts_itself_is_refused_in_one_line(tmp_path, break_it, said):
    """A findings document is input: a compact section naming what it does not hold, or a template that
    would show more than the resource's address and type (a 999,999,999-wide field, an attribute), is
    exit 2 with the reason, never a crash trace or a huge message."""
    scanned = tmp_path / "scan.json"
    assert cli("scan", EXAMPLE, "--format", "json", "--output", str(scanned), *PINNED).exit_status == 1
    doc = json.loads(scanned.read_text(encoding="utf-8"))
    break_it(doc["not_applicable"])
    scanned.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for args in (("report", str(scanned)), ("report", "--compare", str(scanned), str(scanned))):
        run = cli(*args, "--license", PROFILE)
        assert run.exit_status == 2 and said in run.stderr and "Traceback" not in run.stderr, run.stderr
        assert "not a valid permitguard findings document" in run.stderr and len(run.stderr) < 2000
