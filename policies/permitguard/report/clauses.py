"""The permit's clause catalog (data/clauses.yaml, schema clauses.schema.json), in the permit's order."""

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
    service: str | None = (
        None  # the business type whose provisions these are (SP-15 idc, SP-16 vpn, SP-17 isp)
    )


@functools.lru_cache(maxsize=1)
def load() -> tuple[Clause, ...]:
    data = datafiles.load_data("clauses.yaml", "clauses.schema.json")
    return tuple(
        Clause(
            id=c["id"],
            parent=c.get("parent"),
            cite_zh=c["cite_zh"],
            title=Text.of(c["title"]),
            summary=Text.of(c["summary"]),
            checkable=c["checkable"],
            breaks=_text(c.get("breaks")),
            not_checkable_reason=_text(c.get("not_checkable_reason")),
            service=c.get("service"),
        )
        for c in data["clauses"]
    )


def _text(value: dict | None) -> Text | None:
    return Text.of(value) if value else None


def by_id() -> dict[str, Clause]:
    return {c.id: c for c in load()}


def order() -> dict[str, int]:
    """Permit order of clause ids, for sorting; unknown ids sort last."""
    return {c.id: i for i, c in enumerate(load())}
