"""GitLab's SAST security report (`artifacts:reports:sast`, schema 15.x): one vulnerability per failed,
unsuppressed finding, so the merge-request widget and the security dashboard list permit violations beside
the other scanners'. Passes and not-applicable findings are no vulnerabilities; suppressed ones are counted
in the scan's messages (GitLab has no suppression of its own). Ids are stable (a UUID derived from rule,
resource, file and line), so GitLab tracks a finding across pipelines instead of seeing a new one each run.

GitLab requires `scan.start_time`/`end_time` as `YYYY-MM-DDTHH:MM:SS` (UTC, no zone): both are the document's
generation time, which `--generated-at` pins."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitguard.context import Context

SCHEMA_VERSION = "15.2.1"
SCHEMA_URL = ("https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/"
              f"v{SCHEMA_VERSION}/dist/sast-report-format.json")
SEVERITY = {"CRITICAL": "Critical", "HIGH": "High", "MEDIUM": "Medium", "LOW": "Low", "INFO": "Info"}
NAMESPACE = uuid.UUID("8d3c3f55-8a53-4b51-9a39-7f0c1e1b2c00")  # UUIDv5 namespace of finding ids
MAX_TEXT = 1_048_576  # GitLab's limit on a description


def render(doc: dict[str, Any], ctx: Context | None = None, lang: str = "both", **_: Any) -> str:
    """The SAST report of a findings document (bilingual whatever `lang`: GitLab shows one text)."""
    tool = doc.get("tool") or {"name": "permitguard", "version": "unknown"}
    stamp = _gitlab_time(doc.get("generated_at"))
    component = {"id": "permitguard", "name": "permitguard", "version": str(tool.get("version", "unknown")),
                 "vendor": {"name": "permitguard"}}
    findings = doc.get("findings", [])
    failed = [f for f in findings if f.get("status") == "failed"]
    reported = [f for f in failed if not f.get("suppressed")]
    messages = [{"level": "info", "value": (
        f"permitguard judged {doc.get('summary', {}).get('resources', 0)} resources against permit "
        f"{(doc.get('license') or {}).get('number', '?')}: {len(reported)} violations reported, "
        f"{len(failed) - len(reported)} suppressed (checkov:skip or baseline), not reported here")}]
    report = {
        "version": SCHEMA_VERSION,
        "schema": SCHEMA_URL,
        "scan": {"analyzer": component, "scanner": component, "type": "sast", "start_time": stamp,
                 "end_time": stamp, "status": "success", "messages": messages},
        "vulnerabilities": [_vulnerability(f) for f in reported],
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _gitlab_time(value: str | None) -> str:
    try:
        stamp = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        stamp = dt.datetime.now(dt.timezone.utc)
    if stamp.tzinfo:
        stamp = stamp.astimezone(dt.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S")


def _vulnerability(f: dict[str, Any]) -> dict[str, Any]:
    res = f.get("resource", {})
    file, line = res.get("file") or "", res.get("line") or 1
    key = "\0".join([f["rule_id"], str(res.get("address")), file, str(line), str(res.get("root") or "")])
    message, fix = f.get("message", {}), f.get("remediation", {})
    clauses = ", ".join(f.get("clauses", []))
    description = (f"{message.get('en', '')}\n\n{message.get('zh', '')}\n\n"
                   f"Rule {f['rule_id']} ({f.get('enforcement')}), permit clauses {clauses}.")
    out: dict[str, Any] = {
        "id": str(uuid.uuid5(NAMESPACE, key)),
        "name": f"{f['rule_id']} {f.get('rule_name') or ''}".strip()[:255],
        "description": description[:MAX_TEXT],
        "severity": SEVERITY.get(str(f.get("severity", "")).upper(), "Unknown"),
        "solution": f"{fix.get('en', '')}\n{fix.get('zh', '')}".strip()[:MAX_TEXT] or None,
        "identifiers": [{"type": "permitguard_rule", "name": f["rule_id"], "value": f["rule_id"]}],
        "location": {"file": file.lstrip("/") or "(no file)", "start_line": int(line), "end_line": int(line)},
    }
    if res.get("address"):
        out["location"]["class"] = str(res["address"])[:255]
    return {k: v for k, v in out.items() if v is not None}
