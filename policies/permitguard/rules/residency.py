"""SP-15(3), SP-16(3)/(5), SP-17(5), SP-2: systems stay in mainland China and inside the coverage
of their business type; a location that cannot be established is never a pass."""

from __future__ import annotations

from permitguard import placement as pl
from permitguard.context import Context, Subject
from permitguard.geo import Provinces
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import (
    at,
    base_params,
    not_located,
    service_names,
    services,
    territory_names,
    why_zh,
)


def outside_mainland(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s)) is not None:
        return skip
    loc = next((x for x in s.placement.locations if x.territory != "mainland"), s.placement.location)
    en, zh = territory_names(loc.territory)
    params = {**at(base_params(s), loc), "territory_en": en, "territory_zh": zh}
    if loc.territory == "mainland":
        return Verdict(PASSED, "inside_mainland", params)
    return Verdict(FAILED, "outside_mainland", params)


def _coverage(ctx: Context, keys: list[str], lang: str) -> str:
    """Where the permit licenses these business types, from the profile (never a bundled permit's)."""
    names, out = Provinces.load(), []
    for k in keys:
        cov = ctx.profile.services[k].coverage
        places = [names.name(p, lang) or p for p in sorted(cov.provinces)]
        places += sorted(c.title() for c in cov.cities)
        sep = "、" if lang == "zh" else ", "
        where = names.territory_label("mainland", lang) if cov.nationwide else sep.join(places)
        out.append(f"{ctx.profile.services[k].code} {where}")
    return ("；" if lang == "zh" else "; ").join(out)


def outside_coverage(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s)) is not None:
        return skip
    keys, every, bad = services(s, ctx)
    if bad:
        return bad
    en, zh = service_names(ctx, keys)
    params = {**base_params(s), "services_en": en, "services_zh": zh}
    verdicts = [_covered(loc, keys, every, params, ctx) for loc in s.placement.locations]
    return next((v for v in verdicts if v.status is FAILED), verdicts[0])


def _covered(loc, keys: list[str], every: bool, params: dict, ctx: Context) -> Verdict:
    answers = [ctx.profile.services[k].coverage.covers(loc, ctx.city_provinces) for k in keys]
    params = at(params, loc)
    if all(a is True for a in answers) if every else any(a is True for a in answers):
        return Verdict(PASSED, "inside_coverage", params)
    if any(a is None for a in answers) and not (every and False in answers):
        missing = ("province", "省份") if loc.province is None else ("city", "城市")
        return Verdict(
            FAILED, "coverage_undetermined", {**params, "missing": missing[0], "missing_zh": missing[1]}
        )
    cov = {"coverage_en": _coverage(ctx, keys, "en"), "coverage_zh": _coverage(ctx, keys, "zh")}
    return Verdict(FAILED, "outside_coverage", {**params, **cov})


def location_unknown(s: Subject, ctx: Context) -> Verdict:
    p = s.placement
    params = base_params(s)
    if p.kind in pl.NO_LOCATION:
        return Verdict(NOT_APPLICABLE, f"{p.kind}_type", params)
    if p.kind == pl.LOCATED:
        return Verdict(PASSED, "located", params)
    if p.kind == pl.UNRESOLVED:
        return Verdict(FAILED, "unresolved", {**params, "why": p.why, "why_zh": why_zh(p.why or "")})
    if p.kind == pl.UNKNOWN_REGION:
        return Verdict(FAILED, f"unknown_{p.what}", {**params, "value": p.value})
    return Verdict(FAILED, "no_region", params)


RULES = {
    "CKV_CNLIC_101": outside_mainland,
    "CKV_CNLIC_102": outside_coverage,
    "CKV_CNLIC_103": location_unknown,
}
