"""Suppressions without a reason. A `# checkov:skip=CKV_CNLIC_101` that says no reason (Checkov records
"No comment provided") is not honoured by any front door: the verdict stands, and the finding says that the
suppression needs a reason (`suppression_refused`), the way a baseline entry must carry one
(schemas/baseline.schema.json refuses an empty reason)."""

from __future__ import annotations

from typing import Any

from permitguard.model import Words
from permitguard.report.labels import words

CHECKOV_NO_REASON = "No comment provided"  # Checkov's suppress_comment for a skip comment with no reason


def reasonless(comment: Any) -> bool:
    """Whether a suppression's comment gives no reason (none, blank, or Checkov's placeholder)."""
    text = str(comment or "").strip()
    return not text or text == CHECKOV_NO_REASON


def refused(rule_id: str) -> Words:
    """What a finding says about a suppression of `rule_id` that gives no reason, in both languages."""
    return Words.of(*words("suppression_without_reason", rule=rule_id))
