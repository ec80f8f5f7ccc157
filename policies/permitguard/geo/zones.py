"""Per-provider naming rules from the `providers:` section of data/regions.yaml.

How a zone name leads to a region, and how a region id is normalised before lookup. The rules
are data; this module only compiles and applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

NORMALISATION_STEPS: Mapping[str, Callable[[str], str]] = {
    "lowercase": str.lower,
    "remove_spaces": lambda text: text.replace(" ", ""),
}


@dataclass(frozen=True)
class ZonePattern:
    regex: re.Pattern[str]
    region: str | None  # every matching zone belongs to this region; else group "region" names it

    def region_of(self, zone: str) -> str | None:
        match = self.regex.fullmatch(zone)
        if match is None:
            return None
        return self.region or match.group("region")


@dataclass(frozen=True)
class ZoneException:
    """A named zone whose region, or whose place, the patterns would not give (Volcengine's
    Datong zones of cn-beijing; Tencent numeric zone ids)."""

    zone: str
    region: str
    province: str | None
    city: str | None
    source: str
    unverified: bool


@dataclass(frozen=True)
class ProviderRules:
    provider: str
    normalisation: tuple[str, ...]
    patterns: tuple[ZonePattern, ...]
    exceptions: Mapping[str, ZoneException]
    logical_zones: re.Pattern[str] | None
    zone_unverified: bool

    @classmethod
    def from_data(cls, provider: str, spec: Mapping[str, Any]) -> ProviderRules:
        """Compile one provider's entry (already schema-valid; re.error on a bad pattern)."""
        patterns = tuple(
            ZonePattern(re.compile(rule["pattern"]), rule.get("region")) for rule in spec["zone_patterns"]
        )
        exceptions = {
            item["zone"]: ZoneException(
                zone=item["zone"],
                region=item["region"],
                province=item.get("province"),
                city=item.get("city"),
                source=item["source"],
                unverified=bool(item.get("unverified", False)),
            )
            for item in spec.get("zone_exceptions", ())
        }
        logical = spec.get("logical_zones")
        return cls(
            provider=provider,
            normalisation=tuple(spec.get("region_normalisation", ())),
            patterns=patterns,
            exceptions=exceptions,
            logical_zones=re.compile(logical) if logical else None,
            zone_unverified=bool(spec.get("zone_unverified", False)),
        )

    def normalise(self, region: str) -> str:
        for step in self.normalisation:
            region = NORMALISATION_STEPS[step](region)
        return region

    def candidate_regions(self, zone: str) -> Iterator[str]:
        """Region ids the patterns read from a zone, in rule order (not yet checked against the catalog)."""
        for pattern in self.patterns:
            region = pattern.region_of(zone)
            if region:
                yield region

    def locate(self, zone: str, lookup: Callable[[str], T | None]) -> tuple[T, ZoneException | None] | None:
        """The catalog entry a zone belongs to, and the exception that placed it, if any.

        `lookup` maps a region id to its catalog entry (None when unknown). An exception decides
        alone; otherwise the first pattern whose region is in the catalog wins. Never guesses.
        """
        exception = self.exceptions.get(zone)
        if exception is not None:
            entry = lookup(exception.region)
            return (entry, exception) if entry is not None else None
        for region in self.candidate_regions(zone):
            entry = lookup(region)
            if entry is not None:
                return entry, None
        return None

    def is_logical_zone(self, zone: str) -> bool:
        return self.logical_zones is not None and self.logical_zones.fullmatch(zone) is not None
