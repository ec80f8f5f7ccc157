"""Baselines: the failures a team has reviewed and accepted until a date, in a reviewable YAML file
(schemas/baseline.schema.json), written by `permitguard baseline create` and honoured by `scan --baseline`.

An entry accepts exactly one rule on one resource: rule id, resource address and — when the entry names them —
the file it is declared in and the root module that creates it must all be equal. Nothing is matched by
pattern or by rule alone, so a new violation of the same rule on another resource, in another file or in
another root is never hidden (Checkov's baseline once matched by file and check id only).

Applied to a scan's findings:
- a failure an unexpired entry accepts is suppressed, with the entry's reason, who and until when;
- an entry past its expiry date accepts nothing: its failure counts again, and the entry itself is reported
  as expired (the scan fails, exit 1, until it is renewed or removed);
- an entry that accepts no failure of this scan is stale (the resource now passes, or is gone); in a scan of
  part of the configuration (--changed-since, --shard) an entry for a resource this scan did not read is not
  stale, only unseen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from permitguard import datafiles
from permitguard.errors import InputError
from permitguard.model import Finding, Status

SCHEMA = "baseline.schema.json"
MAX_BYTES = 4 << 20  # a baseline of 20,000 entries is about 4 MiB


Key = tuple[str, str, str | None, str | None]


def key(rule: str, address: str, file: str | None = None, root: str | None = None) -> Key:
    """The identity of one rule's verdict on one resource: rule id, address, and the file and root module
    when known. A baseline entry accepts the failure of its key; `report --compare` matches two audits'
    findings by it (a findings document names no root)."""
    return (rule, address, file, root)


@dataclass(frozen=True)
class Entry:
    rule: str
    address: str
    reason: str
    who: str
    expires: dt.date
    file: str | None = None
    root: str | None = None

    def accepts(self, f: Finding) -> bool:
        r = f.resource
        return (f.rule_id == self.rule and r.address == self.address
                and (self.file is None or r.file == self.file) and (self.root is None or r.root == self.root))

    def expired(self, today: dt.date) -> bool:
        return today > self.expires

    def describe(self) -> str:
        where = f" in {self.file}" if self.file else ""
        return f"{self.rule} {self.address}{where}"

    def as_dict(self) -> dict[str, str]:
        out = {"rule": self.rule, "address": self.address}
        if self.file:
            out["file"] = self.file
        if self.root:
            out["root"] = self.root
        return {**out, "reason": self.reason, "who": self.who, "expires": self.expires.isoformat()}


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[Entry, ...]
    license: str | None = None


@dataclass
class Outcome:
    """What a baseline did to one scan."""

    findings: list[Finding]
    matched: list[Entry] = field(default_factory=list)
    expired: list[Entry] = field(default_factory=list)
    stale: list[Entry] = field(default_factory=list)
    unseen: list[Entry] = field(default_factory=list)  # partial scans: the resource was not read

    def notes(self) -> list[str]:
        """What the baseline did, in a line each: expired entries fail the scan, stale ones are reported."""
        lines = [f"baseline: {len(self.matched)} accepted failure(s) suppressed"]
        lines += [f"baseline entry expired on {e.expires.isoformat()}: {e.describe()} — renew or remove it "
                  "(the failure counts again)" for e in self.expired]
        lines += [f"baseline entry is stale (matches no failure any more): {e.describe()} — remove it"
                  for e in self.stale]
        if self.unseen:
            lines.append(f"baseline: {len(self.unseen)} entr{'ies' if len(self.unseen) > 1 else 'y'} for "
                         "resources this partial scan did not read")
        return lines

    def as_dict(self, path: str) -> dict:
        return {"file": path, "matched": len(self.matched),
                "expired": [e.as_dict() for e in self.expired], "stale": [e.as_dict() for e in self.stale],
                "unseen": len(self.unseen)}


def load(path: str | Path) -> Baseline:
    """The baseline file, validated; InputError listing every problem with its path otherwise."""
    path = Path(path)
    label = f"baseline {path}"
    try:
        if not path.is_file():
            raise InputError(f"{label}: {'not a regular file' if path.exists() else 'no such file'}")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{label}: larger than the {MAX_BYTES:,} bytes a baseline may have")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{label}: cannot read: {exc.strerror or exc}") from None
    data = datafiles.parse_yaml(raw, label, InputError)
    problems = datafiles.schema_problems(data, SCHEMA)
    accepted = data.get("accepted") if isinstance(data, dict) else None
    keys = [key(e.get("rule"), e.get("address"), e.get("file"), e.get("root"))
            for e in (accepted if isinstance(accepted, list) else []) if isinstance(e, dict)]
    first: dict[tuple, int] = {}
    for i, k in enumerate(keys):
        if first.setdefault(k, i) != i:
            problems.append((f"$.accepted[{i}]", f"accepts the same failure as $.accepted[{first[k]}]"))
    datafiles.raise_if_any(label, problems, InputError)
    entries = tuple(
        Entry(rule=e["rule"], address=e["address"], reason=e["reason"].strip(), who=e["who"].strip(),
              expires=dt.date.fromisoformat(e["expires"]), file=e.get("file"), root=e.get("root"))
        for e in data["accepted"])
    return Baseline(str(path), entries, data.get("license"))


def apply(baseline: Baseline, findings: list[Finding], today: dt.date, partial: bool = False) -> Outcome:
    """The findings with the accepted failures suppressed, and what each entry did (see the module doc)."""
    out = Outcome(findings=[])
    used: set[Entry] = set()
    by_key: dict[tuple[str, str], list[Entry]] = {}
    for e in baseline.entries:
        by_key.setdefault((e.rule, e.address), []).append(e)
    for f in findings:
        entry = next((e for e in by_key.get((f.rule_id, f.resource.address), ()) if e.accepts(f)), None)
        if entry is None or f.status is not Status.FAILED or f.suppressed:
            out.findings.append(f)
            continue
        used.add(entry)
        if entry.expired(today):
            out.findings.append(f)
            continue
        reason = f"baseline: {entry.reason} (accepted by {entry.who} until {entry.expires.isoformat()})"
        out.findings.append(dataclasses.replace(f, suppressed=reason))
    read: dict[str, set[str | None]] = {}  # address -> files it was read in
    for f in findings:
        read.setdefault(f.resource.address, set()).add(f.resource.file)
    for e in baseline.entries:
        if e.expired(today):
            out.expired.append(e)
        elif e in used:
            out.matched.append(e)
        elif partial and not (e.address in read and (e.file is None or e.file in read[e.address])):
            out.unseen.append(e)
        else:
            out.stale.append(e)
    return out


def create(findings: Iterable[Finding], reason: str, who: str, expires: dt.date, license: str | None,
           today: dt.date) -> tuple[str, int]:
    """The baseline YAML accepting every failure of a scan that is not suppressed already, one entry each,
    and how many entries it holds."""
    if not reason.strip():
        raise InputError("baseline create: --reason may not be empty (a suppression must say why)")
    if not who.strip():
        raise InputError("baseline create: --who may not be empty")
    if expires <= today:
        raise InputError(f"baseline create: --expires {expires.isoformat()} is not after today ({today})")
    entries, seen = [], set()
    for f in findings:
        if f.status is not Status.FAILED or f.suppressed:
            continue
        e = Entry(f.rule_id, f.resource.address, reason.strip(), who.strip(), expires, f.resource.file,
                  f.resource.root)
        if key(e.rule, e.address, e.file, e.root) not in seen:
            seen.add(key(e.rule, e.address, e.file, e.root))
            entries.append(e)
    entries.sort(key=lambda e: (e.file or "", e.address, e.rule, e.root or ""))
    doc = {"version": 1, "license": license, "created": today.isoformat(),
           "accepted": [e.as_dict() for e in entries]}
    if license is None:
        del doc["license"]
    header = ("# permitguard baseline: failures reviewed and accepted until their expiry date.\n"
              "# Review it like code: each entry accepts one rule on one resource (rule, address, file).\n")
    import yaml  # only to write a baseline

    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110), len(entries)
