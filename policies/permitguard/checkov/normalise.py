"""Checkov's resource `conf` → `Resource.attributes`: the one place that knows Checkov's shapes.

HCL conf wraps every attribute value in a list (`["x"]`, lists twice `[["a", "b"]]`, maps `[{...}]`),
nested blocks are lists of dicts whose own values are wrapped, and unresolved expressions stay as text
(`var.x`, `${var.x}-a`, `local.x`, `data.t.n.json`, `aws_vpc.main.id`). Plan conf adds `__file__`,
`__startline__` … keys. Out come plain values, nested blocks as lists of dicts, and
`Unknown("unresolved reference …")` for every expression Checkov could not render.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from permitguard.model import Unknown

# Terraform meta-arguments: how Terraform handles the block, not what the resource is.
META_ARGUMENTS = frozenset({"provider", "count", "for_each", "depends_on", "lifecycle", "provisioner",
                           "connection", "dynamic"})
_INTERNAL = frozenset({"start_line", "end_line", "references_", "resource_type"})
_TRAVERSAL = r"(?:\.[A-Za-z_*][\w-]*|\[[^\]]*\])*"
_REFERENCE = re.compile(
    r"^(?:(?:var|local|each|count|self|path|terraform)\.[A-Za-z_][\w-]*" + _TRAVERSAL
    + r"|(?:module\.[A-Za-z_][\w-]*|data\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)" + _TRAVERSAL
    + r"|[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.[A-Za-z_][\w-]*" + _TRAVERSAL
    + r"|[a-z_][a-z0-9_]*\.(?:value|key)" + _TRAVERSAL + r")$")
_CALL_WITH_REFERENCE = re.compile(r"^[a-z_][a-z0-9_]*\(.*\b(?:var|local|module|data|each|count)\.", re.S)
_BLOCK_KEY = re.compile(r"^[a-z_][a-z0-9_-]*$")
# What Checkov could not evaluate and left as source text: a function call (`lookup({…}, "k")`), or an
# operator expression over a reference (`terraform.workspace == "prod" ? "cn-beijing" : "cn-hongkong"`).
_CALL = re.compile(r"^[a-z_][a-z0-9_]*\(.*\)$", re.S)
_REFERENCE_INSIDE = re.compile(
    r"(?:^|[\s(!=<>&|,?:])(?:var|local|module|data|each|count|terraform|self)\.[A-Za-z_]")
_OPERATOR = re.compile(r"[?()<>!&|]|==")


def is_internal(key: Any) -> bool:
    """Checkov's bookkeeping keys (`__address__`, `__file__`, `start_line` …), never user data."""
    return not isinstance(key, str) or key in _INTERNAL or (key.startswith("__") and key.endswith("__"))


def unresolved(text: str) -> Unknown | None:
    """An Unknown when `text` is an expression Checkov left unrendered, else None."""
    stripped = text.strip()
    if "${" in stripped or _REFERENCE.match(stripped) or _CALL_WITH_REFERENCE.match(stripped):
        return Unknown(f"unresolved reference {_shown(stripped)}")
    if _CALL.match(stripped) or (_REFERENCE_INSIDE.search(stripped) and _OPERATOR.search(stripped)):
        return Unknown(f"unresolved expression {_shown(stripped)}")
    return None


def _shown(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def attributes(conf: Mapping[str, Any]) -> dict[str, Any]:
    """A resource conf (HCL or plan) → attributes: user keys only, values unwrapped."""
    return {k: wrapped(v) for k, v in conf.items() if not is_internal(k) and k not in META_ARGUMENTS}


def wrapped(value: Any) -> Any:
    """One attribute value as Checkov wraps it."""
    if not isinstance(value, list):
        return plain(value)
    if value and all(_is_block(v) for v in value):
        return [_block(v) for v in value]
    if len(value) == 1:
        return plain(value[0])
    return [plain(v) for v in value]


def _is_block(value: Any) -> bool:
    """A nested block: a dict whose every user value is list-wrapped and whose keys are HCL names.
    Maps (tags, jsonencode'd policies) hold bare values or keys no HCL argument can have."""
    if not isinstance(value, dict):
        return False
    items = [(k, v) for k, v in value.items() if not is_internal(k)]
    return bool(items) and all(isinstance(v, list) and _BLOCK_KEY.match(k) for k, v in items)


def _block(value: Mapping[str, Any]) -> dict[str, Any]:
    return {k: wrapped(v) for k, v in value.items() if not is_internal(k) and k != "dynamic"}


def plain(value: Any) -> Any:
    """A value that is not wrapped (inside maps and lists): recurse, mark unrendered expressions."""
    if isinstance(value, str):
        unknown = unresolved(value)  # an Unknown is falsy: no `or` here
        return value if unknown is None else unknown
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items() if not is_internal(k)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def first(conf: Mapping[str, Any], key: str) -> Any:
    """A meta value (`provider`, `__start_line__` …), unwrapped when Checkov wrapped it."""
    value = conf.get(key)
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def cloud_of(resource_type: str, provider: Any = None) -> str:
    """The provider local name: the `provider` meta-argument's (`alicloud.hz` → alicloud), else the
    resource type's prefix (`alicloud_instance` → alicloud)."""
    if isinstance(provider, str) and provider and not provider.startswith("${"):
        return provider.split(".", 1)[0]
    return resource_type.split("_", 1)[0]
