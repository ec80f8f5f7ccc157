"""RegionCatalog: the packaged region catalog (data/regions.yaml), indexed for O(1) look-ups."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from permitguard.datafiles import load_validated, packaged, raise_if_any
from permitguard.geo.checks import catalog_problems
from permitguard.geo.location import Location
from permitguard.geo.provinces import Provinces
from permitguard.geo.zones import ProviderRules, ZoneException


@dataclass(frozen=True)
class NodeType:
    """A type located by the edge node it names: which table, the attribute, and the scheduling level at
    which the attribute names the node (another level lets the platform pick it)."""

    table: str
    label: str
    attr: str
    scheduling_attr: str | None = None
    node_level: str | None = None
    label_zh: str = ""


class RegionCatalog:
    """Where each (provider, region id) is, and how each provider's zones name their region.

    Unknown providers, regions and zones resolve to None: the catalog never guesses.
    """

    def __init__(self, data: Mapping[str, Any], provinces: Provinces) -> None:
        """`data` must be valid (see `load`): schema-checked, without `checks.catalog_problems`."""
        self._provinces = provinces
        self._rules = {name: ProviderRules.from_data(name, spec) for name, spec in data["providers"].items()}
        self._rows: dict[str, list[Location]] = {name: [] for name in self._rules}
        self._index: dict[tuple[str, str], Location] = {}
        for row in data["regions"]:
            location = _location(row)
            self._rows[location.provider].append(location)
            key = (location.provider, self._rules[location.provider].normalise(location.region))
            self._index[key] = location
        self._edge_services = frozenset(data.get("edge_services", {}).get("types", ()))
        self._node_types: dict[str, NodeType] = {}
        self._nodes: dict[tuple[str, str], Location] = {}
        for table, spec in data.get("edge_nodes", {}).items():
            for tf_type, t in spec["types"].items():
                sched = t.get("scheduling") or {}
                self._node_types[tf_type] = NodeType(table, spec["label"]["en"], t["attr"], sched.get("attr"),
                                                     sched.get("node_level"), spec["label"]["zh"])
            for row in spec["nodes"]:
                self._nodes[(table, row["node"])] = _location({**row, "provider": spec["provider"],
                                                               "region": row["node"]})

    @classmethod
    def load(cls, path: str | Path | None = None) -> RegionCatalog:
        """The packaged catalog (loaded once, then cached) or a catalog file.

        Raises permitguard.errors.CatalogError listing every problem with its JSON path.
        """
        if path is None:
            return _default()
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Any) -> RegionCatalog:
        provinces = Provinces.load()
        data = load_validated(path, "regions.schema.json", "region catalog")
        raise_if_any(f"region catalog {path}", catalog_problems(data, provinces))
        return cls(data, provinces)

    def providers(self) -> list[str]:
        return list(self._rules)

    def regions(self, provider: str) -> list[Location]:
        return list(self._rows.get(provider, ()))

    def node_type(self, tf_type: str) -> NodeType | None:
        """How a type that sits on an edge node names it (data `edge_nodes`), else None."""
        return self._node_types.get(tf_type)

    def edge_services(self) -> frozenset[str]:
        """Types of edge services bought from the cloud (CDN domains): no node of the operator's own."""
        return self._edge_services

    def node(self, table: str, node_id: str) -> Location | None:
        """The location of an edge node (its id is the location's `region`); None when the table does not
        list it (never guessed from the id)."""
        return self._nodes.get((table, node_id))

    def province_name(self, code: str, lang: str = "en") -> str | None:
        return self._provinces.name(code, lang)

    def is_logical_zone(self, provider: str, zone: str) -> bool:
        """A zone name that carries no region (Azure's '1', '2', '3'), per the provider's data."""
        rules = self._rules.get(provider)
        return rules is not None and rules.is_logical_zone(zone)

    def region_of_zone(self, provider: str, zone: str) -> str | None:
        location = self._zone_location(provider, zone)
        return location.region if location else None

    def resolve(self, provider: str, region: str | None = None, zone: str | None = None) -> Location | None:
        """Location of a zone (preferred when it parses) or else of a region; None when unknown."""
        rules = self._rules.get(provider) if _given(provider) else None
        if rules is None:
            return None
        if _given(zone):
            located = self._zone_location(provider, zone)
            if located is not None:
                return located
        if not _given(region):
            return None
        location = self._index.get((provider, rules.normalise(region)))
        if location is not None and _given(zone) and rules.is_logical_zone(zone):
            return replace(location, zone=zone)
        return location

    def _zone_location(self, provider: str, zone: str) -> Location | None:
        rules = self._rules.get(provider) if _given(provider) else None
        if rules is None or not _given(zone):
            return None

        def lookup(region: str) -> Location | None:
            return self._index.get((provider, rules.normalise(region)))

        found = rules.locate(zone, lookup)
        if found is None:
            return None
        location, exception = found
        unverified = location.unverified or rules.zone_unverified
        if exception is None:
            return replace(location, zone=zone, unverified=unverified)
        return _moved(location, zone, exception, unverified)


def _moved(location: Location, zone: str, exception: ZoneException, unverified: bool) -> Location:
    """A zone exception's location: its province/city (if it gives one) replace the region's."""
    moves = exception.province is not None or exception.city is not None
    return replace(
        location,
        zone=zone,
        province=(exception.province or location.province) if moves else location.province,
        city=exception.city if moves else location.city,
        unverified=unverified or exception.unverified,
        source=f"{location.source}; zone {zone}: {exception.source}",
    )


def _location(row: Mapping[str, Any]) -> Location:
    return Location(
        provider=row["provider"],
        region=row["region"],
        zone=None,
        territory=row["territory"],
        province=row["province"],
        city=row["city"],
        name=row["name"],
        unverified=bool(row.get("unverified", False)),
        source=row["source"],
    )


def _given(value: object) -> bool:
    return isinstance(value, str) and value != ""


@functools.lru_cache(maxsize=1)
def _default() -> RegionCatalog:
    return RegionCatalog._read(packaged("data", "regions.yaml"))
