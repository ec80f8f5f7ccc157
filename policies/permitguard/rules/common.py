"""Facts every rule shares, and small helpers over Subject."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from permitguard import placement as pl
from permitguard.context import Context, Subject, TypeOf
from permitguard.geo import Location
from permitguard.model import Unknown
from permitguard.rules.base import FAILED, NOT_APPLICABLE, Rule, Verdict

TypeGate = Callable[[TypeOf, Context], "str | None"]


def type_gated(gate: TypeGate) -> Callable[[Rule], Rule]:
    """A rule that is not applicable to whole types: `gate(type_of, ctx)` names the reason (the rule's
    message for it shows the resource's base facts) for every resource of a type the rule never judges,
    None for a type it judges. The rule asks its gate first and judges only what the gate lets through;
    the engine, which finds the gate on the rule (`type_gate`), asks it once per type and run and gives
    that verdict without calling the rule (engine.judge) — the same verdict, since the gate reads nothing
    but the type."""
    def decorate(judge: Rule) -> Rule:
        @functools.wraps(judge)
        def rule(s: Subject, ctx: Context) -> Verdict:
            reason = gate(s.type_of, ctx)
            if reason is not None:
                return Verdict(NOT_APPLICABLE, reason, base_facts(s))
            return judge(s, ctx)

        rule.type_gate = gate  # type: ignore[attr-defined]
        return rule

    return decorate


def base_facts(s: Subject) -> dict[str, Any]:
    """The facts every verdict on `s` carries (computed once per subject: `Subject.facts`); a copy."""
    return dict(s.facts)


def unlocated_type(t: TypeOf, ctx: Context) -> str | None:
    """The type gate of the rules that judge where a resource is: a type with no location (a global, child
    or cluster type: the catalog's `placement`) is not applicable, as `not_located` says of its resources."""
    return f"{t.info.placement}_type" if t.info.placement in pl.NO_LOCATION else None


def not_located(s: Subject) -> Verdict | None:
    """Not applicable when the subject has no location (global or child type) or none was established
    (CKV_CNLIC_103 reports that); None when it is located and the rule should judge it."""
    kind = s.placement.kind
    if kind in pl.NO_LOCATION:
        return Verdict(NOT_APPLICABLE, f"{kind}_type", base_facts(s))
    if kind != pl.LOCATED:
        return Verdict(NOT_APPLICABLE, "location_unknown", base_facts(s))
    return None


def at(facts: dict[str, Any], loc: Location) -> dict[str, Any]:
    """The facts, about one of a multi-zone resource's locations."""
    return {**facts, "location": loc}


def services(s: Subject, ctx: Context) -> tuple[tuple[str, ...], bool, Verdict | None]:
    """The business types the resource serves and whether it must be inside all of them: its tag (one or
    several, comma-separated: inside every one), else the profile default, else any granted type. Found
    once per resource, for every rule that asks (`Subject.shared`)."""
    return s.shared(_services)


def _services(s: Subject, ctx: Context) -> tuple[tuple[str, ...], bool, Verdict | None]:
    profile = ctx.profile
    key = profile.tags["service"]
    value = s.tag(key)
    if isinstance(value, Unknown):
        return (), True, Verdict(FAILED, "service_tag_unknown", {**base_facts(s), "tag": key, "why": value})
    if value is None or value == "":
        default = (profile.default_service,) if profile.default_service else tuple(profile.services)
        return default, False, None
    names = [part for part in str(value).replace(";", ",").split(",") if part.strip()]
    keys = [profile.service_named(part) for part in names]
    if not isinstance(value, str) or not keys or None in keys:
        facts = {**base_facts(s), "tag": key, "value": value, "granted": tuple(profile.services)}
        return (), True, Verdict(FAILED, "service_not_granted", facts)
    return tuple(dict.fromkeys(keys)), True, None


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
