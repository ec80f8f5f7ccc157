"""Message parameters every rule shares, and small helpers over Subject."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from permitguard import placement as pl
from permitguard.context import Context, Subject
from permitguard.geo import Location, Provinces
from permitguard.model import Unknown
from permitguard.rule_catalog import RuleCatalog
from permitguard.rules.base import FAILED, NOT_APPLICABLE, Verdict


def territory_names(territory: str) -> tuple[str, str]:
    """English and Chinese names of a territory (mainland, hk, mo, tw, foreign), from provinces.yaml."""
    provinces = Provinces.load()
    return provinces.territory_label(territory, "en"), provinces.territory_label(territory, "zh")


def why_zh(why: str) -> str:
    """The Chinese of a could-not-establish reason (translations live in data/rules.yaml)."""
    return RuleCatalog.load().why_zh(why)


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


def not_located(s: Subject) -> Verdict | None:
    """Not applicable when the subject has no location (global or child type) or none was established
    (CKV_CNLIC_103 reports that); None when it is located and the rule should judge it."""
    kind = s.placement.kind
    if kind in pl.NO_LOCATION:
        return Verdict(NOT_APPLICABLE, f"{kind}_type", base_params(s))
    if kind != pl.LOCATED:
        return Verdict(NOT_APPLICABLE, "location_unknown", base_params(s))
    return None


def unknown_params(value: Unknown) -> dict[str, str]:
    return {"why": value.why, "why_zh": why_zh(value.why)}


def at(params: dict[str, Any], loc: Location) -> dict[str, Any]:
    """Parameters describing one of a multi-zone resource's locations."""
    return {**params, "location": loc.describe(), "location_zh": loc.describe_zh()}


def services(s: Subject, ctx: Context) -> tuple[list[str], bool, Verdict | None]:
    """The business types the resource serves and whether it must be inside all of them: its tag (one or
    several, comma-separated: inside every one), else the profile default, else any granted type."""
    profile = ctx.profile
    key = profile.tags["service"]
    value = s.tag(key)
    if isinstance(value, Unknown):
        params = {**base_params(s), "tag": key, **unknown_params(value)}
        return [], True, Verdict(FAILED, "service_tag_unknown", params)
    if value is None or value == "":
        return ([profile.default_service] if profile.default_service else list(profile.services)), False, None
    names = [part for part in str(value).replace(";", ",").split(",") if part.strip()]
    keys = [profile.service_named(part) for part in names]
    if not isinstance(value, str) or not keys or None in keys:
        params = {**base_params(s), "tag": key, "value": value, "granted": ", ".join(profile.services)}
        return [], True, Verdict(FAILED, "service_not_granted", params)
    return list(dict.fromkeys(keys)), True, None


def service_names(ctx: Context, keys: list[str]) -> tuple[str, str]:
    svc = [ctx.profile.services[k] for k in keys]
    return (
        " / ".join(f"{x.name_en} ({x.code})" for x in svc),
        "、".join(f"{x.name_zh}（{x.code}）" for x in svc),
    )


def attribute_of(attrs: Any, value: str) -> str:
    """Where in a resource's attributes a value sits (`ingress[0].cidr_blocks[1]`), for messages that
    name the attribute: an exact value first, else a text that contains it (`ACCEPT#bad#22#TCP`)."""
    return _find(attrs, value.strip(), exact=True) or _find(attrs, value.strip(), exact=False) or "?"


def _find(node: Any, wanted: str, exact: bool, path: str = "") -> str:
    if isinstance(node, str):
        return path if (node.strip() == wanted if exact else wanted in node) else ""
    if isinstance(node, Mapping):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in node.items())
    elif isinstance(node, (list, tuple)):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(node))
    else:
        return ""
    return next((found for where, v in items if (found := _find(v, wanted, exact, where))), "")
