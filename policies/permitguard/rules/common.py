"""Message parameters every rule shares, and small helpers over Subject."""

from __future__ import annotations

from typing import Any

from permitguard.context import Subject
from permitguard.geo import Provinces
from permitguard.model import Unknown


def territory_names(territory: str) -> tuple[str, str]:
    """English and Chinese names of a territory (mainland, hk, mo, tw, foreign), from provinces.yaml."""
    provinces = Provinces.load()
    return provinces.territory_label(territory, "en"), provinces.territory_label(territory, "zh")


# Chinese for the reasons an Unknown gives (prefix → rendering); the rest of the reason (a reference,
# a provider name) is kept as written.
WHY_ZH = {
    "known only after apply": "需在 apply 后才能确定",
    "unknown during preview": "在预览阶段未知",
    "unresolved reference": "无法解析的引用",
    "not a map of tags": "不是标签键值映射",
    "no provider block": "缺少 provider 配置块",
}


def why_zh(why: str) -> str:
    for prefix, zh in WHY_ZH.items():
        if why.startswith(prefix):
            return zh + why[len(prefix) :]
    return why


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
