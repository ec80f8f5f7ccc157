"""The clause matrix inverts rule → clauses: its counts are exactly the findings that cite each clause."""

from __future__ import annotations

from permitguard.clause_catalog import ClauseCatalog
from permitguard.report import matrix
from permitguard.report.record import records
from permitguard.rule_catalog import RuleCatalog
from report.support import ROOT, scan_doc

CATALOG = RuleCatalog.load()
CLAUSES = ClauseCatalog.load()


def _citing(findings: list[dict], ids: set[str]) -> list[dict]:
    return [f for f in findings if ids & set(f["clauses"])]


def _ids(row: matrix.Row, rows: list[matrix.Row]) -> set[str]:
    return {row.clause.id} | {r.clause.id for r in rows if r.clause.parent == row.clause.id}


def test_matrix_lists_every_special_provision_and_sub_item_in_permit_order(examples_doc):
    rows = matrix.build(records(examples_doc["findings"], CATALOG), CATALOG, CLAUSES)
    assert [r.clause.id for r in rows] == [c.id for c in ClauseCatalog.load() if c.id != "FRONT"]
    assert rows[0].clause.id == "SP-1" and rows[-1].clause.id == "SP-17(10)"
    assert sum(r.sub_item for r in rows) == 9 + 8 + 10


def test_matrix_counts_equal_the_findings_of_the_examples(examples_doc):
    findings = examples_doc["findings"]
    rows = matrix.build(records(findings, CATALOG), CATALOG, CLAUSES)
    for row in rows:
        mine = _citing(findings, _ids(row, rows))
        c = row.counts
        assert c.total == len(mine), row.clause.id
        assert c.failed == sum(f["status"] == "failed" and not f["suppressed"] for f in mine), row.clause.id
        assert c.passed == sum(f["status"] == "passed" and not f["suppressed"] for f in mine), row.clause.id
        assert c.suppressed == sum(bool(f["suppressed"]) for f in mine), row.clause.id
        for cell in row.rules:
            of_rule = [f for f in mine if f["rule_id"] == cell.rule_id]
            assert cell.counts.total == len(of_rule), (row.clause.id, cell.rule_id)
            failed = sum(f["status"] == "failed" and not f["suppressed"] for f in of_rule)
            assert cell.counts.failed == failed, (row.clause.id, cell.rule_id)


def test_matrix_failures_add_up_to_the_documents_failed_findings(violating_doc):
    findings = violating_doc["findings"]
    rows = {r.clause.id: r for r in matrix.build(records(findings, CATALOG), CATALOG, CLAUSES)}
    failed = [f for f in findings if f["status"] == "failed"]
    assert failed, "the violating example must fail"
    for clause_id in ("SP-2", "SP-15(3)", "SP-15(4)", "SP-16(3)", "SP-17(8)"):
        assert rows[clause_id].counts.failed == len(_citing(failed, {clause_id})), clause_id
    assert rows["SP-15(3)"].state == "fail"


def test_rules_listed_for_a_clause_are_the_catalogs_inverse(examples_doc):
    findings = records(examples_doc["findings"], CATALOG)
    rows = {r.clause.id: r for r in matrix.build(findings, CATALOG, CLAUSES)}
    for meta in CATALOG:
        for clause_id in meta.clauses:
            assert meta.id in {c.rule_id for c in rows[clause_id].rules}, (meta.id, clause_id)
    assert {c.rule_id for c in rows["SP-2"].rules} == {m.id for m in CATALOG if "SP-2" in m.clauses}


def test_a_provision_rolls_up_its_sub_items_counting_each_finding_once(examples_doc):
    findings = examples_doc["findings"]
    rows = matrix.build(records(findings, CATALOG), CATALOG, CLAUSES)
    sp15 = next(r for r in rows if r.clause.id == "SP-15")
    subs = {r.clause.id for r in rows if r.clause.parent == "SP-15"}
    assert sp15.counts.total == len(_citing(findings, subs | {"SP-15"}))
    # a finding citing several sub-items counts once in the provision
    assert sp15.counts.total < sum(r.counts.total for r in rows if r.clause.id in subs)


def test_clauses_no_infrastructure_code_can_break_say_why(examples_doc):
    findings = records(examples_doc["findings"], CATALOG)
    rows = {r.clause.id: r for r in matrix.build(findings, CATALOG, CLAUSES)}
    assert rows["SP-1"].state == "not_checkable" and rows["SP-1"].clause.not_checkable_reason.zh
    assert rows["SP-15(2)"].state == "not_checkable"
    assert all(r.clause.breaks.en for r in rows.values() if r.state == "no_rule")  # checkable, no rule yet
    assert rows["SP-3"].state != "no_rule" and rows["SP-17(1)"].state != "no_rule"  # CKV_CNLIC_404, _401
    for clause_id, rule_id in (("SP-17(2)", "CKV_CNLIC_501"), ("SP-17(3)", "CKV_CNLIC_501"),
                               ("SP-15(1)", "CKV_CNLIC_501"), ("SP-9", "CKV_CNLIC_601"),
                               ("SP-4", "CKV_CNLIC_405")):
        assert rows[clause_id].state != "no_rule", clause_id
        assert rule_id in {cell.rule_id for cell in rows[clause_id].rules}, clause_id
    assert all(r.counts.total == 0 for r in rows.values() if r.state in ("not_checkable", "no_rule"))


