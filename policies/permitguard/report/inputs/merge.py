"""One findings document from the Parts of every input: the licence and change date it is for, and each
result once."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from permitguard.errors import InputError
from permitguard.report import document
from permitguard.report.inputs.part import Part

if TYPE_CHECKING:
    from permitguard.context import Context


def licence_for(parts: list[Part], explicit: dict[str, Any] | None) -> dict[str, Any] | None:
    """The licence the report is for: --license if given, else the one the scan documents were judged
    against. Every scan document must have been judged against that very profile (same sha256)."""
    scanned = [p for p in parts if p.license]
    chosen = explicit or (scanned[0].license if scanned else None)
    for p in scanned:
        if chosen and (p.license["number"], p.license["sha256"]) != (chosen["number"], chosen["sha256"]):
            raise InputError(f"{p.inputs[0]['path']}: judged against licence {p.license['number']} "
                             f"(profile sha256 {p.license['sha256'][:12]}…), not {chosen['number']} "
                             f"(sha256 {chosen['sha256'][:12]}…): merge inputs judged against one profile")
    return chosen


def as_of_for(parts: list[Part], explicit: dt.date | None, generated_at: dt.datetime) -> dt.date:
    dates = [p.as_of for p in parts if p.as_of]
    return explicit or (dt.date.fromisoformat(max(dates)) if dates else generated_at.date())


def merge(parts: list[Part], license: dict[str, Any], as_of: dt.date, generated_at: dt.datetime,
          ctx: Context) -> dict[str, Any]:
    """One document from every input; a result reported twice (same rule, resource, verdict) counts once.
    Resources with one address in different files (two stacks, two plans), or located by different
    trails (one module called by two roots), are different resources."""
    findings: dict[tuple, list[dict[str, Any]]] = {}
    others: dict[tuple, dict[str, Any]] = {}
    for part in parts:
        for f in part.findings:
            r = f["resource"]
            same = findings.setdefault((f["rule_id"], r["address"], f["status"], f.get("suppressed")), [])
            if not any(_same_file(r.get("file"), g["resource"].get("file"))
                       and _same_trail(r.get("trail"), g["resource"].get("trail")) for g in same):
                same.append(f)
        for c in part.other_checks:
            others.setdefault((c["tool"], c["check_id"], c["resource"], c["status"], c.get("file")), c)
    listed = {(i["path"], i["kind"], i["sha256"], i.get("via")): i for p in parts for i in p.inputs}
    unevaluated = [u for p in parts for u in p.unevaluated]
    skipped = {(s["path"], s["input"], s["by"], s["reason"]): s for p in parts for s in p.skipped}
    return document.assemble([f for same in findings.values() for f in same], license, as_of,
                             list(listed.values()), ctx.rules, ctx.types, generated_at,
                             sorted(others.values(), key=_other_key), unevaluated, list(skipped.values()),
                             {key: steps for p in parts for key, steps in p.trails.items()})


def _same_file(a: str | None, b: str | None) -> bool:
    """One file named twice: unknown on either side, or one path a suffix of the other (Checkov names files
    relative to its root, permitguard relative to where it ran)."""
    if not a or not b:
        return True
    a, b = "/" + a.removeprefix("./").lstrip("/"), "/" + b.removeprefix("./").lstrip("/")
    return a.endswith(b) or b.endswith(a)


def _same_trail(a: str | None, b: str | None) -> bool:
    """One resource as far as its trails tell: unknown on either side (another tool's output names none),
    or the same trail (a digest of how it was located: the root that called its module, its provider)."""
    return not a or not b or a == b


def _other_key(c: dict[str, Any]) -> tuple:
    order = {"failed": 0, "skipped": 1, "passed": 2}
    return order[c["status"]], c["check_id"], c["resource"], c.get("file") or ""
