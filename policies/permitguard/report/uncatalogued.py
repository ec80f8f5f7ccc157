"""The resource types a scan met that the resource-type catalog does not know: listed in every output,
since such resources are judged for their location only, not for exposure or trust."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitguard.resources import ResourceTypeCatalog


def unknown_types(items: list[dict[str, Any]], catalog: ResourceTypeCatalog) -> list[dict[str, Any]]:
    """[{type, resources}] for the uncatalogued types among the findings' resources (each resource once),
    most resources first."""
    return unknown_types_of(
        ((r.get("file"), r.get("address"), r["type"]) for f in items
         if isinstance(r := f.get("resource"), dict) and isinstance(r.get("type"), str)),
        catalog)


def unknown_types_of(resources: Iterable[tuple[Any, Any, str]],
                     catalog: ResourceTypeCatalog) -> list[dict[str, Any]]:
    """`unknown_types` over (file, address, type) of each finding's resource."""
    seen: dict[tuple, str] = {}
    for file, address, kind in resources:
        seen.setdefault((file, address), kind)
    counts = Counter(t for t in seen.values() if catalog.uncatalogued(t))
    return [{"type": t, "resources": n} for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
