"""The findings document of a scan written as the engine judges: the same text as `document.dumps` of
`document.build` (tests/report/test_streamed.py holds them equal), without the document form of each
finding (110,000 dicts for a 10,000-resource plan), without the findings themselves (each is encoded when
judged, then dropped) and without the whole text in memory.

A `Spool` takes each finding as it comes: its line goes to a temporary file (one per status and rule),
what the order needs (the address) and what the summary counts stay in memory. When the scan is done the
document is written: the head (summary exact, counted from every finding), then each file's lines in the
document's order, one file in memory at a time (at most one rule's verdicts of one status).

A line is the finding's document form encoded by the standard library's JSON encoder, in pieces: what is
the same for every finding of one rule, status and enforcement (`rule_id` … `clauses`, the remediation) is
encoded once, a resource's part once for all its findings (they come together: the engine judges a
resource at once), the rest (reason, messages, room) as JSON strings."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from permitguard.model import Finding, Resource, Status
from permitguard.report import compact, document, uncatalogued

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.engine import Judged
    from permitguard.rule_catalog import RuleCatalog


class Spool:
    """The findings of a scan, as lines in temporary files (closed with `close`, or `with`): one file per
    (status, rule), so that writing the document reads each file once, in the document's order, holding
    one file's lines at a time."""

    def __init__(self, rules: RuleCatalog) -> None:
        self._lines = _Lines(rules)
        self._buckets: dict[tuple[int, str], _Bucket] = {}
        self._tally = document.Tally()
        self._types: dict[tuple, str] = {}  # (file, address) → type, for the uncatalogued types
        self._last: Resource | None = None
        self._verdicts: set[str] = set()  # the tally's verdicts of the resource judged last
        self._part = ""
        self._refused: list[dict[str, Any]] = []  # findings whose suppression gave no reason
        self._rules = rules
        self._section = compact.Section()  # the compact not-applicable findings (report.compact)
        self._groups = _Bucket()  # their lines, one per resource, in the section's order
        self._reasons: dict[str, str] = {}  # the resource judged last: its compact findings' reasons
        self._admits: dict[tuple[str, str, str], bool] = {}  # `_admitted`'s answers

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        for bucket in (*self._buckets.values(), self._groups):
            bucket.file.close()

    def add(self, f: Finding) -> None:
        r, status = f.resource, _VALUES[f.status]
        if r is not self._last:  # a resource's part, encoded from its first finding
            self._end_group()
            self._last, self._part = r, self._lines.resource_part(f)
            self._verdicts = self._tally.resource(r.file, r.address)
            if isinstance(r.type, str):
                self._types.setdefault((r.file, r.address), r.type)
        if status == compact.NOT_APPLICABLE and self._compact(f):
            self._reasons[f.rule_id] = f.reason
        else:
            key = (document.ORDER[status], f.rule_id)
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket()
            bucket.add((r.address,), self._lines.line(f, self._part).encode("utf-8"))
        self._tally.count(self._verdicts, status, f.suppressed, f.enforcement)
        if f.unjustified is not None:
            self._refused.append({"rule_id": f.rule_id, "status": status,
                                 "resource": {"address": r.address, "file": r.file, "line": r.line}})

    def add_judged(self, judged: Judged) -> None:
        """One resource's verdicts as the engine judged them compactly (`engine.judge`): its findings in
        full, then its compact verdicts, each without a Finding unless its rule's entry in the section
        refuses it (then in full, as `add` would write it)."""
        compact = judged.compact
        for f in judged.findings:
            self.add(f)
        if not compact:
            return
        if judged.resource is not self._last:  # no finding in full: the resource's part from the first
            self.add(judged.finding(*compact[0]))
            compact = compact[1:]
        for rule_id, level, reason, verdict in compact:
            if rule_id in self._reasons or not self._admitted(rule_id, level, reason):
                self.add(judged.finding(rule_id, level, reason, verdict))
                continue
            self._reasons[rule_id] = reason
            self._tally.count(self._verdicts, compact_status, None, level)

    def _admitted(self, rule_id: str, level: str, reason: str) -> bool:
        """`Section.admit` of a compact verdict (its template refillable: `engine.judge` made sure), the
        answer kept per (rule, level, reason): a rule's entry, once made, never changes."""
        key = (rule_id, level, reason)
        known = self._admits.get(key)
        if known is None:
            meta = self._rules[rule_id]
            known = self._admits[key] = self._section.admit(
                rule_id, meta.name, meta.severity, level, meta.clauses, reason, meta.template_if_any(reason))
        return known

    def _compact(self, f: Finding) -> bool:
        """`document._compact` of the finding's document form, decided on the finding (its message rendered
        only when the engine did not know it to be its template refilled)."""
        if (f.suppressed is not None or f.room or f.suppressed_by or f.unjustified is not None or f.trail
                or f.rule_id in self._reasons):
            return False
        template = compact.template_refilled(self._rules, f.rule_id, f.reason, f.resource.address,
                                             f.resource.type, f.words.once, f.refilled)
        if template is None:
            return False
        return self._section.admit(f.rule_id, self._rules[f.rule_id].name, f.severity, f.enforcement,
                                   f.clauses, f.reason, template)

    def _end_group(self) -> None:
        """The compact findings of the resource judged last, as one line of the compact section."""
        if self._reasons:
            r = self._last
            line = compact.group_line(self._part, self._reasons, self._lines.encode)
            self._groups.add((r.address, min(self._reasons), len(self._groups.entries)), line.encode("utf-8"))
            self._reasons = {}

    @property
    def refused(self) -> list[dict[str, Any]]:
        """The findings whose suppression gave no reason (the text summary lists them), in document order."""
        return sorted(self._refused, key=document.order_key)

    def extend(self, findings: Iterable[Finding]) -> Spool:
        for f in findings:
            self.add(f)
        return self

    def head(self, ctx: Context, inputs: list[dict[str, Any]], generated_at: dt.datetime | None = None,
             skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """`document.build(findings, …)` without its "findings": every other part, the summary included."""
        kinds = uncatalogued.unknown_types_of(((f, a, t) for (f, a), t in self._types.items()), ctx.types)
        return document.header(self._tally.summary(), kinds, document.profile_dict(ctx.profile), ctx.as_of,
                               inputs, ctx.rules, generated_at, skipped=skipped, trails=self._lines.trails)

    def chunks(self, doc: dict[str, Any]) -> Iterator[str]:
        """The text of the document `doc` (a `head`, perhaps with more parts added) holding the spooled
        findings, in pieces to write one after the other: the document's order is (status, rule,
        address), each bucket's lines in address order (a stable sort: the scan's order among equals)."""
        self._end_group()
        return document.frame(doc, (line for key in sorted(self._buckets)
                                    for line in self._buckets[key].lines()),
                              compact.tail(self._section.table(), self._groups.lines(), self._lines.encode))


_VALUES = {s: s.value for s in Status}
compact_status = _VALUES[Status.NOT_APPLICABLE]
_FLUSH = 1 << 16  # bytes a bucket gathers before it writes them (every bucket holds up to this)


class _Bucket:
    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.entries: list[tuple[tuple, int, int, int]] = []  # order key, n, offset, length
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._size = 0

    def add(self, key: tuple, data: bytes) -> None:
        self.entries.append((key, len(self.entries), self._size + self._pending_size, len(data)))
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= _FLUSH:
            self._flush()

    def _flush(self) -> None:
        self.file.write(b"".join(self._pending))
        self._size += self._pending_size
        self._pending, self._pending_size = [], 0

    def lines(self) -> Iterator[str]:
        self._flush()
        self.file.flush()
        data = os.pread(self.file.fileno(), self._size, 0)
        for _, _, at, n in sorted(self.entries):
            yield data[at:at + n].decode("utf-8")


def text(findings: Iterable[Finding], ctx: Context, inputs: list[dict[str, Any]],
         generated_at: dt.datetime | None = None) -> str:
    """The whole streamed document of `findings` as one text."""
    with Spool(ctx.rules).extend(findings) as spool:
        return "".join(spool.chunks(spool.head(ctx, inputs, generated_at)))


_string = json.encoder.encode_basestring  # what the encoder (ensure_ascii=False) writes for a str


class _Lines:
    """Each finding's line, as `document.dumps` writes `document.finding_dict` of it."""

    def __init__(self, rules: RuleCatalog) -> None:
        self._rules = rules
        self._encode = self.encode = json.JSONEncoder(ensure_ascii=False).encode
        self._starts: dict[tuple, str] = {}
        self._fixes: dict[str, str] = {}
        self.trails: dict[str, list] = {}  # the resource-level trails the resource parts name (by id)

    def resource_part(self, f: Finding) -> str:
        return self._encode(document.resource_dict(f, self.trails))

    def _value(self, value: Any) -> str:
        if value is None:  # most findings are not suppressed: the encoder's whole path for "null"
            return "null"
        return _string(value) if type(value) is str else self._encode(value)

    def line(self, f: Finding, resource: str) -> str:
        key = (f.rule_id, f.status, f.severity, f.enforcement, f.clauses)
        start = self._starts.get(key)
        if start is None:
            meta = self._rules[f.rule_id]
            start = self._starts[key] = self._encode({
                "rule_id": f.rule_id, "rule_name": meta.name, "status": f.status.value,
                "severity": f.severity, "enforcement": f.enforcement, "clauses": list(f.clauses)})[:-1]
        en, zh = f.words.once()
        out = [start, ', "reason": ', self._value(f.reason), ', "suppressed": ', self._value(f.suppressed),
               ', "message": {"en": ', self._value(en), ', "zh": ', self._value(zh), "}"]
        if f.room:
            out += [', "room": ', self._value(f.room)]
        if f.status is Status.FAILED:
            out += [', "remediation": ', self._fix(f.rule_id)]
        if f.suppressed_by:
            out += [', "suppressed_by": ', self._value(f.suppressed_by)]
        if f.unjustified is not None:
            refused = {"en": f.unjustified.en, "zh": f.unjustified.zh}
            out += [', "suppression_refused": ', self._encode(refused)]
        if f.trail:
            out += [', "trail": ', self._encode([step.as_dict() for step in f.trail])]
        out += [', "resource": ', resource, "}"]
        return "    " + "".join(out)

    def _fix(self, rule_id: str) -> str:
        fix = self._fixes.get(rule_id)
        if fix is None:
            rem = self._rules[rule_id].remediation
            fix = self._fixes[rule_id] = self._encode({"en": rem.en, "zh": rem.zh})
        return fix
