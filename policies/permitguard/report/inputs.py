"""`permitguard report` inputs: tell each file's kind, read it into a Part, merge Parts into one document.

Kinds: permitguard scan JSON (`permitguard scan --format json`), Checkov JSON (`checkov -o json`) and a
Pulumi engine event log (`pulumi preview --event-log FILE`). Anything else is unusable input (exit 2).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from permitguard import datafiles, safe_files
from permitguard.errors import InputError
from permitguard.report import checkov_json, document, pulumi_events
from permitguard.report.parts import Part
from permitguard.rule_catalog import RuleCatalog

PERMITGUARD = "permitguard"
KINDS = "a permitguard scan JSON, Checkov JSON (`checkov -o json`) or a Pulumi event log (`--event-log`)"


def read(path: Path, rules: RuleCatalog) -> Part:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: a directory; `permitguard report` reads {KINDS} (scan directories with "
                         "`permitguard scan`)")
    raw = safe_files.read_bytes(path, "report input", safe_files.JSON_LIMIT)  # regular file, bounded
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; expected {KINDS}") from None
    listing = {"path": str(path), "sha256": hashlib.sha256(raw).hexdigest()}
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        events = pulumi_events.parse_lines(text, str(path))
        if events is None:
            raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                             f"truncated?) and not a Pulumi event log; expected {KINDS}") from None
        return _with(pulumi_events.read(events, str(path), rules), listing, "pulumi_event_log")
    tool = data.get("tool") if isinstance(data, dict) else None
    if isinstance(tool, dict) and tool.get("name") == PERMITGUARD:
        return _scan_doc(data, str(path), listing)
    if checkov_json.looks_like(data):
        return _with(checkov_json.read(data, str(path), rules), listing, "checkov_json")
    if pulumi_events.looks_like(data):  # a one-event log
        return _with(pulumi_events.read([data], str(path), rules), listing, "pulumi_event_log")
    raise InputError(f"{path}: JSON of an unknown kind; expected {KINDS}")


def _with(part: Part, listing: dict[str, Any], kind: str) -> Part:
    part.inputs = [{"path": listing["path"], "kind": kind, "sha256": listing["sha256"]}]
    return part


def _scan_doc(doc: dict[str, Any], path: str, listing: dict[str, Any]) -> Part:
    errors = datafiles.schema_errors("findings.schema.json", doc)
    if errors:
        shown = "\n".join(f"  - {e}" for e in errors[:10])
        more = f"\n  … and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise InputError(f"{path}: not a valid permitguard findings document:\n{shown}{more}")
    own = {"path": listing["path"], "kind": "permitguard_json", "sha256": listing["sha256"]}
    return Part(inputs=[own] + [{**i, "via": i.get("via", path)} for i in doc["inputs"]],
                findings=list(doc["findings"]), other_checks=list(doc.get("other_checks", [])),
                unevaluated=list(doc.get("unevaluated", [])), license=doc["license"], as_of=doc["as_of"],
                skipped=list(doc.get("skipped_inputs", [])))


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


def merge(parts: list[Part], license: dict[str, Any], as_of: dt.date,
          generated_at: dt.datetime) -> dict[str, Any]:
    """One document from every input; a result reported twice (same rule, resource, verdict) counts once.
    Resources with one address in different files (two stacks, two plans) are different resources."""
    findings: dict[tuple, list[dict[str, Any]]] = {}
    others: dict[tuple, dict[str, Any]] = {}
    for part in parts:
        for f in part.findings:
            r = f["resource"]
            same = findings.setdefault((f["rule_id"], r["address"], f["status"], f.get("suppressed")), [])
            if not any(_same_file(r.get("file"), g["resource"].get("file")) for g in same):
                same.append(f)
        for c in part.other_checks:
            others.setdefault((c["tool"], c["check_id"], c["resource"], c["status"], c.get("file")), c)
    listed = {(i["path"], i["kind"], i["sha256"], i.get("via")): i for p in parts for i in p.inputs}
    unevaluated = [u for p in parts for u in p.unevaluated]
    skipped = {(s["path"], s["input"], s["by"], s["reason"]): s for p in parts for s in p.skipped}
    return document.assemble([f for same in findings.values() for f in same], license, as_of,
                             list(listed.values()), generated_at, sorted(others.values(), key=_other_key),
                             unevaluated, list(skipped.values()))


def _same_file(a: str | None, b: str | None) -> bool:
    """One file named twice: unknown on either side, or one path a suffix of the other (Checkov names files
    relative to its root, permitguard relative to where it ran)."""
    if not a or not b:
        return True
    a, b = "/" + a.removeprefix("./").lstrip("/"), "/" + b.removeprefix("./").lstrip("/")
    return a.endswith(b) or b.endswith(a)


def _other_key(c: dict[str, Any]) -> tuple:
    order = {"failed": 0, "skipped": 1, "passed": 2}
    return order[c["status"]], c["check_id"], c["resource"], c.get("file") or ""
