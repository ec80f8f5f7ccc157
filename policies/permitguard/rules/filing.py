"""SP-15(4)/(6), SP-17(6)/(8): a new machine room or access expansion is filed before it is built.

A (provider, region, zone) that a filed machine room covers is filed; anything else needs the
prior-filing tag naming a filing of the profile whose scope covers it, dated no later than the change
(a filing dated on the change date itself is in time). A tag value names a filing regardless of
surrounding blanks and letter case (` te-2026-0412` is TE-2026-0412): the reference is the same.

The duty is about capacity: a type whose catalog footprint is ``logical`` (rules, policies, identities,
attachments, routes, records…) occupies no machine room and both rules are not applicable to it. A type the
catalog does not know keeps the duty (fail closed), and its failures say it is not in the catalog.
"""

from __future__ import annotations

from permitguard import placement as pl
from permitguard.context import Context, Subject, TypeOf
from permitguard.geo import Location
from permitguard.license import Filing
from permitguard.localise import date_basis
from permitguard.model import TrailStep, Unknown
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import at, base_facts, not_located, services, type_gated, unlocated_type


def _room_args(loc: Location) -> tuple[str, str, str | None]:
    return loc.provider, loc.region, loc.zone


def room_name(loc: Location) -> str:
    """The machine room a location would add: "alicloud cn-hangzhou zone h", "aws cn-north-1 (whole
    region)"."""
    if not loc.zone:
        return f"{loc.provider} {loc.region} (whole region)"
    zone = loc.zone[len(loc.region):].lstrip("-") if loc.zone.startswith(loc.region) else loc.zone
    return f"{loc.provider} {loc.region} zone {zone or loc.zone}"


def _unfiled(s: Subject, ctx: Context) -> list[Location]:
    """The resource's locations that no filed machine room covers."""
    if s.placement.zone_unknown:  # only a room filed for the whole region covers every zone it may get
        whole_region = [r.scope for r in ctx.profile.rooms if r.scope.zones is None]
        return [loc for loc in s.placement.locations
                if not any(w.covers(*_room_args(loc)) for w in whole_region)]
    return [loc for loc in s.placement.locations if ctx.profile.room_covering(*_room_args(loc)) is None]


def _logical(t: TypeOf, ctx: Context | None = None) -> str | None:
    """Not applicable to a logical (configuration) type: it adds no machine-room capacity. A type the
    catalog does not know (no footprint) is judged as occupying a room. CKV_CNLIC_302's type gate."""
    return "logical_type" if t.info.occupies_room is False else None


def occupies_no_room(s: Subject) -> Verdict | None:
    """`_logical` as a verdict on `s`, for a rule that asks after its location (CKV_CNLIC_301)."""
    reason = _logical(s.type_of)
    return Verdict(NOT_APPLICABLE, reason, base_facts(s)) if reason is not None else None


def _failure(reason: str, s: Subject) -> str:
    """The failure's message key; for a type absent from the catalog, the variant that says so."""
    return reason if s.info.occupies_room is not None else f"{reason}_uncatalogued"


def no_filing_duty(rule_id: str, s: Subject, ctx: Context) -> Verdict | None:
    """Not applicable when none of the resource's business types carries the duty (a VPN-only permit files
    no rooms: SP-16 has no such item). A business type that cannot be established keeps the duty."""
    duty = ctx.rules[rule_id].services
    keys, _, bad = services(s, ctx)
    if not duty or bad is not None or set(keys) & set(duty):
        return None
    return Verdict(NOT_APPLICABLE, "no_filing_duty", {**base_facts(s), "services": tuple(keys)})


