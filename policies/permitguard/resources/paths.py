"""Reading catalog attribute paths out of a Resource's attributes.

A path is a Terraform attribute name or a dotted path through nested blocks: "zone_mappings.zone_id" is
attribute zone_id of every block in zone_mappings, in order. Lists are walked element by element, so a
list-valued attribute yields its elements. Missing and null values yield nothing; an unknown block or
value yields the Unknown itself, so callers can tell "absent" from "known only after apply".
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from permitguard.model import is_unknown


def values_at(attributes: Mapping[str, Any], path: str) -> list[Any]:
    """Every value at `path`, in order (Unknowns included, None left out)."""
    nodes: list[Any] = [attributes]
    for step in path.split("."):
        found: list[Any] = []
        for node in nodes:
            if is_unknown(node):
                found.append(node)
            elif isinstance(node, Mapping):
                found.extend(_flatten(node.get(step)))
        nodes = found
    return nodes


def given(attributes: Mapping[str, Any], path: str) -> list[Any]:
    """`values_at` without empty strings: what the attribute holds as a value (an Unknown is one; `""`, as
    providers write an omitted optional string, is none)."""
    return [v for v in values_at(attributes, path) if v != "" and v is not None]


def first_given(attributes: Mapping[str, Any], path: str) -> Any:
    """The first of `given`, else None."""
    return next(iter(given(attributes, path)), None)


def lookup(attributes: Mapping[str, Any], paths: Iterable[str]) -> Any:
    """The first known, non-empty value over `paths` (in catalog order); else the first Unknown met;
    else None. This is how a catalog's region_attrs / zone_attrs locate a resource."""
    first_unknown = None
    for path in paths:
        for value in values_at(attributes, path):
            if is_unknown(value):
                first_unknown = first_unknown if first_unknown is not None else value
            elif value != "":
                return value
    return first_unknown


def _flatten(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [item for item in value if item is not None]
    return [value]
