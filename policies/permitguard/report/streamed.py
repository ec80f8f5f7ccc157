"""The findings document of a scan written as it is encoded: the same text as `document.dumps` of
`document.build` (tests/report/test_streamed.py holds them equal), made from the engine's Findings without
the document form of each finding (110,000 dicts for a 10,000-resource plan) and without the whole text in
memory. The summary is exact: it is counted from the Findings before the first line is written.

Each finding's line is its document form encoded by the standard library's JSON encoder, in pieces: what is
the same for every finding of one rule, status and enforcement (`rule_id` … `clauses`, the remediation) is
encoded once, a resource's part once for all its findings, and the rest (reason, messages, room) as
JSON strings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from permitguard.model import Finding, Status
from permitguard.report import document, uncatalogued

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.rule_catalog import RuleCatalog


def head(findings: list[Finding], ctx: Context, inputs: list[dict[str, Any]],
         generated_at: dt.datetime | None = None,
         skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """`document.build(findings, …)` without its "findings": every other part, the summary included."""
    summary = document.summary_of(
        (f.status.value, f.suppressed, f.enforcement, f.resource.file, f.resource.address) for f in findings)
    kinds = uncatalogued.unknown_types_of(
        ((f.resource.file, f.resource.address, f.resource.type) for f in findings
         if isinstance(f.resource.type, str)), ctx.types)
    return document.header(summary, kinds, document.profile_dict(ctx.profile), ctx.as_of, inputs, ctx.rules,
                           generated_at, skipped=skipped)


def chunks(doc: dict[str, Any], findings: list[Finding], rules: RuleCatalog) -> Iterator[str]:
    """The text of the document `doc` (a `head`, perhaps with more parts added) holding `findings`, in
    pieces to write one after the other."""
    lines = _Lines(rules)
    resources = lines.resource_parts(findings)  # in the scan's order, as `build` shares them
    ordered = sorted(findings, key=lambda f: (document.ORDER[f.status.value], f.rule_id, f.resource.address))
    return document.frame(doc, (lines.line(f, resources[id(f.resource)]) for f in ordered))


def text(doc: dict[str, Any], findings: list[Finding], rules: RuleCatalog) -> str:
    return "".join(chunks(doc, findings, rules))


_string = json.encoder.encode_basestring  # what the encoder (ensure_ascii=False) writes for a str


class _Lines:
    """Each finding's line, as `document.dumps` writes `document.finding_dict` of it."""

    def __init__(self, rules: RuleCatalog) -> None:
        self._rules = rules
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._starts: dict[tuple, str] = {}
        self._fixes: dict[str, str] = {}

    def resource_parts(self, findings: list[Finding]) -> dict[int, str]:
        """Each resource's part, encoded from its first finding (the findings of one resource share it)."""
        parts: dict[int, str] = {}
        for f in findings:
            if id(f.resource) not in parts:
                parts[id(f.resource)] = self._encode(document.resource_dict(f))
        return parts

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
