"""SP-15(3), SP-16(3)/(5), SP-17(5), SP-2: systems stay in mainland China and inside the coverage
of their business type; a location that cannot be established is never a pass."""

from __future__ import annotations

from permitguard import placement as pl
from permitguard.context import Context, Subject
from permitguard.geo import Location
from permitguard.model import Unknown
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import at, base_facts, not_located, services, type_gated, unlocated_type


@type_gated(unlocated_type)
def outside_mainland(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s)) is not None:
        return skip
    loc = next((x for x in s.placement.locations if x.territory != "mainland"), s.placement.location)
    facts = {**at(base_facts(s), loc), "territory": loc.territory}
    if loc.territory == "mainland":
        return Verdict(PASSED, "inside_mainland", facts)
    return Verdict(FAILED, "outside_mainland", facts)


@type_gated(unlocated_type)
def outside_coverage(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s)) is not None:
        return skip
    keys, every, bad = services(s, ctx)
    if bad:
        return bad
    facts = {**base_facts(s), "services": tuple(keys)}
    verdicts = [covered(loc, keys, every, facts, ctx) for loc in s.placement.locations]
    return next((v for v in verdicts if v.status is FAILED), verdicts[0])


def covered(loc: Location, keys: list[str], every: bool, facts: dict, ctx: Context) -> Verdict:
    """Inside when every business type's coverage holds the location (`every`: the resource is tagged
    with them), or any of them (untagged: the union of the grants). A coverage that cannot tell (no
    province or city established) makes it undetermined — unless the resource must be inside every one
    and one of them already says outside: then it is outside, whatever the others could not tell."""
    answers = [ctx.profile.services[k].coverage.covers(loc, ctx.city_provinces) for k in keys]
    facts = at(facts, loc)
    if all(a is True for a in answers) if every else any(a is True for a in answers):
        return Verdict(PASSED, "inside_coverage", facts)
    if any(a is None for a in answers) and not (every and False in answers):
        missing = "province" if loc.province is None else "city"
        return Verdict(FAILED, "coverage_undetermined", {**facts, "missing": missing})
    return Verdict(FAILED, "outside_coverage", {**facts, "coverage": tuple(keys)})


@type_gated(unlocated_type)
def location_unknown(s: Subject, ctx: Context) -> Verdict:
    p = s.placement
    facts = base_facts(s)
    if p.kind in pl.NO_LOCATION:
        return Verdict(NOT_APPLICABLE, f"{p.kind}_type", facts)
    if p.kind == pl.LOCATED:
        return Verdict(PASSED, "located", facts)
    if p.kind == pl.UNRESOLVED:
        return Verdict(FAILED, "unresolved", {**facts, "why": Unknown(p.why or "")})
    if p.kind == pl.UNKNOWN_REGION:
        return Verdict(FAILED, f"unknown_{p.what}", {**facts, "value": p.value})
    return Verdict(FAILED, "no_region", facts)


RULES = {
    "CKV_CNLIC_101": outside_mainland,
    "CKV_CNLIC_102": outside_coverage,
    "CKV_CNLIC_103": location_unknown,
}
