"""Checkov's JSON output (`checkov -o json`): CKV_CNLIC_* results become findings, the rest other checks.

Our checks write, besides the human lines Checkov prints (message in English and Chinese, fix,
enforcement, licence), one machine-readable entry in a failed check's `details` (`detail_entry`):
`permitguard-finding: {"rule_id": …, "enforcement": …, "message": {"en": …, "zh": …}}`, decoded here with
`json`. Checkov JSON written before that entry existed is read from the human lines (`part.bilingual`).
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from permitguard import suppression
from permitguard.errors import InputError
from permitguard.report.inputs.part import Part, bilingual, resource, rule_finding, unevaluated
from permitguard.report.labels import words
from permitguard.rule_catalog import RuleCatalog

if TYPE_CHECKING:
    from permitguard.model import Finding, Words

STATUS = {"passed_checks": "passed", "failed_checks": "failed", "skipped_checks": "skipped"}
SKIP_BY = "Checkov skip (checkov:skip annotation or a configured suppression)"
DETAIL = "permitguard-finding: "  # the prefix of the machine-readable entry in a check's `details`
LEVELS = ("mandatory", "advisory", "disabled")


def detail_entry(finding: Finding) -> str:
    """The machine-readable `details` entry a check writes for a failed finding (see the module doc)."""
    return DETAIL + json.dumps({"rule_id": finding.rule_id, "enforcement": finding.enforcement,
                                "message": {"en": finding.message_en, "zh": finding.message_zh}},
                               ensure_ascii=False)


def _decoded(details: list[str], check_id: str) -> tuple[str | None, str | None, str | None] | None:
    """(English, Chinese, enforcement) from the check's machine-readable entry; None when it has none
    (Checkov JSON of an earlier version, or an error written as one line) or it is not well formed."""
    for line in details:
        if not line.startswith(DETAIL):
            continue
        try:
            data = json.loads(line[len(DETAIL):])
        except json.JSONDecodeError:
            return None
        if not isinstance(data, dict) or data.get("rule_id") != check_id:
            return None
        message = data.get("message")
        if not isinstance(message, dict):
            return None
        en, zh, level = message.get("en"), message.get("zh"), data.get("enforcement")
        return (en if isinstance(en, str) and en else None, zh if isinstance(zh, str) and zh else None,
                level if level in LEVELS else None)
    return None


def looks_like(data: Any) -> bool:
    reports = data if isinstance(data, list) else [data]
    return bool(reports) and all(
        isinstance(r, dict)
        and ("check_type" in r or "checkov_version" in r or "checkov_version" in r.get("summary", {}))
        for r in reports
    )


def read(data: Any, path: str, rules: RuleCatalog) -> Part:
    """Findings, other checks and unparseable files of one Checkov JSON document (the caller lists it)."""
    part = Part(inputs=[])
    for report in data if isinstance(data, list) else [data]:
        results = report.get("results")
        if results is None:  # a run that found nothing prints only its summary, with its unparseable count
            failed = report.get("parsing_errors")
            if isinstance(failed, int) and failed > 0:
                part.unevaluated.append(
                    unevaluated(f"{failed} file(s)", path, *words("checkov_unparsed_count", count=failed))
                )
            continue
        if not isinstance(results, dict):
            raise InputError(f"{path}: Checkov JSON `results` is not an object")
        framework = str(report.get("check_type") or "checkov")
        for key, status in STATUS.items():
            for check in results.get(key) or []:
                _add(part, check, status, framework, path, rules)
        for failed_file in results.get("parsing_errors") or []:
            part.unevaluated.append(
                unevaluated(str(failed_file), path, *words("checkov_unparsed_file", framework=framework))
            )
    return part


def _where(check: dict[str, Any]) -> tuple[str | None, int | None]:
    file = check.get("repo_file_path") or check.get("file_path")
    if isinstance(file, str) and file.startswith("/") and file != check.get("file_abs_path"):
        file = file[1:]  # Checkov writes paths relative to its -d root with a leading slash
    lines = check.get("file_line_range")
    line = lines[0] if isinstance(lines, list) and lines and isinstance(lines[0], int) else None
    return (file if isinstance(file, str) and file else None), line


def _type_of(address: str) -> str:
    parts = [p for p in address.split(".") if p]
    return parts[-2] if len(parts) >= 2 else address


def _add(part: Part, check: Any, status: str, framework: str, path: str, rules: RuleCatalog) -> None:
    if not isinstance(check, dict) or not isinstance(check.get("check_id"), str) or "resource" not in check:
        raise InputError(f"{path}: a Checkov result without check_id or resource: not `checkov -o json`?")
    check_id, address = check["check_id"], str(check["resource"])
    file, line = _where(check)
    result = check.get("check_result") if isinstance(check.get("check_result"), dict) else {}
    comment = result.get("suppress_comment") or check.get("suppress_comment")
    details = [str(d) for d in check.get("details") or [] if d]
    if check_id not in rules:
        part.other_checks.append(
            {
                "tool": f"checkov:{framework}",
                "check_id": check_id,
                "check_name": str(check.get("check_name") or ""),
                "status": status,
                "resource": address,
                "file": file,
                "line": line,
                "severity": check.get("severity") if isinstance(check.get("severity"), str) else None,
                "guideline": check.get("guideline") if isinstance(check.get("guideline"), str) else None,
                "suppressed": (comment or "skipped") if status == "skipped" else None,
                "message": "; ".join(details),
                "input": path,
            }
        )
        return
    meta = rules[check_id]
    type_ = _type_of(address)
    subject = resource(address, type_, type_.split("_", 1)[0], file, line)
    en, zh, level = _decoded(details, check_id) or bilingual(details)
    facts = {"address": address, "check_id": check_id, "title_en": meta.title.en, "title_zh": meta.title.zh}
    if status == "skipped" and suppression.reasonless(comment):  # not honoured: unevaluated, so it fails
        found = rule_finding(meta, "failed", subject, "suppressed_unevaluated",
                             *words("checkov_skipped", **facts))
        part.add(dataclasses.replace(found, unjustified=suppression.refused(check_id)), rules)
    elif status == "skipped":
        part.add(rule_finding(meta, "failed", subject, "suppressed_unevaluated",
                              *words("checkov_skipped", **facts), suppressed=comment, suppressed_by=SKIP_BY),
                 rules)
    else:
        default_en, default_zh = words(f"checkov_{status}", **facts)
        found = rule_finding(meta, status, subject, f"checkov_{status}", en or default_en, zh or default_zh,
                             enforcement=level)
        part.add(dataclasses.replace(found, unjustified=_refusal(details, check_id, status)), rules)


def _refusal(details: list[str], check_id: str, status: str) -> Words | None:
    """The refusal our check wrote in a failure's `details` when Checkov handed it a skip that gives no
    reason (`checkov/checks.py`, the lines of `suppression.refused`): the finding keeps it."""
    refused = suppression.refused(check_id)
    return refused if status == "failed" and (refused.en in details or refused.zh in details) else None
