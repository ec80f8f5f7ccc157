"""Root configurations of one Checkov graph: a repository with `envs/dev/` and `envs/prod/` holds two.

Checkov builds one graph for the whole scanned directory, and vertices of different root directories
share addresses (`provider.alicloud`, `alicloud_vpc.main`, `module.net.alicloud_vpc.v`): resolved as
one configuration, a resource in `envs/dev` would take the provider of `envs/prod`. Terraform never
mixes them, so neither does permitguard: every vertex belongs to the directory of its outermost
module call (its own file's directory outside modules), and each root gets its own `GraphIndex`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

from permitguard.checkov.providers import GraphIndex


def root_dir(file_path: Any, module: Any) -> str:
    """The root configuration directory of a vertex: its outermost module call's directory, else its own.
    `module` is Checkov's `source_module_object` (a TFModule, its dict or its JSON text, or None)."""
    if isinstance(module, str):
        try:
            module = json.loads(module)
        except ValueError:
            module = None
    path = file_path
    while module:
        path = module.get("path") if isinstance(module, Mapping) else getattr(module, "path", None)
        module = module.get("nested_tf_module") if isinstance(module, Mapping) else getattr(
            module, "nested_tf_module", None)
    return os.path.dirname(str(path or ""))


def vertex_root(attrs: Mapping[str, Any]) -> str:
    return root_dir(attrs.get("file_path_"), attrs.get("source_module_object_"))


def indexes(nodes: Iterable[Mapping[str, Any]], root: str = "") -> dict[str, GraphIndex]:
    """One `GraphIndex` per root configuration directory, each naming files relative to `root`."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for attrs in nodes:
        groups.setdefault(vertex_root(attrs), []).append(attrs)
    return {directory: GraphIndex.of(group, root) for directory, group in sorted(groups.items())}


def candidates(found: Mapping[str, GraphIndex], address: str, scanned_file: str) -> list[GraphIndex]:
    """The roots that hold resource `address` defined in `scanned_file` (Checkov's path, relative to the
    scanned directory): one for a root resource; several for a module called from several roots."""
    found_paths = [(i, str(i.resources.get(address, {}).get("file_path_") or "")) for i in found.values()]
    if not scanned_file:
        return [index for index, path in found_paths if path]
    matches = [(index, path[: len(path) - len(scanned_file)]) for index, path in found_paths
               if path and path.endswith(scanned_file)]
    if not matches:
        return []
    base = min((b for _, b in matches), key=len)  # the scanned directory: a deeper "base" is another file
    for index, _ in matches:
        index.root = index.root or base
    return [index for index, b in matches if b == base]
