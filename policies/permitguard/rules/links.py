"""SP-17(1), SP-16(3): no link leaves mainland China; SP-3: lines are leased only from basic-telecom carriers.

A link is a type of the link catalog (data/links.yaml `cross_border`): an inter-region network attachment,
bandwidth package or limit, a peering, a VPN connection or customer gateway, a dedicated line. Its ends are
its own location (where the attachment, gateway or line is; CKV_CNLIC_101 judges the same location as a
resource, this rule as an end of a link) and the attributes the catalog names. Every end must be shown to be
in the mainland: an end outside fails; an end known only by an address, by a gateway reference, by a value
the catalogs do not know or known only after apply could not be established (a failure, never a pass).

A peer known only by its address (a customer or local gateway, or the gateway a connection names when the
gateway is declared in the same configuration) is a mainland end when the licence profile lists it among the
organisation's own sites (`organization.vpn_peers`); any other address could not be established.

A leased line (`leased_lines`) names its carrier; only the holders of a basic telecom permit pass. A word
that names no carrier in particular (`CO`, `ChinaOther`) or a carrier not stated could not be established.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.link_catalog import IGNORE, MAINLAND, OUTSIDE, OWN, End
from permitguard.model import TrailStep, Unknown
from permitguard.resources.paths import given
from permitguard.rules.base import FAILED, PASSED, Verdict
from permitguard.rules.common import at, base_facts, not_located, type_gated


def _end(end: End, value: Any, s: Subject, ctx: Context, facts: dict) -> tuple[str, Any]:
    """(MAINLAND, a description of the end) | (OUTSIDE, a failed verdict) | ("unknown", a failed verdict)."""
    facts = {**facts, "attr": end.attr}
    if end.kind == "gateway":
        return _gateway_end(value, ctx, facts)
    if isinstance(value, Unknown):
        return "unknown", Verdict(FAILED, "end_unresolved", {**facts, "why": value})
    if end.kind == "address":
        return _own_peer(str(value), ctx, facts)
    text = str(value)
    if end.kind == "region":
        loc = ctx.regions.resolve(s.resource.cloud, region=text)
        if loc is None:
            return "unknown", Verdict(FAILED, "unknown_end_region", {**facts, "value": text})
        if loc.territory != MAINLAND:
            far = {**facts, "far_end": loc, "territory": loc.territory}
            return OUTSIDE, Verdict(FAILED, "cross_border", far)
        return MAINLAND, f"{end.attr} = {text}"
    where = ctx.links.place(end.vocabulary or "", text)
    if where is None:
        return "unknown", Verdict(FAILED, "unknown_place", {**facts, "value": text})
    if where == OUTSIDE:
        return OUTSIDE, Verdict(FAILED, "cross_border_place", {**facts, "value": text})
    return MAINLAND, f"{end.attr} = {text}"


def _own_peer(address: str, ctx: Context, facts: dict) -> tuple[str, Any]:
    """A peer known only by its address is a mainland end when the profile lists it as one of the
    organisation's own sites (`organization.vpn_peers`); otherwise where it is cannot be established."""
    peer = ctx.profile.vpn_peer(address)
    if peer is None:
        return "unknown", Verdict(FAILED, "address_only", {**facts, "value": address})
    return MAINLAND, f"{facts['attr']} = {address} → organization.vpn_peers: {peer.site}"


def _gateway_end(value: Any, ctx: Context, facts: dict) -> tuple[str, Any]:
    """The far end of a connection: the gateway it names, placed by that gateway's addresses when the
    reader resolved them (a gateway declared in the same configuration), else could not be established."""
    if not isinstance(value, Mapping) or "addresses" not in value:
        return "unknown", Verdict(FAILED, "gateway_end", facts)
    facts = {**facts, "gateway": value.get("gateway", "?")}
    addresses = [a for a in value["addresses"] if a not in (None, "")]
    if not addresses:
        return "unknown", Verdict(FAILED, "gateway_end", facts)
    inside = []
    for address in addresses:
        if isinstance(address, Unknown):
            return "unknown", Verdict(FAILED, "end_unresolved", {**facts, "why": address})
        peer = ctx.profile.vpn_peer(str(address))
        if peer is None:
            return "unknown", Verdict(FAILED, "gateway_address_only", {**facts, "value": str(address)})
        inside.append(f"{facts['gateway']} {address} → organization.vpn_peers: {peer.site}")
    return MAINLAND, "; ".join(inside)


def _no_link(t: TypeOf, ctx: Context) -> str | None:
    return "not_a_link" if ctx.links.link(t.info.type) is None else None


@type_gated(_no_link)
def cross_border_link(s: Subject, ctx: Context) -> Verdict:
    trail: list[TrailStep] = []
    verdict = _cross_border(s, ctx, trail)
    return replace(verdict, trail=tuple(trail)) if trail else verdict


def _cross_border(s: Subject, ctx: Context, trail: list[TrailStep]) -> Verdict:
    facts = base_facts(s)
    link = ctx.links.link(s.info.type)
    if link.own_location:
        if (skip := not_located(s)) is not None:
            return skip
        here = next((x for x in s.placement.locations if x.territory != MAINLAND), None)
        if here is not None:
            return Verdict(FAILED, "end_outside", {**at(facts, here), "territory": here.territory})
    attrs, inside, undetermined = s.attributes, [], None
    for end in link.ends:
        values = given(attrs, end.attr)
        if not values:
            if end.absent in (IGNORE, OWN) or any(given(attrs, u) for u in end.unless):
                continue
            undetermined = undetermined or Verdict(FAILED, "end_not_stated", {**facts, "attr": end.attr})
            continue
        for value in values:
            shown = f"unknown ({value.why})" if isinstance(value, Unknown) else f"{value}"
            trail.append(TrailStep("link_end", f"{end.attr} ({end.kind}) = {shown}", s.resource.file,
                                   s.resource.line))
            where, found = _end(end, value, s, ctx, facts)
            if where == OUTSIDE:
                return found
            if where == MAINLAND:
                inside.append(found)
            else:
                undetermined = undetermined or found
    if undetermined is not None:
        return undetermined
    facts["ends"] = tuple(inside)
    if not link.own_location:
        return Verdict(PASSED, "domestic_places", facts)
    return Verdict(PASSED, "domestic" if inside else "domestic_here", facts)


def _no_line(t: TypeOf, ctx: Context) -> str | None:
    return "not_a_line" if ctx.links.line(t.info.type) is None else None


@type_gated(_no_line)
def unlicensed_carrier(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    line = ctx.links.line(s.info.type)
    facts["attr"] = line.attr
    values = given(s.attributes, line.attr)
    if not values:
        return Verdict(FAILED, "carrier_not_stated", facts)
    value = values[0]
    if isinstance(value, Unknown):
        return Verdict(FAILED, "carrier_unresolved", {**facts, "why": value})
    text = str(value).strip()
    carrier = ctx.links.carrier(text)
    named = f"{carrier.key} ({carrier.en})" if carrier else "no licensed carrier"
    step = TrailStep("carrier", f"{line.attr} = {text}: {named}", s.resource.file, s.resource.line)
    if carrier is not None:
        return Verdict(PASSED, "licensed_carrier", {**facts, "value": text, "carrier": carrier}, (step,))
    if ctx.links.unspecific(text):
        return Verdict(FAILED, "unspecific_carrier", {**facts, "value": text}, (step,))
    return Verdict(FAILED, "unlicensed_carrier", {**facts, "value": text}, (step,))


RULES = {
    "CKV_CNLIC_401": cross_border_link,
    "CKV_CNLIC_404": unlicensed_carrier,
}
