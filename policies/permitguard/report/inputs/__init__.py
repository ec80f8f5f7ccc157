"""`permitguard report` inputs: tell each file's kind and read it into a Part with that kind's reader (one
module per format); `merge` makes one document of the Parts.

Kinds: permitguard scan JSON (`permitguard scan --format json`: `scan_json`), Checkov JSON
(`checkov -o json`: `checkov_json`) and a Pulumi engine event log (`pulumi preview --event-log FILE`:
`pulumi_events`). Anything else is unusable input (exit 2).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from permitguard import safe_files
from permitguard.errors import InputError
from permitguard.report.inputs import checkov_json, pulumi_events, scan_json
from permitguard.report.inputs.merge import as_of_for, licence_for, merge
from permitguard.report.inputs.part import Part
from permitguard.rule_catalog import RuleCatalog

__all__ = ["KINDS", "Part", "as_of_for", "licence_for", "lone_surrogate", "merge", "read"]
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
        _unicode(path, text, events)
        return _with(pulumi_events.read(events, str(path), rules), listing, "pulumi_event_log")
    except RecursionError:
        raise InputError(f"{path}: JSON nested deeper than a report input can be; expected {KINDS}") from None
    _unicode(path, text, data)
    if scan_json.looks_like(data):
        return scan_json.read(data, str(path), listing)
    if checkov_json.looks_like(data):
        return _with(checkov_json.read(data, str(path), rules), listing, "checkov_json")
    if pulumi_events.looks_like(data):  # a one-event log
        return _with(pulumi_events.read([data], str(path), rules), listing, "pulumi_event_log")
    raise InputError(f"{path}: JSON of an unknown kind; expected {KINDS}")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")  # a pair's half, or a lone one


def lone_surrogate(text: str, data: Any) -> bool:
    """Whether JSON `text`, parsed as `data`, holds a string with a UTF-16 surrogate escape that has no
    partner (`"\\ud800"`): JSON allows it, no Unicode text holds it, and no output could be written with it.
    The text is searched first; only a document with such escapes is checked value by value."""
    if not _SURROGATE_ESCAPE.search(text):
        return False
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _unicode(path: Path, text: str, data: Any) -> None:
    if lone_surrogate(text, data):
        raise InputError(f"{path}: a string holds a lone UTF-16 surrogate (\\ud800-\\udfff unpaired), "
                         f"which is no Unicode text; expected {KINDS}")


def _with(part: Part, listing: dict[str, Any], kind: str) -> Part:
    part.inputs = [{"path": listing["path"], "kind": kind, "sha256": listing["sha256"]}]
    return part
