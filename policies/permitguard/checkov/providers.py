"""Which provider configuration a resource uses, and its region, through Checkov's Terraform graph.

Checkov links a resource to its provider only when `provider =` is explicit or the provider block
sits in the same file, and module resources get none. So the graph's vertices are indexed here by
module instance path and resolved the way Terraform does: the resource's `provider` meta-argument or
the default configuration named by its type prefix; inside a module, a provider block of that module,
else the module call's `providers = {}` map, else — for a default (unaliased) configuration only — the
caller's configuration of the same name (Terraform 1.11 inherits it even when a map names others).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from permitguard.checkov import normalise
from permitguard.model import Unknown
from permitguard.resources import ResourceTypeCatalog

_MODULE_PART = re.compile(r'module\.([^.\["]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.')


def split_address(address: str) -> tuple[tuple[str, ...], str]:
    """`module.a["k"].module.b.alicloud_vpc.v` → (('a["k"]', 'b'), 'alicloud_vpc.v')."""
    path, pos = [], 0
    while (m := _MODULE_PART.match(address, pos)) is not None:
        path.append(m.group(1))
        pos = m.end()
    return tuple(path), address[pos:]


def _name(value: Any) -> str:
    text = str(normalise.first({"v": value}, "v") or "")
    return text[2:-1] if text.startswith("${") and text.endswith("}") else text


@dataclass(frozen=True)
class ProviderConfig:
    """What a resource inherits from its provider configuration."""

    region: Any = None  # str | Unknown | None
    origin: str = "provider configuration"
    default_tags: Any = None  # Mapping | Unknown | None (AWS `default_tags { tags = … }`)


@dataclass
class GraphIndex:
    """Provider, module and resource vertices of one Checkov graph, keyed by module instance path."""

    root: str = ""
    providers: dict[tuple[tuple[str, ...], str], Mapping[str, Any]] = field(default_factory=dict)
    modules: dict[tuple[str, ...], Mapping[str, Any]] = field(default_factory=dict)
    resources: dict[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, nodes: Iterable[Mapping[str, Any]], root: str = "") -> GraphIndex:
        index = cls(root=root)
        for attrs in nodes:
            kind, address = attrs.get("block_type_"), str(attrs.get("__address__") or "")
            if kind == "provider":
                index.providers[(split_address(address)[0], str(attrs.get("block_name_")))] = attrs
            elif kind == "module":
                prefix, rest = split_address(address)
                index.modules[prefix + (rest,)] = attrs
            elif kind == "resource":
                index.resources[address] = attrs
        return index

    def relative(self, path: str) -> str:
        """A vertex's file, relative to the scanned directory when it lies inside it."""
        root = self.root.rstrip("/") + "/"
        return path[len(root):] if self.root and path.startswith(root) else path

    def where(self, attrs: Mapping[str, Any]) -> str:
        line = normalise.first(attrs, "__start_line__") or "?"
        return f"{self.relative(str(attrs.get('file_path_') or ''))}:{line}"

    def instantiated(self, address: str) -> bool:
        """False inside a module called with `count = 0` or an empty `for_each`: Checkov still builds its
        resources, Terraform creates none."""
        path = split_address(address)[0]
        for depth in range(1, len(path) + 1):
            call = self.modules.get(path[:depth], {})
            count, each = normalise.first(call, "count"), normalise.first(call, "for_each")
            if count == 0 or (isinstance(each, (set, list, tuple, dict)) and not each):
                return False
        return True

    def provider_for(self, address: str, resource_type: str, provider_meta: Any) -> ProviderConfig:
        path = split_address(address)[0]
        name = _name(provider_meta) or normalise.cloud_of(resource_type)
        while (found := self.providers.get((path, name))) is None:
            if not path:
                return _absent(name)
            mapping = normalise.first(self.modules.get(path, {}), "providers")  # a dict, maybe list-wrapped
            if isinstance(mapping, Mapping) and name in mapping:
                name = _name(mapping[name])
            elif "." in name:  # an aliased configuration is only ever passed explicitly
                return ProviderConfig(Unknown(f"provider {name} is not passed to module.{path[-1]}"),
                                      f"module.{path[-1]}")
            path = path[:-1]
        return self._config(path, name, found)

    def _config(self, path: tuple[str, ...], name: str, attrs: Mapping[str, Any]) -> ProviderConfig:
        conf = next(iter((attrs.get("config_") or {}).values()), {})
        values = normalise.attributes(conf) if isinstance(conf, Mapping) else {}
        tags = values.get("default_tags")
        tags = tags[0].get("tags") if isinstance(tags, list) and tags and isinstance(tags[0], dict) else None
        prefix = "".join(f"module.{p}." for p in path)
        keys = ResourceTypeCatalog.load().provider_region_attrs(name.split(".", 1)[0]) or ("region",)
        region = next((values[k] for k in keys if values.get(k) is not None), None)
        origin = f"provider {prefix}{name} ({self.where(attrs)})"
        return ProviderConfig(None if region == "" else region, origin, tags)


def _absent(name: str) -> ProviderConfig:
    if "." in name:
        return ProviderConfig(Unknown(f"no provider block {name}"), f"provider {name} (no provider block)")
    return ProviderConfig(None, f"provider {name} (no provider block)")
