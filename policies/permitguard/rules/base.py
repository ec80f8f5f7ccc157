"""What a rule is: a pure function (Subject, Context) -> Verdict. Family modules export RULES = {id: fn}."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import Status

PASSED, FAILED, NOT_APPLICABLE = Status.PASSED, Status.FAILED, Status.NOT_APPLICABLE


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str  # a key of the rule's `messages` in the catalog
    params: dict[str, Any] = field(default_factory=dict)


Rule = Callable[..., Verdict]
