"""JUnit XML: one testsuite per rule, one testcase per (rule, resource). Failed → <failure>; not applicable
and suppressed → <skipped>. Other tools' checks (Checkov built-ins, other packs) follow, a suite per check."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from permitguard.report import deployed
from permitguard.report.escape import xml as _x
from permitguard.report.labels import joined, label
from permitguard.report.places import where
from permitguard.report.record import NO_WORDS, FindingRecord, records

if TYPE_CHECKING:
    from permitguard.context import Context


def _case(suite: ET.Element, name: str, classname: str, file: str | None, line: int | None) -> ET.Element:
    attrs = {"name": _x(name), "classname": _x(classname), "time": "0"}
    if file:
        attrs["file"] = _x(file)
    if line:
        attrs["line"] = str(line)
    return ET.SubElement(suite, "testcase", attrs)


def _details(f: FindingRecord, lang: str) -> str:
    r = f.resource
    place = " / ".join(str(v) for v in (r.region, r.zone, r.province, r.city) if v) or "unknown"
    return _x(f"{joined(f.message, lang)}\nwhere: {where(r)}{deployed.note(r, lang)}\nlocation: {place}\n"
              f"clauses: {', '.join(f.clauses)}\n"
              f"fix: {joined(f.remediation or NO_WORDS, lang)}"
              + ("" if f.refused is None else f"\nsuppression refused: {joined(f.refused, lang)}"))


def _suite(root: ET.Element, name: str, timestamp: str, props: dict[str, str]) -> ET.Element:
    suite = ET.SubElement(root, "testsuite", {"name": _x(name), "timestamp": timestamp[:19], "time": "0"})
    if props:
        holder = ET.SubElement(suite, "properties")
        for k, v in props.items():
            ET.SubElement(holder, "property", {"name": k, "value": _x(v)})
    return suite


def _count(suite: ET.Element) -> tuple[int, int, int]:
    cases = suite.findall("testcase")
    failures = sum(c.find("failure") is not None for c in cases)
    skipped = sum(c.find("skipped") is not None for c in cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return len(cases), failures, skipped


def _other_suites(root: ET.Element, other_checks: list[dict[str, Any]], stamp: str) -> None:
    """One suite per other tool's check (Checkov built-ins, other packs), one testcase per resource."""
    others: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in other_checks:
        others[(c["tool"], c["check_id"])].append(c)
    for (tool, check_id), checks in sorted(others.items()):
        suite = _suite(root, f"{tool} {check_id} {checks[0].get('check_name', '')}".strip(), stamp, {})
        for c in checks:
            case = _case(suite, c["resource"], f"{tool}.{check_id}", c.get("file"), c.get("line"))
            if c["status"] == "failed":
                failure = ET.SubElement(case, "failure", {"message": _x(c.get("check_name") or check_id),
                                                          "type": "other"})
                failure.text = _x(c.get("message") or c.get("guideline") or "")
            elif c["status"] == "skipped":
                ET.SubElement(case, "skipped", {"message": _x(f"suppressed: {c.get('suppressed') or ''}")})


def _unevaluated_suite(root: ET.Element, entries: list[dict[str, Any]], stamp: str, lang: str) -> None:
    """What an input could not evaluate at all (a file Checkov could not parse): a failure each."""
    if not entries:
        return
    suite = _suite(root, f"permitguard {label('unevaluated', 'en')}", stamp, {})
    for u in entries:
        case = _case(suite, u["subject"], "unevaluated", None, None)
        failure = ET.SubElement(case, "failure", {"message": _x(joined(u["reason"], lang)),
                                                  "type": "unevaluated"})
        failure.text = _x(f"input: {u['input']}")


def _skipped_suite(root: ET.Element, entries: list[dict[str, Any]], stamp: str, lang: str) -> None:
    """One suite listing what the scan did not read (and what Checkov would skip), a skipped testcase
    each: CI dashboards show them instead of losing them."""
    if not entries:
        return
    suite = _suite(root, f"permitguard {label('skipped_inputs', 'en')}", stamp, {})
    for s in entries:
        case = _case(suite, s["path"], f"skipped.{s['by']}", None, None)
        ET.SubElement(case, "skipped", {"message": _x(f"{s['reason']}: {joined(s['message'], lang)}")})


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", **_: Any) -> str:
    catalog = ctx.rules
    permit, stamp = doc["license"]["number"], doc["generated_at"]
    root = ET.Element("testsuites", {"name": f"permitguard {permit}", "time": "0"})
    by_rule: dict[str, list[FindingRecord]] = defaultdict(list)
    for f in records(doc["findings"], catalog):
        by_rule[f.rule_id].append(f)
    for rule_id in sorted(by_rule):
        first = by_rule[rule_id][0]
        title = catalog[rule_id].title.en if rule_id in catalog else first.rule_name
        suite = _suite(root, f"{rule_id} {title}", stamp, {
            "permit": permit, "clauses": ", ".join(first.clauses), "severity": first.severity})
        for f in sorted(by_rule[rule_id], key=lambda f: f.resource.address):
            r = f.resource
            case = _case(suite, r.address, rule_id, r.file, r.line)
            if f.suppressed:
                ET.SubElement(case, "skipped", {"message": _x(f"suppressed: {f.suppressed}")})
            elif f.status == "failed":
                failure = ET.SubElement(case, "failure", {"message": _x(joined(f.message, lang)),
                                                          "type": f.enforcement})
                failure.text = _details(f, lang)
            elif f.status == "not_applicable":
                why = joined(f.message, lang)
                ET.SubElement(case, "skipped", {"message": _x(f"not applicable: {why}")})
    _other_suites(root, doc.get("other_checks", []), stamp)
    _unevaluated_suite(root, doc.get("unevaluated", []), stamp, lang)
    _skipped_suite(root, doc.get("skipped_inputs", []), stamp, lang)
    totals = [_count(s) for s in root.findall("testsuite")]
    for i, key in enumerate(("tests", "failures", "skipped")):
        root.set(key, str(sum(t[i] for t in totals)))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
