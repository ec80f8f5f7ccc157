"""Location: where a cloud region or zone is, as far as the region catalog establishes it."""

from __future__ import annotations

from dataclasses import dataclass

from permitguard.geo.provinces import Provinces

_UNVERIFIED = {"en": " [unverified]", "zh": "（未经核实）"}
_NO_PROVINCE = {"en": ", province not established", "zh": "，省份未确定"}
_CITY_SEPARATOR = {"en": ", ", "zh": "，"}
_REGION_WORD = {"en": "region", "zh": "地域"}


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

    def describe(self) -> str:
        """e.g. "alicloud cn-heyuan → Guangdong (CN-GD), Heyuan"; from a zone,
        "volcengine cn-beijing-datong-a (region cn-beijing) → Shanxi (CN-SX), Datong"."""
        return self._describe("en")

    def describe_zh(self) -> str:
        """e.g. "alicloud cn-heyuan → 广东省 (CN-GD)，Heyuan"."""
        return self._describe("zh")

    def _describe(self, lang: str) -> str:
        where = f"{self.provider} {self.region}"
        if self.zone is not None:
            where = f"{self.provider} {self.zone} ({_REGION_WORD[lang]} {self.region})"
        return f"{where} → {self._place(lang)}"

    def _place(self, lang: str) -> str:
        provinces = Provinces.load()
        name = provinces.name(self.province, lang) if self.province else None
        if name:
            place = f"{name} ({self.province})"
        else:
            place = provinces.territory_label(self.territory, lang)
            if self.territory == "mainland":
                place += _NO_PROVINCE[lang]
        if self.city:
            place += _CITY_SEPARATOR[lang] + self.city
        if self.unverified:
            place += _UNVERIFIED[lang]
        return place
