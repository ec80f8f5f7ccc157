"""A Pulumi engine event log (`pulumi preview --event-log FILE`): JSON lines, one engine event each.

Field names follow pulumi/pulumi sdk/go/common/apitype/events.go: `policyEvent` (a violation: resourceUrn,
message, policyName, policyPackName, enforcementLevel), `policyAnalyzeSummaryEvent` (per resource: the
policies that `passed` and `failed`), `resourcePreEvent`/`resOutputsEvent` (`metadata.urn/type/op`).
Older CLIs write no summary events: then only violations are known, and the rest is reported unevaluated.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from permitguard.errors import InputError
from permitguard.pulumi.wire import urn_type
from permitguard.report.inputs.part import Part, bilingual, resource, rule_finding, unevaluated
from permitguard.report.labels import words
from permitguard.rule_catalog import RuleCatalog
from permitguard.sources.pulumi_preview import ACTIONS as STEP_ACTIONS

if TYPE_CHECKING:
    from permitguard.model import Resource

EVENT_KEYS = (
    "policyEvent",
    "resourcePreEvent",
    "resOutputsEvent",
    "preludeEvent",
    "summaryEvent",
    "policyAnalyzeSummaryEvent",
    "diagnosticEvent",
    "stdoutEvent",
    "cancelEvent",
    "policyLoadEvent",
)
# A step op's action: the one table the preview reader judges by (sources/pulumi_preview.ACTIONS).
ACTIONS = {op: action.value for op, action in STEP_ACTIONS.items()}
NOT_ANALYZED = {op: action for op, action in ACTIONS.items() if action in ("delete", "read")}
_COLOUR = re.compile(r"<\{%[^%]*%\}>")


def looks_like(event: Any) -> bool:
    return isinstance(event, dict) and "sequence" in event and any(k in event for k in EVENT_KEYS)


def parse_lines(text: str, path: str) -> list[dict[str, Any]] | None:
    """Every line an engine event (of a type this reader may not know: ignored), or None if no event log."""
    events = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as exc:
            if not events:
                return None
            raise InputError(
                f"{path}: line {n} of the Pulumi event log is not JSON ({exc.msg}); truncated?"
            ) from None
        if not isinstance(event, dict) or "sequence" not in event:
            return None
        events.append(event)
    return events if any(looks_like(e) for e in events) else None


def _object(value: Any, path: str, what: str, kind: type = dict) -> Any:
    """`value` if it is a `kind` (dict: an object, list: policy names), empty if absent; else InputError."""
    if value is None or isinstance(value, kind) and (kind is dict or all(isinstance(v, str) for v in value)):
        return value or kind()
    raise InputError(f"{path}: a Pulumi event whose {what} is malformed: not an engine event log?")


def _type_of(urn: str) -> str:
    return urn_type(urn) or "unknown"


def _level(value: str) -> str:
    return {"mandatory": "mandatory", "disabled": "disabled", "none": "disabled"}.get(value, "advisory")


def read(events: list[dict[str, Any]], path: str, rules: RuleCatalog) -> Part:
    part = Part(inputs=[])
    seen: dict[str, tuple[str, str]] = {}  # urn -> (type, op)
    violations: dict[tuple[str, str], dict[str, Any]] = {}
    summaries: dict[tuple[str, str], tuple[set[str], set[str]]] = {}  # (urn, pack) -> (passed, failed)
    for ev in events:
        for key in ("resourcePreEvent", "resOutputsEvent"):
            meta = _object(_object(ev.get(key), path, key).get("metadata"), path, f"{key}.metadata")
            if meta.get("urn"):
                type_ = meta.get("type") or _type_of(meta["urn"])
                seen.setdefault(meta["urn"], (type_, meta.get("op") or "same"))
        if ev.get("policyEvent") is not None:
            pe = _object(ev["policyEvent"], path, "policyEvent")
            violations.setdefault((pe.get("resourceUrn") or "(stack)", str(pe.get("policyName", ""))), pe)
        if ev.get("policyAnalyzeSummaryEvent") is not None:
            se = _object(ev["policyAnalyzeSummaryEvent"], path, "policyAnalyzeSummaryEvent")
            key = (str(se.get("resourceUrn", "")), str(se.get("policyPackName", "")))
            passed, failed = summaries.setdefault(key, (set(), set()))
            passed.update(_object(se.get("passed"), path, "policyAnalyzeSummaryEvent.passed", list))
            failed.update(_object(se.get("failed"), path, "policyAnalyzeSummaryEvent.failed", list))
    for (urn, policy), pe in sorted(violations.items()):
        _violation(part, urn, policy, pe, seen, path, rules)
    for (urn, pack), (passed, failed) in sorted(summaries.items()):
        for policy in sorted(passed - failed):
            _passed(part, urn, policy, pack, seen, path, rules)
        for policy in sorted(p for p in failed if (urn, p) not in violations):
            _violation(part, urn, policy, {"policyPackName": pack}, seen, path, rules)
    analysed = {urn for urn, _ in summaries}
    for urn, (type_, op) in sorted(seen.items()):
        if op in NOT_ANALYZED:
            _not_changed(part, urn, type_, NOT_ANALYZED[op], rules)
        elif urn not in analysed and type_ != "pulumi:pulumi:Stack":
            part.unevaluated.append(unevaluated(urn, path, *words("pulumi_no_summary")))
    return part


def _resource(urn: str, seen: dict[str, tuple[str, str]]) -> Resource:
    type_, op = seen.get(urn, (_type_of(urn), "same"))
    return resource(urn, type_, type_.split(":", 1)[0], action=ACTIONS.get(op, "create"))


def _violation(
    part: Part, urn: str, policy: str, pe: dict[str, Any], seen: dict, path: str, rules: RuleCatalog
) -> None:
    meta = rules.by_name(policy)
    message = _COLOUR.sub("", str(pe.get("message") or "")).strip()
    if meta is None:
        pack = str(pe.get("policyPackName") or "")
        part.other_checks.append(_other(urn, policy, pack, "failed", message, path))
        return
    en, zh, _ = bilingual(message.splitlines())
    default_en, default_zh = words(
        "pulumi_violation", urn=urn, title_en=meta.title.en, title_zh=meta.title.zh
    )
    en, zh = en or message or default_en, zh or message or default_zh
    level = _level(str(pe.get("enforcementLevel") or meta.enforcement))
    subject = _resource(urn, seen)
    part.add(rule_finding(meta, "failed", subject, "policy_violation", en, zh, enforcement=level), rules)


def _passed(part: Part, urn: str, policy: str, pack: str, seen: dict, path: str, rules: RuleCatalog) -> None:
    meta = rules.by_name(policy)
    if meta is None:
        part.other_checks.append(_other(urn, policy, pack, "passed", "", path))
        return
    texts = words("pulumi_passed", urn=urn, policy=policy, title_en=meta.title.en, title_zh=meta.title.zh)
    part.add(rule_finding(meta, "passed", _resource(urn, seen), "policy_passed", *texts), rules)


def _not_changed(part: Part, urn: str, type_: str, action: str, rules: RuleCatalog) -> None:
    subject = resource(urn, type_, type_.split(":", 1)[0], action=action)
    for meta in rules:
        text = meta.message("not_changed", {"address": urn, "action": action})
        part.add(rule_finding(meta, "not_applicable", subject, "not_changed", text.en, text.zh), rules)


def _other(urn: str, policy: str, pack: str, status: str, message: str, path: str) -> dict[str, Any]:
    return {
        "tool": f"pulumi:{pack or 'policy pack'}",
        "check_id": policy,
        "check_name": policy,
        "status": status,
        "resource": urn,
        "file": None,
        "line": None,
        "severity": None,
        "guideline": None,
        "suppressed": None,
        "message": message,
        "input": path,
    }
