"""Where a resource sits: zone, else its own region/location attribute, else its provider's region.

Shared by every front door; the resource-type catalog says which attributes to read. A value that
cannot be read (known only after apply, unresolved variable) or a region id the catalog does not know
never yields a location: the result says why, and the residency rules fail closed (CKV_CNLIC_103).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from permitguard.geo import Location, RegionCatalog
from permitguard.geo.catalog import NodeType
from permitguard.model import Resource, Trail, TrailStep, Unknown, is_sensitive, sensitive
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
    trail: Trail = ()  # how it was found: the attribute or provider read, then the location it names

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
    found = _place(res, info, regions)
    return replace(found, trail=_trail(res, found))


def _place(res: Resource, info: TypeInfo, regions: RegionCatalog) -> Placement:
    if info.placement in NO_LOCATION:
        return Placement(info.placement)
    node = regions.node_type(info.type)
    if node is not None:  # an edge node is where its node is, whatever region the provider names
        return _on_node(res, node, regions)
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


def _trail(res: Resource, p: Placement) -> Trail:
    """The steps that located `res`: the provider's (as its reader resolved them) when the provider's region
    was read, the attribute or provider value, then the location (territory, province, city) it names."""
    if p.kind in NO_LOCATION:
        return (TrailStep("no_location", f"{res.type}: {p.kind} type"),)
    by_provider = p.located_from is not None and not p.located_from.startswith("attribute ")
    steps = list(res.trail) if by_provider else []
    value = p.value if p.value is not None else (res.provider_region if by_provider else None)
    shown = "unknown" if isinstance(value, Unknown) or value is None and p.kind == UNRESOLVED else value
    read = f"{p.located_from or 'provider configuration'}"
    if p.kind == NO_REGION:
        steps.append(TrailStep("no_region", read, res.file, res.line))
    elif shown is not None:
        steps.append(TrailStep(f"{p.what}_value", f"{read} = {shown}", None if by_provider else res.file,
                               None if by_provider else res.line))
    if p.why:
        steps.append(TrailStep("unresolved" if p.kind == UNRESOLVED else "zone_unknown", p.why))
    if p.kind == UNKNOWN_REGION:
        steps.append(TrailStep("unknown_region", f"{res.cloud} {value}: not in the region catalog"))
    for loc in p.locations:
        steps.append(TrailStep("location", located(loc)))
    return tuple(steps)


def located(loc: Location) -> str:
    """A location in no language: `alicloud cn-hangzhou-h → region cn-hangzhou → mainland, CN-ZJ,
    Hangzhou`."""
    where = f"{loc.provider} {loc.zone} → region {loc.region}" if loc.zone else f"{loc.provider} {loc.region}"
    place = ", ".join(str(x) for x in (loc.territory, loc.province, loc.city) if x)
    return f"{where} → {place}" + (" (unverified)" if loc.unverified else "")


def _on_node(res: Resource, node: NodeType, regions: RegionCatalog) -> Placement:
    """The edge node the resource names (region catalog `edge_nodes`). Scheduled by area, the platform picks
    the node at apply; a node id the catalog does not list locates nothing."""
    origin = f"attribute {node.attr}"
    if node.scheduling_attr:
        levels = [v for v in values_at(res.attributes, node.scheduling_attr) if v != ""]
        if levels and isinstance(levels[0], Unknown):
            return Placement(UNRESOLVED, located_from=f"attribute {node.scheduling_attr}", why=levels[0].why)
        if levels and str(levels[0]) != node.node_level:
            why = (f"the platform picks the {node.label} at apply "
                   f"({node.scheduling_attr} = {levels[0]} schedules by area, not {node.node_level})")
            return Placement(UNRESOLVED, located_from=f"attribute {node.scheduling_attr}", why=why)
    values = [v for v in values_at(res.attributes, node.attr) if v != ""]
    if not values:
        return Placement(UNRESOLVED, located_from=origin, why=f"{node.attr} is not set")
    found: list[Location] = []
    for value in values:
        if isinstance(value, Unknown):
            return Placement(UNRESOLVED, located_from=origin, what="node", why=value.why)
        loc = regions.node(node.table, str(value))
        if loc is None:
            return Placement(UNKNOWN_REGION, located_from=origin, value=value, what="node")
        found.append(_hidden_if(value, loc))
    return Placement(LOCATED, found[0], origin, values[0], "node",
                     others=tuple(x for x in dict.fromkeys(found) if x != found[0]))