def test_undetermined_means_a_failed_could_not_establish():
    assert matrix.undetermined({"status": "failed", "reason": "unresolved", "rule_id": "CKV_CNLIC_201"},
                               CATALOG)
    assert matrix.undetermined({"status": "failed", "reason": "checkov_failed", "rule_id": "CKV_CNLIC_103"},
                               CATALOG)
    assert not matrix.undetermined(
        {"status": "failed", "reason": "outside_mainland", "rule_id": "CKV_CNLIC_101"}, CATALOG
    )
    assert not matrix.undetermined(
        {"status": "not_applicable", "reason": "location_unknown", "rule_id": "CKV_CNLIC_101"}, CATALOG
    )


def test_provisions_of_business_types_the_permit_does_not_grant_are_marked_not_granted():
    from permitguard.report import matrix

    rows = {r.clause.id: r.state for r in matrix.build([], CATALOG, CLAUSES, granted={"isp"})}
    assert (rows["SP-15"], rows["SP-15(3)"], rows["SP-16(5)"]) == ("not_granted",) * 3
    assert rows["SP-17(5)"] != "not_granted" and rows["SP-5"] == "not_checkable"
    everything = {
        r.clause.id: r.state for r in matrix.build([], CATALOG, CLAUSES, granted={"idc", "vpn", "isp"})
    }
    assert "not_granted" not in everything.values()


def test_report_labels_are_valid_and_bilingual():
    import yaml

    from permitguard import datafiles

    path = datafiles.data_path("report_labels.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert datafiles.schema_errors("report_labels.schema.json", data) == []
    assert all(t["en"].strip() and t["zh"].strip() for t in data["labels"].values())


def test_every_report_text_the_code_asks_for_exists():
    import re
    from pathlib import Path

    import permitguard.report as report
    from permitguard.report import labels

    root = Path(report.__file__).parent
    files = [*root.rglob("*.py"), *root.glob("templates/*")]
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    keys = set(re.findall(r"""(?:\bL|\bwords|\blabel)\(\s*['"]([a-z_]+)['"]\s*[,)]""", source))
    dynamic = {"fail", "warn", "pass", "suppressed", "not_applicable", "not_evaluated", "no_rule",  # states
               "not_checkable", "not_granted", "passed", "failed", "skipped", "checkov_passed",
               "checkov_failed", "verdict_fail", "verdict_warn", "verdict_pass", "verdict_empty"}
    assert len(keys) > 40
    assert [k for k in sorted(keys | dynamic) if k not in labels._labels()] == []


def test_vpn_duties_sp_16_1_and_2_are_covered_by_their_rules():
    """SP-16(1) (state-approved cryptography) and SP-16(2) (no internet access for VPN users) have a rule
    each, and the VPN examples give them passed and failed findings."""
    examples = ROOT / "infra" / "terraform"
    doc = scan_doc(str(examples / "vpn-compliant"), str(examples / "vpn-violating"))
    rows = {r.clause.id: r for r in matrix.build(records(doc["findings"], CATALOG), CATALOG, CLAUSES)}
    for clause_id, rule_id in (("SP-16(1)", "CKV_CNLIC_402"), ("SP-16(2)", "CKV_CNLIC_403")):
        row = rows[clause_id]
        assert [cell.rule_id for cell in row.rules] == [rule_id], clause_id
        assert row.state == "warn" and row.counts.passed and row.counts.failed, clause_id  # advisory


def test_grading_and_filing_sp_6_is_covered_by_its_rule():
    """SP-6 (grade and file networks and systems, MIIT Order No. 11) has CKV_CNLIC_603, advisory: the examples
    give it passed findings (graded facilities) and failed ones (ungraded instances)."""
    examples = ROOT / "infra" / "terraform"
    doc = scan_doc(str(examples / "aws-compliant"), str(examples / "aws-violating"))
    row = {r.clause.id: r for r in matrix.build(records(doc["findings"], CATALOG), CATALOG, CLAUSES)}["SP-6"]
    assert [cell.rule_id for cell in row.rules] == ["CKV_CNLIC_603"]
    assert row.state == "warn" and row.counts.passed and row.counts.failed  # advisory
