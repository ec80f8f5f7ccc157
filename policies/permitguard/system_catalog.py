"""The system catalog (data/systems.yaml, schema systems.schema.json): which resource types are the
facilities of a graded network or system (CKV_CNLIC_603, SP-6), and the texts a protection grade is
written as."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from permitguard import datafiles


class SystemCatalog:
    def __init__(self, data: dict[str, Any]) -> None:
        self._kind = {t: kind for kinds in data["kinds"].values()
                      for kind, types in kinds.items() for t in types}
        self._grades = {self._key(text): int(grade)
                        for grade, texts in data["grades"].items() for text in texts}

    @staticmethod
    def _key(text: str) -> str:
        return unicodedata.normalize("NFKC", text).strip().casefold()

    @classmethod
    def load(cls) -> SystemCatalog:
        return _load_default()

    def kind(self, resource_type: str) -> str | None:
        """compute | cluster | database | load_balancer, or None when the type is no system facility."""
        return self._kind.get(resource_type)

    def types(self) -> frozenset[str]:
        return frozenset(self._kind)

    def grade(self, text: str) -> int | None:
        """The protection grade (1-5) a tag text names (3, ３, 三级, 第三级), else None."""
        return self._grades.get(self._key(text))


@functools.lru_cache(maxsize=1)
def _load_default() -> SystemCatalog:
    return SystemCatalog(datafiles.load_data("systems.yaml", "systems.schema.json"))
