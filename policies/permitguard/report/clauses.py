"""The permit's clause catalog (data/clauses.yaml, validated by schemas/clauses.schema.json), in permit order."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from permitguard import datafiles
from permitguard.rule_catalog import Text


@dataclass(frozen=True)
class Clause:
    id: str
    parent: str | None
    cite_zh: str
    title: Text
    summary: Text
    checkable: bool
    breaks: Text | None
    not_checkable_reason: Text | None


@functools.lru_cache(maxsize=1)
def load() -> tuple[Clause, ...]:
    data = datafiles.load_data("clauses.yaml", "clauses.schema.json")
    return tuple(
        Clause(id=c["id"], parent=c.get("parent"), cite_zh=c["cite_zh"], title=Text.of(c["title"]),
               summary=Text.of(c["summary"]), checkable=c["checkable"],
               breaks=Text.of(c["breaks"]) if c.get("breaks") else None,
               not_checkable_reason=Text.of(c["not_checkable_reason"]) if c.get("not_checkable_reason") else None)
        for c in data["clauses"])


def by_id() -> dict[str, Clause]:
    return {c.id: c for c in load()}


def order() -> dict[str, int]:
    """Permit order of clause ids, for sorting; unknown ids sort last."""
    return {c.id: i for i, c in enumerate(load())}
