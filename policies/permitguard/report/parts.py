"""What one report input contributes to the findings document, and finding dicts for foreign inputs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from permitguard.rule_catalog import RuleMeta


@dataclass
class Part:
    """One input's share of the document: its own listing, findings, other checks, what it couldn't judge.

    `license` and `as_of` come only from permitguard scan JSON, which records what it was judged against.
    """

    inputs: list[dict[str, Any]]
    findings: list[dict[str, Any]] = field(default_factory=list)
    other_checks: list[dict[str, Any]] = field(default_factory=list)
    unevaluated: list[dict[str, Any]] = field(default_factory=list)
    license: dict[str, Any] | None = None
    as_of: str | None = None
    skipped: list[dict[str, Any]] = field(default_factory=list)  # a scan JSON's `skipped_inputs`


def resource_dict(address: str, type_: str, provider: str, file: str | None = None, line: int | None = None,
                  action: str = "create") -> dict[str, Any]:
    """A finding's resource as the findings schema wants it; foreign inputs don't report the location."""
    return {"address": address, "type": type_, "provider": provider, "file": file, "line": line,
            "region": None, "zone": None, "territory": None, "province": None, "city": None, "service": None,
            "action": action}


def finding(meta: RuleMeta, status: str, resource: dict[str, Any], reason: str, message_en: str,
            message_zh: str, enforcement: str | None = None, suppressed: str | None = None,
            suppressed_by: str | None = None) -> dict[str, Any]:
    """A finding dict for a rule result read from Checkov or Pulumi: metadata comes from the catalog."""
    out = {
        "rule_id": meta.id, "rule_name": meta.name, "status": status, "severity": meta.severity,
        "enforcement": enforcement or meta.enforcement, "clauses": list(meta.clauses), "reason": reason,
        "suppressed": suppressed, "resource": resource, "message": {"en": message_en, "zh": message_zh},
        "remediation": {"en": meta.remediation.en, "zh": meta.remediation.zh},
    }
    if suppressed_by:
        out["suppressed_by"] = suppressed_by
    return out


_CJK = re.compile(r"[\u3400-\u9fff]")
_META = re.compile(r"^(Fix:|修复：|Enforcement:|CKV_[A-Z0-9]+_[0-9]+ \()")
_LEVEL = re.compile(r"^Enforcement: *(mandatory|advisory|disabled)\b")


def bilingual(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(English, Chinese, enforcement) from the lines our front doors write (Checkov `details`, a Pulumi
    violation): the message in English, then in Chinese, then fix / enforcement / rule-id lines."""
    text = [line.strip() for line in lines if line and line.strip()]
    level = next((m.group(1) for m in map(_LEVEL.match, text) if m), None)
    text = [line for line in text if not _META.match(line)]
    en = next((line for line in text if not _CJK.search(line)), None)
    zh = next((line for line in text if _CJK.search(line)), None)
    return en, zh, level


def unevaluated(subject: str, input_path: str, en: str, zh: str) -> dict[str, Any]:
    return {"subject": subject, "input": input_path, "reason": {"en": en, "zh": zh}}
