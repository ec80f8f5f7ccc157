"""Location: where a cloud region or zone is, as far as the region catalog establishes it."""

from __future__ import annotations

from dataclasses import dataclass

from permitguard.geo.provinces import Provinces
from permitguard.localise import describe_location


@dataclass(frozen=True)
class Location:
    provider: str
    region: str  # canonical region id as in the catalog
    zone: str | None  # the zone as given, if the location came from a zone
    territory: str  # mainland | hk | mo | tw | foreign
    province: str | None  # ISO 3166-2:CN code, e.g. CN-GD; None when not established
    city: str | None  # English city name, e.g. Guangzhou
    name: str | None  # display name of the region
    unverified: bool
    source: str

    def describe(self, provinces: Provinces | None = None) -> str:
        """e.g. "alicloud cn-heyuan → Guangdong (CN-GD), Heyuan"; from a zone,
        "volcengine cn-beijing-datong-a (region cn-beijing) → Shanxi (CN-SX), Datong". Worded by
        permitguard.localise, with `provinces` (default: the packaged table)."""
        return describe_location(self, "en", provinces or Provinces.load())

    def describe_zh(self, provinces: Provinces | None = None) -> str:
        """e.g. "alicloud cn-heyuan → 广东省 (CN-GD)，Heyuan"."""
        return describe_location(self, "zh", provinces or Provinces.load())
