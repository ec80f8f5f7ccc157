"""Since the last audit (`permitguard report --compare OLD.json NEW.json`): per clause and per resource,
what became compliant, what newly fails, what disappeared and what is new.

Two findings documents are matched finding by finding on the baseline's key (`baseline.key`: rule id,
resource address, file), so a failure of the same rule on another resource or in another file is another
finding. Per key, the verdict is the worst of its findings (failed, else suppressed, else passed, else not
applicable). A document that is not a permitguard findings document is refused (exit 2, one line); two
documents judged against different permits or licence profiles are compared, and every output says so."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from permitguard import baseline, datafiles, safe_files
from permitguard.errors import InputError
from permitguard.report import compact, matrix
from permitguard.report.inputs import lone_surrogate, scan_json
from permitguard.report.record import FindingRecord, records

if TYPE_CHECKING:
    from permitguard.context import Context

# What happened to one rule's verdict on one resource between the two audits, in the order shown: newly
# fails (was there, not failing), new (a failure of a key OLD has not), became compliant, disappeared (a
# failure of a key NEW has not), still fails, unchanged.
KINDS = ("regressed", "added", "fixed", "gone", "still_failing", "unchanged")
FAILING = "failed"


def load(path: str | Path) -> dict[str, Any]:
    """A permitguard findings document (`scan --format json`, or `report --format json`), validated; any
    other file is unusable input, said in one line."""
    raw = safe_files.read_bytes(Path(path), "findings document", safe_files.JSON_LIMIT)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError(f"{path}: not JSON: `--compare` reads two permitguard findings documents "
                         "(`permitguard scan --format json`)") from None
    if lone_surrogate(raw.decode("utf-8"), doc):
        raise InputError(f"{path}: a string holds a lone UTF-16 surrogate (\\ud800-\\udfff unpaired), "
                         "which is no Unicode text: not a permitguard findings document")
    if not scan_json.looks_like(doc):
        raise InputError(f"{path}: not a permitguard findings document (no tool permitguard): `--compare` "
                         "reads two (`permitguard scan --format json`)")
    errors = datafiles.schema_errors("findings.schema.json", doc)
    if errors:
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise InputError(f"{path}: not a valid permitguard findings document: {errors[0]}{more}")
    return compact.expand(doc, str(path))


def _verdict(findings: list[FindingRecord]) -> str:
    if any(f.status == FAILING and not f.suppressed for f in findings):
        return "failed"
    if any(f.suppressed for f in findings):
        return "suppressed"
    return "passed" if any(f.status == "passed" for f in findings) else "not_applicable"


def _kind(old: str | None, new: str | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "gone"
    if old == FAILING and new != FAILING:
        return "fixed"
    if old != FAILING and new == FAILING:
        return "regressed"
    return "still_failing" if new == FAILING else "unchanged"


@dataclass
class Change:
    """One rule on one resource: its verdict in each audit (None: not there)."""

    rule_id: str
    address: str
    file: str | None
    old: str | None
    new: str | None
    kind: str
    clauses: tuple[str, ...]
    latest: FindingRecord  # the newest of its findings (NEW's, else OLD's): message, location, blocking

    @property
    def blocking(self) -> bool:
        return self.new == FAILING and self.latest.blocking

    @property
    def worth_showing(self) -> bool:
        """A verdict that appears or disappears is told when it is a failure: a new resource's passes and a
        removed one's not-applicables are no news (the per-resource table says the resource came or went)."""
        return self.kind not in ("added", "gone") or FAILING in (self.old, self.new)


@dataclass
class ClauseChange:
    clause: Any  # clause_catalog.Clause
    sub_item: bool
    old: str  # matrix state
    new: str
    counts: dict[str, int]  # KINDS -> changes citing the clause (a provision rolls up its sub-items)


@dataclass
class ResourceChange:
    address: str
    file: str | None
    presence: str  # both | added | gone
    counts: dict[str, int]
    changes: list[Change]


@dataclass
class Comparison:
    old: dict[str, Any]
    new: dict[str, Any]
    old_path: str
    new_path: str
    changes: list[Change]
    clauses: list[ClauseChange]
    resources: list[ResourceChange]
    notes: list[str] = field(default_factory=list)  # label keys: different_permit, different_profile

    def of(self, kind: str) -> list[Change]:
        """The changes of one kind worth a reader's look (`Change.worth_showing`)."""
        return [c for c in self.changes if c.kind == kind and c.worth_showing]

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in KINDS}

    @property
    def newly_blocking(self) -> int:
        """Mandatory failures that NEW has and OLD had not: what fails this comparison (exit 1)."""
        return sum(c.blocking for c in self.changes if c.kind in ("regressed", "added"))


def _keyed(doc: dict[str, Any], ctx: Context) -> tuple[list[FindingRecord], dict[baseline.Key, list]]:
    found = records(doc["findings"], ctx.rules)
    keyed: dict[baseline.Key, list[FindingRecord]] = defaultdict(list)
    for f in found:
        keyed[baseline.key(f.rule_id, f.resource.address, f.resource.file)].append(f)
    return found, keyed


