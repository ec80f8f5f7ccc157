"""China's provincial-level divisions (ISO 3166-2:CN) and territory labels, from data/provinces.yaml."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from permitguard.datafiles import load_validated, packaged

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Provinces:
    divisions: Mapping[str, Mapping[str, Any]]  # ISO code -> {en, zh, kind, territory}
    territories: Mapping[str, Mapping[str, str]]  # territory -> {en, zh}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Provinces:
        """The packaged table (cached) or a file; raises CatalogError on bad data."""
        if path is None:
            return _default()
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Any) -> Provinces:
        data = load_validated(path, "provinces.schema.json", "province table")
        return cls(divisions=data["provinces"], territories=data["territories"])

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and _key(code) in self.divisions

    def name(self, code: str, lang: str = "en") -> str | None:
        """English or Chinese name of an ISO 3166-2:CN code (any case); None for an unknown code."""
        _check_lang(lang)
        division = self.divisions.get(_key(code)) if isinstance(code, str) else None
        return division[lang] if division else None

    def territory_of(self, code: str) -> str | None:
        division = self.divisions.get(_key(code))
        return division["territory"] if division else None

    def territory_label(self, territory: str, lang: str = "en") -> str:
        _check_lang(lang)
        return self.territories[territory][lang]


def _key(code: str) -> str:
    return code.strip().upper()


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")


@functools.lru_cache(maxsize=1)
def _default() -> Provinces:
    return Provinces._read(packaged("data", "provinces.yaml"))
