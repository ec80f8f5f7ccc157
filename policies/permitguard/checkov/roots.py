"""The root configuration a Checkov vertex belongs to: a repository with `envs/dev/` and `envs/prod/`
holds two, and `examples/basic` calling `../..` makes the repository's top a module of that root.

Checkov builds one graph for the whole scanned directory, and vertices of different root directories
share addresses (`alicloud_vpc.main`, `module.net.alicloud_vpc.v`). Terraform never mixes them, so neither
does permitguard: every vertex belongs to the directory of its outermost module call (its own file's
directory outside modules); the shared evaluation of that root answers for it.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any


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


# The block types the checks look vertices up by (resource checks, the module check).
INDEXED_BLOCK_TYPES = ("resource", "module")

VertexIndex = dict[tuple[str, str], list[tuple[str, str]]]  # (block type, address) → [(root, file)]


def vertex_index(nodes: Iterable[Mapping[str, Any]]) -> VertexIndex:
    """The vertices of the `INDEXED_BLOCK_TYPES` by (block type, address), each as (its root, its file):
    built once per graph, so that a check finds its vertex without reading the whole graph again."""
    index: VertexIndex = {}
    for a in nodes:
        block_type = a.get("block_type_")
        for indexed in INDEXED_BLOCK_TYPES:
            if block_type == indexed:
                entry = (vertex_root(a), str(a.get("file_path_") or ""))
                index.setdefault((indexed, str(a.get("__address__"))), []).append(entry)
    return index


def root_dirs(nodes: Iterable[Mapping[str, Any]], address: str, block_type: str,
              scanned_file: str, index: VertexIndex | None = None) -> list[str]:
    """The roots that hold the `block_type` vertex `address` declared in `scanned_file` (Checkov's path,
    relative to the scanned directory, `/../../main.tf` for a module above it): one for a root's own
    resource; several for a module called from several roots. `index`: `vertex_index(nodes)`, if built."""
    if index is not None and block_type in INDEXED_BLOCK_TYPES:
        found = index.get((block_type, address), [])
    else:
        found = [(vertex_root(a), str(a.get("file_path_") or "")) for a in nodes
                 if a.get("block_type_") == block_type and str(a.get("__address__")) == address]
    tail = os.path.normpath(scanned_file.lstrip("/")) if scanned_file else ""
    while tail.startswith("../"):
        tail = tail[3:]
    if tail:
        narrowed = [(r, f) for r, f in found if f == tail or f.endswith("/" + tail)]
        found = narrowed or found
    return sorted({r for r, _ in found})
