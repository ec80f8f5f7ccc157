"""SARIF 2.1.0: one run for permitguard's rules (catalog metadata, clauses, help in English and Chinese), and
one run per other tool whose results the inputs carried (Checkov built-ins, other policy packs)."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from permitguard.report import deployed
from permitguard.report.escape import everywhere
from permitguard.report.labels import joined
from permitguard.report.record import FindingRecord, records

if TYPE_CHECKING:
    from permitguard.clause_catalog import Clause
    from permitguard.context import Context
    from permitguard.rule_catalog import RuleMeta

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"mandatory": "error", "advisory": "warning", "disabled": "note"}
PLACE = ("provider", "region", "zone", "territory", "province", "city", "service")
SECURITY_SEVERITY = {"CRITICAL": "9.5", "HIGH": "7.5", "MEDIUM": "5.0", "LOW": "3.0", "INFO": "0.0"}


def _rule(meta: RuleMeta, permit: str, cites: dict[str, Clause]) -> dict[str, Any]:
    clauses = ", ".join(meta.clauses)
    cites_zh = "、".join(cites[c].cite_zh if c in cites else c for c in meta.clauses)
    return {
        "id": meta.id, "name": meta.name,
        "shortDescription": {"text": meta.title.en},
        "fullDescription": {"text": f"{meta.title.en} ({meta.title.zh}). "
                                    f"Permit {permit}, clauses {clauses}."},
        "help": {"text": f"How to fix: {meta.remediation.en}\n修复方法：{meta.remediation.zh}\n"
                         f"Clauses: {clauses} ({cites_zh})",
                 "markdown": f"**How to fix:** {meta.remediation.en}\n\n"
                             f"**修复方法：** {meta.remediation.zh}\n\n"
                             f"**Clauses / 条款:** {clauses} ({cites_zh})"},
        "defaultConfiguration": {"level": LEVEL[meta.enforcement]},
        "properties": {"clauses": list(meta.clauses), "clauses_zh": cites_zh, "title_zh": meta.title.zh,
                       "severity": meta.severity, "security-severity": SECURITY_SEVERITY[meta.severity],
                       "family": meta.family,
                       "tags": ["compliance", "security", f"permit-{permit}", *meta.clauses]},
    }


def _uri(path: str) -> dict[str, str]:
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path.removeprefix("./")), "uriBaseId": "%SRCROOT%"}


def _location(address: str, file: str | None, line: int | None) -> dict[str, Any]:
    loc: dict[str, Any] = {"logicalLocations": [{"fullyQualifiedName": address, "kind": "resource"}]}
    if file:
        physical: dict[str, Any] = {"artifactLocation": _uri(file)}
        if isinstance(line, int) and line >= 1:
            physical["region"] = {"startLine": line}
        loc["physicalLocation"] = physical
    return loc


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _result(f: FindingRecord, index: int, lang: str) -> dict[str, Any]:
    r = f.resource
    out: dict[str, Any] = {
        "ruleId": f.rule_id, "ruleIndex": index, "level": LEVEL.get(f.enforcement, "warning"),
        "kind": "fail",
        "message": {"text": joined(f.message, lang)},
        "locations": [_location(r.address, r.file, r.line)],
        "partialFingerprints": {"permitguardFinding/v1": _fingerprint(f.rule_id, r.address)},
        "properties": {"clauses": list(f.clauses), "severity": f.severity, "enforcement": f.enforcement,
                       "reason": f.reason, "message_zh": f.message.zh,
                       "location": {k: getattr(r, k) for k in PLACE}},
    }
    if f.suppressed:
        out["suppressions"] = [{"kind": "inSource" if r.file else "external", "justification": f.suppressed}]
    if f.refused is not None:  # a skip without a reason: no SARIF suppression, the result stands
        out["properties"]["suppressionRefused"] = joined(f.refused, lang)
    return out


def _permitguard_run(doc: dict[str, Any], lang: str, ctx: Context) -> dict[str, Any]:
    permit = doc["license"]["number"]
    cites = ctx.clauses.by_id()
    rules = [_rule(m, permit, cites) for m in ctx.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in records([f for f in doc["findings"] if f["status"] == "failed"], ctx.rules):
        if f.rule_id not in index:  # a scan document from another catalog version
            index[f.rule_id] = len(rules)
            rules.append({"id": f.rule_id, "name": f.rule_name,
                          "properties": {"clauses": list(f.clauses), "severity": f.severity}})
        results.append(_result(f, index[f.rule_id], lang))
    return {
        "tool": {"driver": {"name": "permitguard", "version": doc["tool"]["version"],
                            "semanticVersion": doc["tool"]["version"], "rules": rules}},
        "invocations": [{"executionSuccessful": True, "endTimeUtc": doc["generated_at"],
                         "toolExecutionNotifications": [
                             *(_unevaluated(u, lang) for u in doc.get("unevaluated", [])),
                             *(_skipped(s, lang) for s in doc.get("skipped_inputs", []))]}],
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory that was scanned."}}},
        "results": results,
        "properties": {"permit": permit, "holder": doc["license"]["holder"], "asOf": doc["as_of"],
                       "inputs": doc["inputs"], "summary": doc["summary"],
                       "skippedInputs": doc.get("skipped_inputs", []),
                       "unevaluated": doc.get("unevaluated", []),
                       **({"asOfMeaning": "scan date (as deployed)"} if deployed.any_deployed(doc) else {})},
    }


def _unevaluated(u: dict[str, Any], lang: str) -> dict[str, Any]:
    """What an input could not evaluate at all (a file Checkov could not parse): an error, never a pass."""
    return {"level": "error", "descriptor": {"id": "unevaluated"},
            "message": {"text": f"{u['subject']}: {joined(u['reason'], lang)}"},
            "properties": {"input": u["input"], "subject": u["subject"]}}


def _skipped(s: dict[str, Any], lang: str) -> dict[str, Any]:
    """A skipped input as a notification: a warning when this scan did not read it, a note when only
    Checkov would skip it."""
    return {"level": "warning" if s["by"] == "permitguard" else "note",
            "descriptor": {"id": f"skipped-input/{s['by']}/{s['reason']}"},
            "message": {"text": f"{s['path']}: {joined(s['message'], lang)}"},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(s["path"])}}],
            "properties": {"input": s["input"], "skippedBy": s["by"], "reason": s["reason"]}}


def _other_runs(doc: dict[str, Any]) -> list[dict[str, Any]]:
    by_tool: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in doc.get("other_checks", []):
        by_tool[c["tool"].split(":", 1)[0]].append(c)
    runs = []
    for tool in sorted(by_tool):
        rules: dict[str, dict[str, Any]] = {}
        results = []
        for c in by_tool[tool]:
            name = c.get("check_name") or c["check_id"]
            rule = rules.setdefault(c["check_id"], {"id": c["check_id"], "name": name,
                                                    "shortDescription": {"text": name}})
            if (c.get("guideline") or "").startswith("https://"):
                rule["helpUri"] = c["guideline"]
            if c["status"] == "passed":
                continue
            result = {"ruleId": c["check_id"], "level": "warning",
                      "message": {"text": c.get("message") or c.get("check_name") or c["check_id"]},
                      "locations": [_location(c["resource"], c.get("file"), c.get("line"))]}
            if c["status"] == "skipped":
                result["suppressions"] = [{"kind": "inSource", "justification": c.get("suppressed") or ""}]
            results.append(result)
        runs.append({"tool": {"driver": {"name": tool, "rules": list(rules.values())}}, "results": results})
    return runs


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", **_: Any) -> str:
    """The log; every string in it from the inputs made inert (control characters and bidirectional
    overrides shown as escapes, `escape.everywhere`), as in the other formats."""
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [_permitguard_run(doc, lang, ctx), *_other_runs(doc)]}
    return json.dumps(everywhere(log), ensure_ascii=False, indent=2)


GITHUB_MAX_RESULTS = 25_000  # per run: code scanning drops the upload beyond it
GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024  # the gzipped file


def github_limits(text: str) -> list[str]:
    """Why GitHub code scanning would refuse (or cut) this SARIF log: a run with more than 25,000 results, a
    file over 10 MB gzipped. Passes are never results, so only failures and suppressions count."""
    import gzip

    problems = []
    for run in json.loads(text).get("runs", []):
        count = len(run.get("results", []))
        if count > GITHUB_MAX_RESULTS:
            name = run.get("tool", {}).get("driver", {}).get("name", "?")
            problems.append(f"SARIF run of {name} has {count:,} results; GitHub code scanning accepts "
                            f"at most {GITHUB_MAX_RESULTS:,} per run (split the scan with --shard, or "
                            "baseline accepted failures)")
    size = len(gzip.compress(text.encode("utf-8"), compresslevel=6))
    if size > GITHUB_MAX_GZIP_BYTES:
        problems.append(f"SARIF file is {size / 1048576:.1f} MB gzipped; GitHub code scanning accepts "
                        "at most 10 MB (split the scan with --shard)")
    return problems