def _rows(found: list[FindingRecord], doc: dict[str, Any], ctx: Context) -> list[matrix.Row]:
    return matrix.build(found, ctx.rules, ctx.clauses, set(doc["license"].get("services") or {}) or None)


def compare(old: dict[str, Any], new: dict[str, Any], ctx: Context, old_path: str = "OLD",
            new_path: str = "NEW") -> Comparison:
    old_found, old_keys = _keyed(old, ctx)
    new_found, new_keys = _keyed(new, ctx)
    changes = []
    for key in list(old_keys) + [k for k in new_keys if k not in old_keys]:
        before, after = old_keys.get(key), new_keys.get(key)
        latest = (after or before)[0]
        o = _verdict(before) if before else None
        n = _verdict(after) if after else None
        changes.append(Change(key[0], key[1], key[2], o, n, _kind(o, n), latest.clauses, latest))
    rank = {k: i for i, k in enumerate(KINDS)}
    changes.sort(key=lambda c: (rank[c.kind], c.rule_id, c.address, c.file or ""))
    notes = []
    if old["license"]["number"] != new["license"]["number"]:
        notes.append("different_permit")
    elif old["license"]["sha256"] != new["license"]["sha256"]:
        notes.append("different_profile")
    return Comparison(old, new, old_path, new_path, changes,
                      _clauses(changes, _rows(old_found, old, ctx), _rows(new_found, new, ctx), ctx),
                      _resources(changes, old_found, new_found), notes)


def _clauses(changes: list[Change], old_rows: list[matrix.Row], new_rows: list[matrix.Row],
             ctx: Context) -> list[ClauseChange]:
    children: dict[str, list[str]] = defaultdict(list)
    for c in ctx.clauses:
        if c.parent:
            children[c.parent].append(c.id)
    before = {r.clause.id: r.state for r in old_rows}
    out = []
    for row in new_rows:
        ids = {row.clause.id, *children.get(row.clause.id, [])}
        counts = dict.fromkeys(KINDS, 0)
        for c in changes:
            if c.worth_showing and ids & set(c.clauses):
                counts[c.kind] += 1
        out.append(ClauseChange(row.clause, row.sub_item, before.get(row.clause.id, "not_evaluated"),
                                row.state, counts))
    return out


def _resources(changes: list[Change], old_found: list[FindingRecord], new_found: list[FindingRecord]
               ) -> list[ResourceChange]:
    def place(f: FindingRecord) -> tuple[str, str | None]:
        return f.resource.address, f.resource.file

    was, now = {place(f) for f in old_found}, {place(f) for f in new_found}
    grouped: dict[tuple[str, str | None], list[Change]] = defaultdict(list)
    for c in changes:
        grouped[(c.address, c.file)].append(c)
    out = []
    for (address, file), items in grouped.items():
        presence = "both" if (address, file) in was and (address, file) in now else (
            "added" if (address, file) in now else "gone")
        counts = dict.fromkeys(KINDS, 0)
        for c in items:
            counts[c.kind] += c.worth_showing
        if presence == "both" and not (counts["regressed"] or counts["fixed"] or counts["added"]
                                       or counts["gone"]):
            continue  # nothing changed on it: the clause table counts it
        out.append(ResourceChange(address, file, presence, counts, items))
    order = {"added": 1, "gone": 2, "both": 0}
    out.sort(key=lambda r: (order[r.presence], -r.counts["regressed"] - r.counts["added"], r.address,
                            r.file or ""))
    return out


def as_json(cmp: Comparison) -> dict[str, Any]:
    """The comparison as data (`--format json`)."""
    def side(doc: dict[str, Any], path: str) -> dict[str, Any]:
        lic = doc["license"]
        return {"path": path, "generated_at": doc["generated_at"], "as_of": doc["as_of"],
                "permit": lic["number"], "profile_sha256": lic["sha256"],
                "inputs": doc["inputs"], "summary": doc["summary"]}

    return {
        "tool": cmp.new["tool"], "comparison": {"old": side(cmp.old, cmp.old_path),
                                                "new": side(cmp.new, cmp.new_path)},
        "notes": cmp.notes, "counts": cmp.counts, "newly_blocking": cmp.newly_blocking,
        "clauses": [{"clause": c.clause.id, "old": c.old, "new": c.new, **c.counts} for c in cmp.clauses],
        "resources": [{"address": r.address, "file": r.file, "presence": r.presence, **r.counts}
                      for r in cmp.resources],
        "changes": [{"kind": c.kind, "rule_id": c.rule_id, "address": c.address, "file": c.file,
                     "old": c.old, "new": c.new, "clauses": list(c.clauses),
                     "message": {"en": c.latest.message.en, "zh": c.latest.message.zh}}
                    for c in cmp.changes if c.kind != "unchanged" and c.worth_showing],
    }
