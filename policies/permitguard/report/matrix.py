"""The clause matrix: for SP-1 … SP-17 and their sub-items, the rules that enforce each and their counts.

The mapping is one way, in data (rule → clauses, in each finding and in the rule catalog); this inverts it.
A provision with sub-items (SP-15, SP-16, SP-17) rolls up its sub-items' findings, each counted once.
Counts partition the findings citing a clause: failed + suppressed + passed + not applicable = total.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitguard.clause_catalog import Clause, ClauseCatalog
    from permitguard.report.record import FindingRecord
    from permitguard.rule_catalog import RuleCatalog


def undetermined(f: dict[str, Any], catalog: RuleCatalog) -> bool:
    """A failure (in its document form) that means "could not be established" (unknown is never a pass),
    as the rule catalog marks it: per message, or rule-wide (CKV_CNLIC_103), since Checkov/Pulumi inputs
    carry only the rule."""
    if f["status"] != "failed":
        return False
    return f["rule_id"] in catalog and catalog[f["rule_id"]].undetermined(f.get("reason"))


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0  # not suppressed, any enforcement
    blocking: int = 0  # of `failed`, mandatory
    suppressed: int = 0  # any verdict, suppressed
    not_applicable: int = 0

    def add(self, f: FindingRecord) -> None:
        if f.suppressed:
            self.suppressed += 1
        elif f.status == "failed":
            self.failed += 1
            self.blocking += f.blocking
        elif f.status == "passed":
            self.passed += 1
        else:
            self.not_applicable += 1

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.suppressed + self.not_applicable


@dataclass
class RuleCell:
    rule_id: str
    counts: Counts = field(default_factory=Counts)


@dataclass
class Row:
    clause: Clause
    sub_item: bool
    state: str  # fail | warn | pass | suppressed | not_applicable | not_evaluated | no_rule | not_checkable
    #             | not_granted (a provision of a business type the permit does not grant)
    rules: list[RuleCell]
    counts: Counts


def _state(clause: Clause, rules: list[RuleCell], counts: Counts, granted: set[str] | None) -> str:
    if clause.service and granted is not None and clause.service not in granted:
        return "not_granted"
    if not clause.checkable:
        return "not_checkable"
    if not rules:
        return "no_rule"
    if not counts.total:
        return "not_evaluated"
    if counts.blocking:
        return "fail"
    if counts.failed:
        return "warn"
    if counts.passed:
        return "pass"
    return "suppressed" if counts.suppressed else "not_applicable"


def build(findings: list[FindingRecord], catalog: RuleCatalog, clauses: ClauseCatalog,
          granted: set[str] | None = None) -> list[Row]:
    """One row per special provision and sub-item, in permit order (the front page is the report's cover).
    `granted`: the permit's business types; provisions of other types are "not granted" (None: all shown)."""
    all_clauses = [c for c in clauses if c.id != "FRONT"]
    children: dict[str, list[str]] = defaultdict(list)
    for c in all_clauses:
        if c.parent:
            children[c.parent].append(c.id)
    cited: dict[str, list[int]] = defaultdict(list)  # clause id -> indices of findings citing it
    for i, f in enumerate(findings):
        for cid in f.clauses:
            cited[cid].append(i)
    enforcing: dict[str, set[str]] = defaultdict(set)
    for meta in catalog:
        for cid in meta.clauses:
            enforcing[cid].add(meta.id)
    rows = []
    for c in all_clauses:
        ids = [c.id] + children.get(c.id, [])
        indices = sorted({i for cid in ids for i in cited.get(cid, [])})
        rule_ids = {r for cid in ids for r in enforcing.get(cid, set())}
        rule_ids |= {findings[i].rule_id for i in indices}
        cells = {r: RuleCell(r) for r in sorted(rule_ids)}
        total = Counts()
        for i in indices:
            cells[findings[i].rule_id].counts.add(findings[i])
            total.add(findings[i])
        rules = list(cells.values())
        rows.append(Row(c, c.parent is not None, _state(c, rules, total, granted), rules, total))
    return rows
