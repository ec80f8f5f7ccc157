"""The permit's clause catalog (data/clauses.yaml, schema clauses.schema.json), in the permit's order."""

from __future__ import annotations

import functools
from collections.abc import Iterator
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


class ClauseCatalog:
    """The clauses in permit order, indexed once."""

    def __init__(self, clauses: tuple[Clause, ...]) -> None:
        self._clauses = clauses
        self._by_id = {c.id: c for c in clauses}
        self._order = {c.id: i for i, c in enumerate(clauses)}

    def __iter__(self) -> Iterator[Clause]:
        return iter(self._clauses)

    def __len__(self) -> int:
        return len(self._clauses)

    def by_id(self) -> dict[str, Clause]:
        return dict(self._by_id)

    def get(self, clause_id: str) -> Clause | None:
        return self._by_id.get(clause_id)

    def order(self) -> dict[str, int]:
        """Permit order of clause ids, for sorting; unknown ids sort last."""
        return dict(self._order)

    @classmethod
    def load(cls) -> ClauseCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> ClauseCatalog:
    data = datafiles.load_data("clauses.yaml", "clauses.schema.json")
    return ClauseCatalog(tuple(
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
    ))


def _text(value: dict | None) -> Text | None:
    return Text.of(value) if value else None