@type_gated(unlocated_type)
def new_room_unfiled(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s) or occupies_no_room(s) or no_filing_duty("CKV_CNLIC_301", s, ctx)) is not None:
        return skip
    facts, unfiled = base_facts(s), _unfiled(s, ctx)
    if not unfiled:
        room = ctx.profile.room_covering(*_room_args(s.placement.location))
        where = room_name(s.placement.location)
        step = TrailStep("filed_room", f"{room.room_id} ({room.reference}): {where}")
        facts.update(room=room.room_id, reference=room.reference)
        return Verdict(PASSED, "filed_room", facts, (step,))
    facts, tag = at(facts, unfiled[0]), ctx.profile.tags["prior_filing"]
    facts["new_room"] = room_name(unfiled[0])  # failures are grouped by the room they would add
    value = s.tag(tag)
    trail = (TrailStep("no_filed_room", f"no filed machine room covers {facts['new_room']}"),
             _tag_step(tag, value, s))
    if (value is None or value == "") and s.placement.zone_unknown:
        return Verdict(FAILED, "zone_undetermined", {**facts, "tag": tag, "why": s.placement.why}, trail)
    if value is None or value == "":
        return Verdict(FAILED, _failure("new_room", s), {**facts, "tag": tag}, trail)
    filing = None if isinstance(value, Unknown) else ctx.profile.filing(str(value))
    if filing is None or _problem(filing, s, ctx) is not None:
        shown = value if isinstance(value, Unknown) else str(value)
        return Verdict(FAILED, _failure("invalid_filing", s), {**facts, "tag": tag, "value": shown}, trail)
    return Verdict(
        PASSED,
        "prior_filing",
        {**facts, "reference": filing.reference, "filed_on": filing.filed_on.isoformat()},
        trail + (TrailStep("filing", f"{filing.reference} filed {filing.filed_on.isoformat()}"),),
    )


def _tag_step(tag: str, value: object, s: Subject) -> TrailStep:
    shown = "not set" if value is None or value == "" else f"unknown ({value.why})" if isinstance(
        value, Unknown) else value
    return TrailStep("filing_tag", f"{tag}: {shown}", s.resource.file, s.resource.line)


def _problem(filing: Filing, s: Subject, ctx: Context) -> str | None:
    """Why a filing does not cover this resource: every location no room covers must be in its scope
    (a resource wholly in filed rooms must at least sit in the scope it names)."""
    needing = _unfiled(s, ctx) or list(s.placement.locations)
    if any(not filing.scope.covers(*_room_args(loc)) for loc in needing):
        return "out_of_scope"
    if filing.filed_on > ctx.as_of:
        return "filed_after"
    return None


@type_gated(_logical)
def prior_filing_invalid(s: Subject, ctx: Context) -> Verdict:
    if (skip := no_filing_duty("CKV_CNLIC_302", s, ctx)) is not None:
        return skip
    tag = ctx.profile.tags["prior_filing"]
    value = s.tag(tag)
    facts = {**base_facts(s), "tag": tag, "value": value}
    if value is None or value == "":
        return Verdict(NOT_APPLICABLE, "no_tag", facts)
    if isinstance(value, Unknown):
        return Verdict(FAILED, "tag_unresolved", {**facts, "why": value})
    value = str(value).strip()
    facts["value"] = value
    filing = ctx.profile.filing(value)  # blanks and letter case aside, the reference names the filing
    if filing is None and not ctx.profile.filing_pattern.match(value):
        return Verdict(FAILED, "malformed", {**facts, "pattern": ctx.profile.filing_pattern.pattern})
    if filing is None:
        return Verdict(FAILED, "unknown_reference", facts)
    facts.update(filed_on=filing.filed_on.isoformat(), as_of=ctx.as_of.isoformat(), scope=filing.scope,
                 date_basis=date_basis(s.resource.deployed))
    trail = (_tag_step(tag, value, s), TrailStep("filing", f"{filing.reference} filed {facts['filed_on']}"))
    problem = _problem(filing, s, ctx)
    if problem:
        return Verdict(FAILED, problem, facts, trail)
    if s.placement.kind not in (pl.LOCATED, *pl.NO_LOCATION):
        return Verdict(NOT_APPLICABLE, "location_unknown", facts, trail)
    return Verdict(PASSED, "valid", facts, trail)


RULES = {
    "CKV_CNLIC_301": new_room_unfiled,
    "CKV_CNLIC_302": prior_filing_invalid,
}
