"""What a rule is: a pure function (Subject, Context) -> Verdict. Family modules export RULES = {id: fn}."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import Status, Trail

PASSED, FAILED, NOT_APPLICABLE = Status.PASSED, Status.FAILED, Status.NOT_APPLICABLE


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str  # a key of the rule's `messages` in the catalog
    # what the verdict rests on, in no language: the address, a Location, business-type keys, principals,
    # port spans, the Unknown that blocked it… The catalog's templates name them; permitguard.localise
    # renders them per language.
    facts: dict[str, Any] = field(default_factory=dict)
    trail: Trail = ()  # what the rule read beyond the subject's own trail (rooms, filings, statements, rules)


Rule = Callable[..., Verdict]
