"""Which provider configuration a resource instance uses, resolved as Terraform resolves it.

A resource names a configuration with its `provider` meta-argument, else the default configuration of
its type's provider (`alicloud_vpc` → `alicloud`). Inside a module, a provider block of that module
instance answers; else the module call's `providers = { … }` map renames it to the caller's; else — for a
default (unaliased) configuration only — the caller's configuration of the same name is inherited. An
aliased configuration is only ever passed explicitly: when none is, the region is unknown, never an
alias's region. A default configuration no one declares has no region (the resource's own attributes,
or nothing, locate it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import Trail, TrailStep, Unknown

_MODULE_PART = re.compile(r'module\.([^.\["]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.')


_INSTANCE_KEY = re.compile(r"\[[^\]]*\]")


def declared_address(address: str) -> str:
    """`module.edge["a"].aws_vpc.x[0]` → `module.edge.aws_vpc.x`: the block that declares the instance."""
    return _INSTANCE_KEY.sub("", address)


def split_address(address: str) -> tuple[tuple[str, ...], str]:
    """`module.a["k"].module.b.alicloud_vpc.v` → (('a["k"]', 'b'), 'alicloud_vpc.v')."""
    path, pos = [], 0
    while (m := _MODULE_PART.match(address, pos)) is not None:
        path.append(m.group(1))
        pos = m.end()
    return tuple(path), address[pos:]


@dataclass(frozen=True)
class ProviderConfig:
    """What a resource inherits from its provider configuration."""

    region: Any = None  # str | Unknown | None
    origin: str = "provider configuration"
    default_tags: Any = None  # Mapping | Unknown | None (AWS `default_tags { tags = … }`)
    trail: Trail = ()  # how it was found: meta-argument, module `providers` entries, block, region's source


@dataclass
class ProviderIndex:
    """Provider blocks keyed by (module instance path, name[.alias]); module calls' providers maps."""

    region_attrs: Mapping[str, tuple[str, ...]]  # provider name → configuration keys holding its region
    blocks: dict[tuple[tuple[str, ...], str], tuple[Mapping[str, Any], str]] = field(default_factory=dict)
    passed: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)
    steps: dict[tuple[tuple[str, ...], str], Trail] = field(default_factory=dict)  # a block's region steps
    calls: dict[tuple[str, ...], tuple[str, int | None]] = field(default_factory=dict)  # `providers =` at

    def add_block(
        self, module_path: tuple[str, ...], name: str, values: Mapping[str, Any], where: str,
        steps: Trail = (),
    ) -> None:
        if (module_path, name) not in self.blocks:
            self.steps[(module_path, name)] = steps
        self.blocks.setdefault((module_path, name), (values, where))

    def values_for(self, address: str, resource_type: str, provider_meta: str | None) -> Mapping[str, Any]:
        """The arguments of the provider configuration a block uses ({} when none is declared)."""
        found = self._find(address, resource_type, provider_meta)
        return found[1][0] if found is not None else {}

    def _find(
        self, address: str, resource_type: str, provider_meta: str | None
    ) -> tuple[str, tuple[Mapping[str, Any], str], tuple[str, ...]] | None:
        path = split_address(address)[0]
        name = provider_meta or resource_type.split("_", 1)[0]
        while (found := self.blocks.get((path, name))) is None:
            if not path:
                return None
            mapping = self.passed.get(path, {})
            if name in mapping:
                name = mapping[name]
            elif "." in name:
                return None
            path = path[:-1]
        return name, found, path

    def resolve(self, address: str, resource_type: str, provider_meta: str | None,
                where: tuple[str | None, int | None] = (None, None)) -> ProviderConfig:
        """The configuration the block at `address` uses; `where` is the block's file:line (for the trail)."""
        path = split_address(address)[0]
        name = provider_meta or resource_type.split("_", 1)[0]
        trail = [TrailStep("provider_meta", f"provider = {name}", *where)] if provider_meta else []
        while (found := self.blocks.get((path, name))) is None:
            if not path:
                trail.append(TrailStep("no_provider_block", f"provider {name}: no provider block"))
                if "." in name:
                    return ProviderConfig(
                        Unknown(f"no provider block {name}"), f"provider {name} (no provider block)",
                        trail=tuple(trail),
                    )
                return ProviderConfig(None, f"provider {name} (no provider block)", trail=tuple(trail))
            mapping = self.passed.get(path, {})
            if name in mapping:
                what = f"module.{path[-1]} providers: {name} = {mapping[name]}"
                trail.append(TrailStep("module_providers", what, *self.calls.get(path, (None, None))))
                name = mapping[name]
            elif "." in name:
                trail.append(TrailStep("module_providers", f"module.{path[-1]} providers: {name} not passed",
                                       *self.calls.get(path, (None, None))))
                return ProviderConfig(
                    Unknown(f"provider {name} is not passed to module.{path[-1]}"), f"module.{path[-1]}",
                    trail=tuple(trail),
                )
            else:
                what = f"module.{path[-1]} inherits {name} from its caller"
                trail.append(TrailStep("provider_inherited", what))
            path = path[:-1]
        values, where_block = found
        tags = values.get("default_tags")
        tags = (
            tags[0].get("tags") if isinstance(tags, list) and tags and isinstance(tags[0], Mapping) else None
        )
        keys = self.region_attrs.get(name.split(".", 1)[0]) or ("region",)
        region = next((values[k] for k in keys if values.get(k) is not None), None)
        prefix = "".join(f"module.{p}." for p in path)
        file, _, line = where_block.rpartition(":")
        trail.append(TrailStep("provider_block", f"provider {prefix}{name}", file or None,
                               int(line) if line.isdigit() else None))
        trail += self.steps.get((path, name), ())
        origin = f"provider {prefix}{name} ({where_block})"
        return ProviderConfig(None if region == "" else region, origin, tags, tuple(trail))
