"""Provider defaults that decide a verdict: the value an omitted attribute takes, as the catalog records it.

A default applies where the attribute is absent or null (HCL leaves it out, a plan shows it null, a Pulumi
program does not set it). A value known only after apply is not omitted: it stays unknown. A dotted path
("vpc_config.endpoint_public_access") applies inside every block of its parent that omits it; a parent block
that is itself absent is not created. `unless`: the default applies only when none of these attributes is
set (a Huawei rule naming a remote security group admits that group, not every address). `when`: only when
these attributes hold these values (compared as text, case-insensitively).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Default:
    attr: str  # attribute path, dotted through nested blocks
    value: Any
    source: str  # where the default is documented: provider documentation or schema
    unless: tuple[str, ...] = ()
    when: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> Default:
        when = tuple((k, str(v)) for k, v in (d.get("when") or {}).items())
        return cls(d["attr"], d["value"], d["source"], tuple(d.get("unless", ())), when)

    def describe(self) -> str:
        value = str(self.value).lower() if isinstance(self.value, bool) else self.value
        return f"{self.attr} = {value}"


def apply(
    attributes: Mapping[str, Any], defaults: tuple[Default, ...]
) -> tuple[Mapping[str, Any], list[Default]]:
    """`attributes` with every applicable default filled in (the input is not changed), and the defaults
    that were applied. Without any, the very same mapping is returned."""
    out, applied = attributes, []
    for default in defaults:
        *parents, leaf = default.attr.split(".")
        filled = _fill(out, parents, leaf, default)
        if filled is not out:
            out = filled
            applied.append(default)
    return out, applied


def _omitted(value: Any) -> bool:
    return value is None or value == "" or value == []


def _fill(node: Mapping[str, Any], parents: list[str], leaf: str, default: Default) -> Mapping[str, Any]:
    if parents:
        head, rest = parents[0], parents[1:]
        child = node.get(head)
        if isinstance(child, Mapping):
            new = _fill(child, rest, leaf, default)
            return node if new is child else {**node, head: new}
        if isinstance(child, list):
            blocks = [_fill(b, rest, leaf, default) if isinstance(b, Mapping) else b for b in child]
            return node if all(a is b for a, b in zip(blocks, child, strict=True)) else {**node, head: blocks}
        return node
    if not _omitted(node.get(leaf)) or any(not _omitted(node.get(k)) for k in default.unless):
        return node
    if any(str(node.get(k, "")).strip().lower() != v.strip().lower() for k, v in default.when):
        return node
    return {**node, leaf: default.value}
