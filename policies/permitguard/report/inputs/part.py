"""What one report input contributes to the findings document, and the findings read from other tools'
outputs: typed (`permitguard.model.Finding`, rule metadata from the catalog), put into their document
form by the one builder every finding goes through (`document.finding_dict`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import Action, Finding, Resource, Status, Words
from permitguard.report import document
from permitguard.rule_catalog import RuleCatalog, RuleMeta


@dataclass
class Part:
    """One input's share of the document: its own listing, findings, other checks, what it couldn't judge.

    `license` and `as_of` come only from permitguard scan JSON, which records what it was judged against.
    """

    inputs: list[dict[str, Any]]
    findings: list[dict[str, Any]] = field(default_factory=list)  # in their document form
    other_checks: list[dict[str, Any]] = field(default_factory=list)
    unevaluated: list[dict[str, Any]] = field(default_factory=list)
    license: dict[str, Any] | None = None
    as_of: str | None = None
    skipped: list[dict[str, Any]] = field(default_factory=list)  # a scan JSON's `skipped_inputs`
    trails: dict[str, list] = field(default_factory=dict)  # a scan JSON's `trails`, by id

    def add(self, finding: Finding, rules: RuleCatalog) -> None:
        """A finding read from another tool's output (they carry the fix whatever the verdict)."""
        self.findings.append(document.finding_dict(finding, rules, fix_always=True))


def resource(address: str, type_: str, provider: str, file: str | None = None, line: int | None = None,
             action: str = "create") -> Resource:
    """A resource as another tool's output names it: address, type, where; no attributes, no location."""
    return Resource(address=address, type=type_, cloud=provider, file=file, line=line, action=Action(action))


def rule_finding(meta: RuleMeta, status: str, subject: Resource, reason: str, message_en: str,
                 message_zh: str, enforcement: str | None = None, suppressed: str | None = None,
                 suppressed_by: str | None = None) -> Finding:
    """A rule's result read from Checkov or Pulumi: severity, clauses and (unless the tool says) the
    enforcement come from the catalog."""
    return Finding(rule_id=meta.id, status=Status(status), severity=meta.severity,
                   enforcement=enforcement or meta.enforcement, clauses=tuple(meta.clauses), resource=subject,
                   reason=reason, words=Words.of(message_en, message_zh), suppressed=suppressed,
                   suppressed_by=suppressed_by)


_CJK = re.compile(r"[\u3400-\u9fff]")
_META = re.compile(r"^(Fix:|修复：|Enforcement:|CKV_[A-Z0-9]+_[0-9]+ \()")
_LEVEL = re.compile(r"^Enforcement: *(mandatory|advisory|disabled)\b")


def bilingual(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(English, Chinese, enforcement) from the human lines of a Pulumi violation (and of Checkov details
    written before they carried a `permitguard-finding:` entry): the message in English, then in Chinese,
    then fix / enforcement / rule-id lines."""
    text = [line.strip() for line in lines if line and line.strip()]
    level = next((m.group(1) for m in map(_LEVEL.match, text) if m), None)
    text = [line for line in text if not _META.match(line)]
    en = next((line for line in text if not _CJK.search(line)), None)
    zh = next((line for line in text if _CJK.search(line)), None)
    return en, zh, level


def unevaluated(subject: str, input_path: str, en: str, zh: str) -> dict[str, Any]:
    return {"subject": subject, "input": input_path, "reason": {"en": en, "zh": zh}}
