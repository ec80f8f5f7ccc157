"""Read the resource-type catalog file and check it: JSON Schema first, then cross-entry rules.

Every problem is reported at once, each with the JSON path of the offending value, in one CatalogError.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from os import PathLike
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from permitguard.errors import CatalogError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def default_data_path() -> Any:
    return files("permitguard") / "data" / "resource_types.yaml"


def _schema_path() -> Any:
    return files("permitguard") / "schemas" / "resource_types.schema.json"


def read_catalog(path: Any = None) -> dict[str, Any]:
    """Parse and validate the catalog at `path` (default: the packaged one); return the raw document."""
    source = default_data_path() if path is None else Path(path) if isinstance(path, str | PathLike) else path
    name = str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"resource-type catalog {name} cannot be read: {exc}") from exc
    try:
        doc = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise CatalogError(f"resource-type catalog {name} is not valid YAML: {exc}") from exc
    problems = list(_schema_problems(doc))
    if not problems:
        problems = list(_cross_entry_problems(doc))
    if problems:
        listing = "\n".join(f"  {where}: {what}" for where, what in problems)
        count = f"{len(problems)} error{'s' if len(problems) > 1 else ''}"
        raise CatalogError(f"resource-type catalog {name} is invalid ({count}):\n{listing}")
    return doc


def _schema_problems(doc: Any) -> Iterator[tuple[str, str]]:
    schema = json.loads(_schema_path().read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(doc), key=lambda e: (e.json_path, e.message)):
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        yield error.json_path, f"{error.message} ({hint})" if hint else error.message


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
