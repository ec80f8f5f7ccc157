"""Message parameters every rule shares, and small helpers over Subject."""

from __future__ import annotations

from typing import Any

from permitguard.context import Subject
from permitguard.model import Unknown

TERRITORY = {
    "mainland": ("mainland China", "中国大陆"),
    "hk": ("Hong Kong", "香港"),
    "mo": ("Macau", "澳门"),
    "tw": ("Taiwan", "台湾"),
    "foreign": ("outside China", "境外"),
}
WHY_ZH = {"known only after apply": "需在 apply 后才能确定"}


def why_zh(why: str) -> str:
    return WHY_ZH.get(why, why)


def base_params(s: Subject) -> dict[str, Any]:
    """Computed once per subject (every rule needs them); each caller gets its own copy."""
    cached = s.__dict__.get("_base_params")
    if cached is None:
        cached = s.__dict__["_base_params"] = _base_params(s)
    return dict(cached)


def _base_params(s: Subject) -> dict[str, Any]:
    loc = s.placement.location
    return {
        "address": s.resource.address,
        "type": s.resource.type,
        "cloud": s.resource.cloud,
        "location": loc.describe() if loc else "unknown",
        "location_zh": loc.describe_zh() if loc else "未知",
        "located_from": s.placement.located_from or "",
    }


def unknown_params(value: Unknown) -> dict[str, str]:
    return {"why": value.why, "why_zh": why_zh(value.why)}


def at(params: dict[str, Any], loc) -> dict[str, Any]:
    """Parameters describing one of a multi-zone resource's locations."""
    return {**params, "location": loc.describe(), "location_zh": loc.describe_zh()}
