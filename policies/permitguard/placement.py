"""Where a resource sits: zone, else its own region/location attribute, else its provider's region.

Shared by every front door; the resource-type catalog says which attributes to read. A value that
cannot be read (known only after apply, unresolved variable) or a region id the catalog does not know
never yields a location: the result says why, and the residency rules fail closed (CKV_CNLIC_103).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from permitguard.geo import Location, RegionCatalog
from permitguard.model import Resource, Unknown
from permitguard.resources import TypeInfo
from permitguard.resources.paths import values_at

GLOBAL, CHILD, LOCATED = "global", "child", "located"
UNRESOLVED, UNKNOWN_REGION, NO_REGION = "unresolved", "unknown_region", "no_region"
NO_LOCATION = (GLOBAL, CHILD)  # location rules do not apply


@dataclass(frozen=True)
class Placement:
    kind: str  # one of the constants above
    location: Location | None = None
    located_from: str | None = None  # e.g. "attribute availability_zone", "provider alicloud.hz (region)"
    value: Any = None  # the raw zone/region value, for messages
    what: str = "region"  # "zone" | "region"
    why: str | None = None


def _is_logical_zone(value: str) -> bool:
    """Azure-style logical zones ('1', '2', '3') name no region; they defer to the region attribute."""
    return value.isdigit() and len(value) <= 2


def _from_attrs(res: Resource, attrs: tuple[str, ...], what: str, regions: RegionCatalog) -> Placement | None:
    for attr in attrs:
        values = [v for v in values_at(res.attributes, attr) if v != ""]
        if what == "zone":
            values = [v for v in values if not (isinstance(v, str) and _is_logical_zone(v))]
        for value in values:
            origin = f"attribute {attr}"
            if isinstance(value, Unknown):
                return Placement(UNRESOLVED, located_from=origin, what=what, why=value.why)
            if not isinstance(value, str):
                return Placement(UNKNOWN_REGION, located_from=origin, value=value, what=what)
            loc = regions.resolve(res.cloud, zone=value) if what == "zone" else regions.resolve(res.cloud, region=value)
            if loc is None:
                return Placement(UNKNOWN_REGION, located_from=origin, value=value, what=what)
            return Placement(LOCATED, loc, origin, value, what)
    return None


def place(res: Resource, info: TypeInfo, regions: RegionCatalog) -> Placement:
    if info.placement in NO_LOCATION:
        return Placement(info.placement)
    found = _from_attrs(res, info.zone_attrs, "zone", regions) or _from_attrs(res, info.region_attrs, "region", regions)
    if found:
        return found
    origin = res.provider_region_from or "provider configuration"
    value = res.provider_region
    if isinstance(value, Unknown):
        return Placement(UNRESOLVED, located_from=origin, why=value.why)
    if value is None or value == "":
        return Placement(NO_REGION, located_from=origin)
    loc = regions.resolve(res.cloud, region=value) if isinstance(value, str) else None
    if loc is None:
        return Placement(UNKNOWN_REGION, located_from=origin, value=value)
    return Placement(LOCATED, loc, origin, value)
