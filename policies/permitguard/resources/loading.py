"""Read the resource-type catalog file and check it: JSON Schema first, then cross-entry rules.

Every problem is reported at once, each with the JSON path of the offending value, in one CatalogError.
"""
from __future__ import annotations

from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from permitguard import datafiles


def default_data_path() -> Any:
    return datafiles.packaged("data", "resource_types.yaml")


def read_catalog(path: Any = None) -> dict[str, Any]:
    """Parse and validate the catalog at `path` (default: the packaged one); return the raw document."""
    source = default_data_path() if path is None else Path(path) if isinstance(path, str | PathLike) else path
    label = f"resource-type catalog {source}"
    doc = datafiles.read_yaml(source, label)
    problems = datafiles.validated_problems(source, doc, "resource_types.schema.json")
    datafiles.raise_if_any(label, problems or list(_cross_entry_problems(doc)))
    return doc


def _cross_entry_problems(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """What a JSON Schema cannot say: names that must agree across entries."""
    clouds = doc["clouds"]
    package_cloud: dict[str, str] = {}
    for cloud, spec in clouds.items():
        for key in ("pulumi_packages", "pulumi_native_packages"):
            for i, pkg in enumerate(spec.get(key, [])):
                if pkg in package_cloud:
                    owner = package_cloud[pkg]
                    yield f"$.clouds.{cloud}.{key}[{i}]", f"package {pkg!r} is already declared by {owner!r}"
                package_cloud.setdefault(pkg, cloud)
    token_type: dict[str, str] = {}
    for name, entry in doc["types"].items():
        cloud = name.split("_", 1)[0]
        if cloud not in clouds:
            yield f"$.types.{name}", f"cloud {cloud!r} (the type's prefix) is not declared under clouds"
            continue
        for i, token in enumerate(entry.get("pulumi", [])):
            where = f"$.types.{name}.pulumi[{i}]"
            package = token.split(":", 1)[0]
            if package not in clouds[cloud]["pulumi_packages"]:
                yield where, f"token {token!r} is not of a bridged package of {cloud!r}"
            if token in token_type:
                yield where, f"token {token!r} is already mapped to {token_type[token]!r}"
            else:
                token_type[token] = name
