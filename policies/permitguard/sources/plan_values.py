"""Attribute values of a Terraform plan entry: the after-state with `after_unknown` paths made Unknown and
`after_sensitive` / `before_sensitive` / `sensitive_values` paths made Sensitive (judged, never shown).

Each function takes the plan's own JSON shapes: a value, and a mask of the same shape holding `true` at the
paths it marks (the whole value when the mask itself is `true`)."""
from __future__ import annotations

from collections.abc import Mapping
from itertools import zip_longest
from typing import Any

from permitguard.model import Unknown, sensitive

MASK_TYPES = (bool, Mapping, list, type(None))  # what an after_unknown / *_sensitive mask may be


def unset_computed(unknown: Any, config: Mapping[str, Any] | None) -> Any:
    """Top-level attributes the configuration does not set are the provider's computed defaults (a zone
    the cloud picks, a `region` argument defaulting to the provider's): absent, not unknown, so the
    resource is located like its HCL, by the next attribute or its provider. Set ones stay unknown."""
    if config is None or not isinstance(unknown, Mapping):
        return unknown
    expressions = config.get("expressions")
    expressions = expressions if isinstance(expressions, Mapping) else {}
    return {k: v for k, v in unknown.items() if v is not True or k in expressions}


def overlay(value: Any, unknown: Any) -> Any:
    """`value` with every `after_unknown` path that is true replaced by an Unknown, nested too."""
    if not unknown:  # nothing unknown below (false, null, an empty map or list): the value as it is
        return value
    if unknown is True:
        return Unknown("known only after apply")
    if isinstance(unknown, Mapping) and (isinstance(value, Mapping) or (value is None and _any(unknown))):
        value = value or {}
        return {k: overlay(value.get(k), unknown.get(k)) for k in {**value, **unknown}}
    if isinstance(unknown, list) and isinstance(value, list):
        return [overlay(v, u) for v, u in zip_longest(value, unknown[: len(value)])]
    return value


def mark(value: Any, mask: Any) -> Any:
    """`value` with every path the sensitivity mask holds true made Sensitive."""
    if not mask:  # nothing sensitive below: the value as it is
        return value
    if mask is True:
        return sensitive(value)
    if isinstance(mask, Mapping) and isinstance(value, Mapping):
        return {k: mark(v, mask.get(k)) for k, v in value.items()}
    if isinstance(mask, list) and isinstance(value, list):
        return [mark(v, m) for v, m in zip_longest(value, mask[: len(value)])]
    return value


def _any(unknown: Any) -> bool:
    if isinstance(unknown, Mapping):
        return any(_any(u) for u in unknown.values())
    return any(_any(u) for u in unknown) if isinstance(unknown, list) else unknown is True
