"""The findings document of a scan written as the engine judges: the same text as `document.dumps` of
`document.build` (tests/report/test_streamed.py holds them equal), without the document form of each
finding (110,000 dicts for a 10,000-resource plan), without the findings themselves (each is encoded when
judged, then dropped) and without the whole text in memory.

A `Spool` takes each finding as it comes: its line goes to a temporary file, what the order needs (status,
rule, address) and what the summary counts stay in memory. When the scan is done the document is written:
the head (summary exact, counted from every finding), then the lines read back from the spool in the
document's order.

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
from permitguard.report import document, uncatalogued

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.rule_catalog import RuleCatalog


class Spool:
    """The findings of a scan, as lines in a temporary file (closed with `close`, or `with`)."""

    def __init__(self, rules: RuleCatalog) -> None:
        self._lines = _Lines(rules)
        self._file = tempfile.TemporaryFile()
        self._size = 0
        self._index: list[tuple[int, str, str, int, int, int]] = []  # order, rule, address, n, offset, length
        self._tally = document.Tally()
        self._types: dict[tuple, str] = {}  # (file, address) → type, for the uncatalogued types
        self._last: Resource | None = None
        self._part = ""

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def add(self, f: Finding) -> None:
        r = f.resource
        if r is not self._last:  # a resource's part, encoded from its first finding
            self._last, self._part = r, self._lines.resource_part(f)
        data = self._lines.line(f, self._part).encode("utf-8")
        order = document.ORDER[f.status.value]
        self._index.append((order, f.rule_id, r.address, len(self._index), self._size, len(data)))
        self._file.write(data)
        self._size += len(data)
        self._tally.add(f.status.value, f.suppressed, f.enforcement, r.file, r.address)
        if isinstance(r.type, str):
            self._types.setdefault((r.file, r.address), r.type)

    def extend(self, findings: Iterable[Finding]) -> Spool:
        for f in findings:
            self.add(f)
        return self

    def head(self, ctx: Context, inputs: list[dict[str, Any]], generated_at: dt.datetime | None = None,
             skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """`document.build(findings, …)` without its "findings": every other part, the summary included."""
        kinds = uncatalogued.unknown_types_of(((f, a, t) for (f, a), t in self._types.items()), ctx.types)
        return document.header(self._tally.summary(), kinds, document.profile_dict(ctx.profile), ctx.as_of,
                               inputs, ctx.rules, generated_at, skipped=skipped)

    def chunks(self, doc: dict[str, Any]) -> Iterator[str]:
        """The text of the document `doc` (a `head`, perhaps with more parts added) holding the spooled
        findings, in pieces to write one after the other (each line read back from the spool)."""
        self._file.flush()
        fd = self._file.fileno()  # read line by line (a mapping of the spool would count as the process's)
        lines = (os.pread(fd, n, at).decode("utf-8") for *_, at, n in sorted(self._index))
        yield from document.frame(doc, lines)


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
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._starts: dict[tuple, str] = {}
        self._fixes: dict[str, str] = {}

    def resource_part(self, f: Finding) -> str:
        return self._encode(document.resource_dict(f))

    def _value(self, value: Any) -> str:
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
        out += [', "resource": ', resource, "}"]
        return "    " + "".join(out)

    def _fix(self, rule_id: str) -> str:
        fix = self._fixes.get(rule_id)
        if fix is None:
            rem = self._rules[rule_id].remediation
            fix = self._fixes[rule_id] = self._encode({"en": rem.en, "zh": rem.zh})
        return fix
