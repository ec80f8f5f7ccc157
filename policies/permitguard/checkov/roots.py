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


def root_dirs(nodes: Iterable[Mapping[str, Any]], address: str, block_type: str,
              scanned_file: str) -> list[str]:
    """The roots that hold the `block_type` vertex `address` declared in `scanned_file` (Checkov's path,
    relative to the scanned directory, `/../../main.tf` for a module above it): one for a root's own
    resource; several for a module called from several roots."""
    found = [(vertex_root(a), str(a.get("file_path_") or "")) for a in nodes
             if a.get("block_type_") == block_type and str(a.get("__address__")) == address]
    tail = os.path.normpath(scanned_file.lstrip("/")) if scanned_file else ""
    while tail.startswith("../"):
        tail = tail[3:]
    if tail:
        narrowed = [(r, f) for r, f in found if f == tail or f.endswith("/" + tail)]
        found = narrowed or found
    return sorted({r for r, _ in found})
