"""What the HTML and Markdown reports show, computed once from the findings document (its findings typed:
`record`) and the catalogs."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from permitguard.report import inventory, matrix
from permitguard.report.escape import anchor
from permitguard.report.places import rooms
from permitguard.report.record import NO_WORDS, FindingRecord, Words, records

if TYPE_CHECKING:
    from permitguard.clause_catalog import Clause, ClauseCatalog
    from permitguard.context import Context
    from permitguard.rule_catalog import RuleCatalog


@dataclass
class RuleGroup:
    rule_id: str
    title: dict[str, str]
    severity: str
    remediation: Words
    findings: list[FindingRecord] = field(default_factory=list)

    @property
    def rooms(self) -> list[tuple[str, int]]:
        """CKV_CNLIC_301: the new machine rooms its failures add, with how many resources each."""
        return [(name, len(members)) for name, members in rooms(self.findings)]


@dataclass
class ClauseGroup:
    number: int
    anchor: str
    clauses: list[Clause]
    rules: list[RuleGroup]


@dataclass
class View:
    doc: dict[str, Any]
    lang: str
    rows: list[matrix.Row]
    groups: list[ClauseGroup]
    anchors: dict[str, list[tuple[str, int]]]  # clause id -> (anchor, number) of the groups citing it
    failed: list[FindingRecord]  # not suppressed
    blocking: int  # of those, mandatory
    undetermined: list[FindingRecord]
    suppressed: list[FindingRecord]
    other: list[dict[str, Any]]  # one per (tool, check id) with counts
    other_failed: list[dict[str, Any]]
    places: list[inventory.Place]
    renewal: dict[str, Any]
    verdict: tuple[str, int]
    enforced: tuple[int, int]  # checkable clauses with a rule, checkable clauses


def _title(catalog: RuleCatalog, f: FindingRecord) -> dict[str, str]:
    if f.rule_id in catalog:
        t = catalog[f.rule_id].title
        return {"en": t.en, "zh": t.zh}
    return {"en": f.rule_name, "zh": f.rule_name}


def _groups(failed: list[FindingRecord], catalog: RuleCatalog, clauses: ClauseCatalog) -> list[ClauseGroup]:
    known, order = clauses.by_id(), clauses.order()
    grouped: dict[tuple[str, ...], dict[str, RuleGroup]] = defaultdict(dict)
    for f in failed:
        key = tuple(sorted(f.clauses, key=lambda c: order.get(c, 999)))
        rules = grouped[key]
        if f.rule_id not in rules:
            rules[f.rule_id] = RuleGroup(f.rule_id, _title(catalog, f), f.severity, f.remediation or NO_WORDS)
        rules[f.rule_id].findings.append(f)
    out = []
    for key in sorted(grouped, key=lambda k: [order.get(c, 999) for c in k]):
        cl = [known[c] for c in key if c in known]
        out.append(ClauseGroup(len(out) + 1, "g-" + anchor("-".join(key) or "none"), cl,
                               [grouped[key][r] for r in sorted(grouped[key])]))
    return out


def _renewal(lic: dict[str, Any], generated_at: str) -> dict[str, Any]:
    today = dt.date.fromisoformat(generated_at[:10])
    expires = dt.date.fromisoformat(lic["expires"])
    deadline = dt.date.fromisoformat(lic["renewal_deadline"]) if lic.get("renewal_deadline") else expires
    days = (deadline - today).days
    state = "days_left" if days >= 0 else ("days_over" if expires >= today else "expired")
    return {"deadline": deadline.isoformat(), "days": abs(days), "state": state}


def _other(doc: dict[str, Any]) -> list[dict[str, Any]]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for c in doc.get("other_checks", []):
        row = rows.setdefault((c["tool"], c["check_id"]), {"tool": c["tool"], "check_id": c["check_id"],
                                                           "name": c.get("check_name") or c["check_id"],
                                                           "passed": 0, "failed": 0, "skipped": 0})
        row[c["status"]] += 1
    return sorted(rows.values(), key=lambda r: (-r["failed"], r["tool"], r["check_id"]))


def build(doc: dict[str, Any], lang: str, ctx: Context) -> View:
    """The view of `doc` in `lang`, with the run's catalogs (rules, clauses, provinces)."""
    catalog = ctx.rules
    findings = records(doc["findings"], catalog)
    failed = [f for f in findings if f.status == "failed" and not f.suppressed]
    rows = matrix.build(findings, catalog, ctx.clauses, set(doc["license"].get("services") or {}) or None)
    groups = _groups(failed, catalog, ctx.clauses)
    anchors: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for g in groups:
        for c in g.clauses:
            anchors[c.id].append((g.anchor, g.number))
            if c.parent:
                anchors[c.parent].append((g.anchor, g.number))
    blocked = sum(f.blocking for f in failed)
    verdict = ("fail", blocked) if blocked else (("warn", len(failed)) if failed else ("pass", 0))
    verdict = verdict if findings else ("empty", 0)
    checkable = [r for r in rows if r.clause.checkable and r.state != "not_granted"]
    return View(doc=doc, lang=lang, rows=rows, groups=groups, anchors={k: list(dict.fromkeys(v))
                                                                      for k, v in anchors.items()},
                failed=failed, blocking=blocked,
                undetermined=[f for f in failed if f.undetermined],
                suppressed=[f for f in findings if f.suppressed], other=_other(doc),
                other_failed=[c for c in doc.get("other_checks", []) if c["status"] == "failed"],
                places=inventory.places(findings, doc["license"].get("services", {}), catalog, ctx.provinces),
                renewal=_renewal(doc["license"], doc["generated_at"]),
                verdict=verdict, enforced=(sum(r.state != "no_rule" for r in checkable), len(checkable)))
