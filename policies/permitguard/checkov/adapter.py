"""One Checkov resource (conf + graph) → one `Resource`. Used by the checks and by `read_directory`."""
from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from permitguard.checkov import normalise
from permitguard.checkov.providers import GraphIndex, ProviderConfig
from permitguard.model import Resource


def graph_nodes(graph: Any) -> list[Mapping[str, Any]]:
    """The vertex attribute dicts of a saved Checkov graph (rustworkx or networkx)."""
    if graph is None:
        return []
    try:
        items = list(graph.nodes(data=True))  # networkx
    except TypeError:
        items = list(graph.nodes())  # rustworkx: payloads are (index, attributes)
    return [item[1] if isinstance(item, tuple) else item for item in items]


def prepare(conf: Mapping[str, Any]) -> dict[str, Any]:
    """A private copy with `dynamic` blocks expanded exactly as Checkov does before running checks."""
    from checkov.terraform.parser_functions import handle_dynamic_values

    mine = copy.deepcopy(dict(conf))
    handle_dynamic_values(mine)
    return mine


def to_resource(conf: Mapping[str, Any], resource_type: str, index: GraphIndex) -> Resource:
    """`conf` as Checkov hands it to a check (already prepared); `index` over the same graph."""
    address = str(conf.get("__address__") or f"{resource_type}.unnamed")
    provider_meta = normalise.first(conf, "provider")
    attributes = normalise.attributes(conf)
    provider = index.provider_for(address, resource_type, provider_meta)
    _merge_default_tags(attributes, resource_type, provider)
    vertex = index.resources.get(address, {})
    file = index.relative(str(vertex["file_path_"])) if vertex.get("file_path_") else None
    line = normalise.first(conf, "__start_line__")
    return Resource(
        address=address, type=resource_type, cloud=normalise.cloud_of(resource_type, provider_meta),
        attributes=attributes, provider_region=provider.region, provider_region_from=provider.origin,
        file=file, line=line if isinstance(line, int) else None, source_kind="terraform",
    )


def _merge_default_tags(attributes: dict[str, Any], resource_type: str, provider: ProviderConfig) -> None:
    """AWS `default_tags` apply to every taggable resource: expose the union as `tags_all`, the way
    the AWS provider reports it in a plan (the resource's own tags win)."""
    defaults, tags = provider.default_tags, attributes.get("tags")
    if not isinstance(defaults, Mapping) or "tags_all" in attributes or not _taggable(resource_type):
        return
    if tags is None or isinstance(tags, Mapping):
        attributes["tags_all"] = {**defaults, **(tags or {})}


def _taggable(resource_type: str) -> bool:
    from permitguard.resources import ResourceTypeCatalog

    return ResourceTypeCatalog.load().get(resource_type).tags_attr == "tags"
