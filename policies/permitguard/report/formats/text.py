"""Terminal output: failures first, grouped by rule, each with file:line, the location found and the fix.
Text from the inputs cannot reach the terminal as escape sequences, carriage returns or extra lines."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from permitguard.report import deployed
from permitguard.report.escape import visible
from permitguard.report.labels import words

if TYPE_CHECKING:  # the failures' part only: a summary (what `scan --output` prints) needs neither
    from permitguard.context import Context
    from permitguard.report.record import FindingRecord, ResourceRecord


def _location(r: ResourceRecord) -> str:
    if not r.region:
        return "location: unknown"
    place = ", ".join(x for x in (r.province, r.city) if x) or "province unknown"
    zone = f" / {r.zone}" if r.zone else ""
    return f"location: {r.provider} {r.region}{zone} → {place} ({r.territory})"


def _lines(f: FindingRecord, lang: str) -> list[str]:
    from permitguard.report.places import where

    r = f.resource
    tag = "SUPPRESSED" if f.suppressed else ("FAILED" if f.blocking else "WARN")
    out = [f"  [{tag}] {r.address}  ({where(r)}{deployed.note(r, lang, ', ')})"]
    if r.region:
        out.append(f"      {_location(r)}")
    if lang in ("en", "both"):
        out.append(f"      {f.message.en}")
    if lang in ("zh", "both"):
        out.append(f"      {f.message.zh}")
    if f.suppressed:
        out.append(f"      suppressed: {f.suppressed}")
    if f.refused is not None:
        out += [f"      ! {text}" for text in _langs((f.refused.en, f.refused.zh), lang)]
    return out


def _langs(texts: tuple[str, str], lang: str) -> list[str]:
    return [texts[0]] if lang == "en" else [texts[1]] if lang == "zh" else list(texts)


def _grouped(findings: list[FindingRecord], lang: str) -> list[str]:
    """A rule's failures; those of CKV_CNLIC_301 under the new machine room each adds."""
    from permitguard.report.places import room_line, rooms

    groups = rooms(findings)
    out: list[str] = []
    for name, members in groups:
        out.append(f"  {room_line(name, len(members), lang)}")
        out += [line for f in members for line in _lines(f, lang)]
    rest = [f for f in findings if f.adds_room is None] if groups else findings
    return out + [line for f in rest for line in _lines(f, lang)]


def _skipped(entries: list[dict[str, Any]], lang: str, shown: int = 20) -> list[str]:
    """What the scan walked past, then what Checkov would: each path with why (the first `shown`)."""
    out: list[str] = []
    for by, key in (("permitguard", "skipped_not_read"), ("checkov", "skipped_by_checkov")):
        mine = [s for s in entries if s["by"] == by]
        if not mine:
            continue
        out += [f"{text}: {len(mine)}" for text in _langs(words(key), lang)]
        for s in mine[:shown]:
            out += [f"  {s['path']}: {why}" for why in _langs((s["message"]["en"], s["message"]["zh"]), lang)]
        if len(mine) > shown:
            out.append(f"  … and {len(mine) - shown} more")
    return out


def _refused(findings: list[dict[str, Any]], lang: str, shown: int = 20) -> list[str]:
    """Suppressions that give no reason: not honoured (each verdict stands and is counted as it is)."""
    if not findings:
        return []
    out = [f"{text}: {len(findings)}" for text in _langs(words("suppressions_refused"), lang)]
    for f in findings[:shown]:
        r = f["resource"]
        at = f"{r['file']}:{r['line']}" if r.get("file") and r.get("line") else (r.get("file") or "?")
        out.append(f"  {f['rule_id']} {r['address']} ({at}): {f['status']}")
    if len(findings) > shown:
        out.append(f"  … and {len(findings) - shown} more")
    return out
def _date_label(doc: dict[str, Any]) -> str:
    """The summary's date, as it was ("as of") for changes; named for what is deployed."""
    key = deployed.date_key(doc)
    return "as of" if key == "as_of" else words(key)[0].lower()


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", summary_only: bool = False,
           refused: list[dict[str, Any]] | None = None) -> str:
    """The failures by rule (unless `summary_only`), then the summary of the scan. `refused`: the findings
    whose suppression gave no reason, where `doc` holds no findings (a streamed document's head)."""
    out: list[str] = []
    if not summary_only:
        from permitguard.report.record import records

        by_rule: dict[str, list[FindingRecord]] = defaultdict(list)
        for f in records([f for f in doc["findings"] if f["status"] == "failed"], ctx.rules):
            by_rule[f.rule_id].append(f)
        for rule_id in sorted(by_rule):
            first = by_rule[rule_id][0]
            out.append(
                f"{rule_id} {first.rule_name}  [{first.severity}, {first.enforcement}]  "
                f"clauses: {', '.join(first.clauses)}"
            )
            out += _grouped(by_rule[rule_id], lang)
            rem, (fix_en, fix_zh) = first.remediation, words("fix")
            out.append(f"  {fix_en} {rem.en}" if lang != "zh" else f"  {fix_zh}{rem.zh}")
            if lang == "both":
                out.append(f"  {fix_zh}{rem.zh}")
            out.append("")
    s, lic = doc["summary"], doc["license"]
    counts = s.get("findings", {})
    out.append(
        f"permitguard {doc['tool']['version']} · licence {lic['number']} ({lic['source']}: {lic['path']}) "
        f"· {_date_label(doc)} {doc['as_of']}"
    )
    out.append(f"inputs: {', '.join(i['path'] + ' [' + i['kind'] + ']' for i in doc['inputs'])}")
    out.append(
        f"resources: {s['resources']} = passed {s['passed']} + failed {s['failed']} + not applicable "
        f"{s['not_applicable']}; findings: {counts.get('failed', 0)} failed "
        f"({counts.get('blocking', 0)} blocking, {counts.get('suppressed', 0)} suppressed), "
        f"{counts.get('passed', 0)} passed"
    )
    for notice in doc.get("advisories", []):  # scan-level (CKV_CNLIC_701: renewal window, expired …)
        for lang_key in (("en", "zh") if lang == "both" else (lang,)):
            out.append(f"advisory {notice['rule_id']}: {notice['message'][lang_key]}")
    kinds = doc.get("unknown_types", [])
    if kinds:
        listed = ", ".join(f"{k['type']} ({k['resources']})" for k in kinds)
        out += [f"{text}: {listed}" for text in _langs(words("unknown_types"), lang)]
    out += _skipped(doc.get("skipped_inputs", []), lang)
    if refused is None:
        refused = [f for f in doc.get("findings", []) if f.get("suppression_refused")]
    out += _refused(refused, lang)
    unevaluated = [u["subject"] for u in doc.get("unevaluated", [])]
    if unevaluated:
        more = f", … and {len(unevaluated) - 3} more" if len(unevaluated) > 3 else ""
        out.append(f"could not be evaluated (never a pass): {len(unevaluated)}: "
                   f"{', '.join(unevaluated[:3])}{more}")
    return "\n".join(visible(line, newlines=False) for line in out) + "\n"
