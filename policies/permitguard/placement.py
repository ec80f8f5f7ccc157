"""Where a resource sits: zone, else its own region/location attribute, else its provider's region.

Shared by every front door; the resource-type catalog says which attributes to read. A value that
cannot be read (known only after apply, unresolved variable) or a region id the catalog does not know
never yields a location: the result says why, and the residency rules fail closed (CKV_CNLIC_103).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from permitguard.geo import Location, RegionCatalog
from permitguard.model import Resource, Unknown, is_sensitive, sensitive
from permitguard.resources import TypeInfo
from permitguard.resources.paths import values_at

GLOBAL, CHILD, CLUSTER, LOCATED = "global", "child", "cluster", "located"
UNRESOLVED, UNKNOWN_REGION, NO_REGION = "unresolved", "unknown_region", "no_region"
NO_LOCATION = (GLOBAL, CHILD, CLUSTER)  # location rules do not apply (CLUSTER: an object inside a Kubernetes
# cluster, located where the cluster is declared)


@dataclass(frozen=True)
class Placement:
    kind: str  # one of the constants above
    location: Location | None = None
    located_from: str | None = None  # e.g. "attribute availability_zone", "provider alicloud.hz (region)"
    value: Any = None  # the raw zone/region value, for messages
    what: str = "region"  # "zone" | "region"
    why: str | None = None
    others: tuple[Location, ...] = ()  # further zones of a multi-zone resource, judged like the first
    zone_unknown: bool = False  # located by its region; its zone is known only at apply

    @property
    def locations(self) -> tuple[Location, ...]:
        return ((self.location,) if self.location else ()) + self.others


def _from_attrs(res: Resource, attrs: tuple[str, ...], what: str, regions: RegionCatalog) -> Placement | None:
    """The first attribute that holds values locates the resource; every value it holds must resolve."""
    for attr in attrs:
        values = [
            str(v) if isinstance(v, int) and not isinstance(v, bool) else v
            for v in values_at(res.attributes, attr)
            if v != ""
        ]
        if what == "zone":
            # logical zones (Azure's '1', '2', '3') name no region: the region attribute locates
            values = [v for v in values if not (isinstance(v, str) and regions.is_logical_zone(res.cloud, v))]
        origin, found = f"attribute {attr}", []
        for value in values:
            if isinstance(value, Unknown):
                return Placement(UNRESOLVED, located_from=origin, what=what, why=value.why)
            loc = None
            if isinstance(value, str):
                loc = _hidden_if(value, regions.resolve(res.cloud, **{what: value}))
            if loc is None:
                return Placement(UNKNOWN_REGION, located_from=origin, value=value, what=what)
            found.append(loc)
        if found:
            return Placement(
                LOCATED,
                found[0],
                origin,
                values[0],
                what,
                others=tuple(x for x in dict.fromkeys(found) if x != found[0]),
            )
    return None


def place(res: Resource, info: TypeInfo, regions: RegionCatalog) -> Placement:
    if info.placement in NO_LOCATION:
        return Placement(info.placement)
    zone = _from_attrs(res, info.zone_attrs, "zone", regions)
    if zone is not None and zone.kind != UNRESOLVED:
        return zone
    # A zone known only at apply (a zones data source) still sits in the region the resource or its
    # provider names: that region locates it; the zone alone stays undetermined.
    found = _from_attrs(res, info.region_attrs, "region", regions) or _provider_region(res, regions)
    if zone is not None and found.kind != LOCATED:
        return zone
    if zone is not None:
        return Placement(LOCATED, found.location, found.located_from, found.value, found.what,
                         why=f"zone {zone.why} ({zone.located_from})", zone_unknown=True)
    return found


def _provider_region(res: Resource, regions: RegionCatalog) -> Placement:
    origin = res.provider_region_from or "provider configuration"
    value = res.provider_region
    if isinstance(value, Unknown):
        return Placement(UNRESOLVED, located_from=origin, why=value.why)
    if value is None or value == "":
        return Placement(NO_REGION, located_from=origin)
    loc = _hidden_if(value, regions.resolve(res.cloud, region=value)) if isinstance(value, str) else None
    if loc is None:
        return Placement(UNKNOWN_REGION, located_from=origin, value=value)
    return Placement(LOCATED, loc, origin, value)


def _hidden_if(value: Any, loc: Location | None) -> Location | None:
    """A location found from a sensitive value names it (its region id, its zone): those stay sensitive.
    Territory, province and city are the verdict's reason and are shown."""
    if loc is None or not is_sensitive(value):
        return loc
    return replace(loc, region=sensitive(loc.region), zone=sensitive(loc.zone))
