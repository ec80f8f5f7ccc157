"""SP-17(2), SP-17(3), SP-15(1): a website served on the internet from mainland China carries its ICP filing.

A site is a type of the site catalog (data/sites.yaml): a CDN domain, a public DNS record, a load-balancer
listener rule or domain with host names, an API-gateway custom domain. It is no such site when it is served
only outside the mainland (a CDN scope `overseas`), sits in a private zone or behind an intranet load balancer
(read on the related resource the catalog names, when the configuration holds it), or is a record type that is
no website (MX, TXT…). A related resource that is not in the configuration cannot say "private": the site is
judged (fail closed).

The filing number is the tag `icp-filing` (profile `tags.icp_filing`), on the site or, for a type that carries
no tags, on its DNS zone or CDN endpoint joined in the configuration. It must be an ICP filing number
(京ICP备12345678号-1; full-width digits count as the same digits; an ICP licence number 京ICP证… is not one)
and, where the profile records the operator's filings (`icp_filings`), the number filed for the host's
domain (a subdomain is covered by its domain; a filed number without a site suffix admits every suffix). A
type that carries no tags passes on the profile's record alone.
"""

from __future__ import annotations

from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import Resource, Unknown
from permitguard.resources.paths import given
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated
from permitguard.site_catalog import Site, normalised


def _chain(s: Subject, site: Site) -> list[Resource | None]:
    """The related resource of each step of `via`, as far as the configuration holds them (None after)."""
    found: list[Resource | None] = [None] * len(site.via)
    current: Resource | None = s.resource
    for i, step in enumerate(site.via):
        if current is None or s.peers is None:
            break
        values = given(current.attributes, step.attr)
        matches = s.peers.referenced(current, values[0], step.types, step.keys) if values else []
        current = found[i] = matches[0] if matches else None
    return found


def _hosts(attrs: Any, site: Site) -> list[str | Unknown]:
    if site.record is not None:
        rec = site.record
        names = given(attrs, rec.name) or ([rec.default_name] if rec.default_name else [])
        zones = given(attrs, rec.zone)
        if not zones or not names:
            return [Unknown(f"{rec.zone if not zones else rec.name} is not set")] if not zones else zones[:1]
        name, zone = names[0], zones[0]
        if isinstance(name, Unknown) or isinstance(zone, Unknown):
            return [name if isinstance(name, Unknown) else zone]
        return [str(zone) if str(name) in (rec.apex, "") else f"{name}.{zone}"]
    hosts: list[str | Unknown] = []
    for path in site.hosts:
        for value in given(attrs, path):
            if isinstance(value, Unknown):
                hosts.append(value)
            else:
                hosts += [h.strip() for h in str(value).split(",") if h.strip()]
    return hosts


def _not_a_site(s: Subject, site: Site, chain: list[Resource | None], facts: dict) -> Verdict | None:
    if site.record_attr:
        kinds = given(s.attributes, site.record_attr)
        if kinds and isinstance(kinds[0], Unknown):
            why = {**facts, "attr": site.record_attr, "why": kinds[0]}
            return Verdict(FAILED, "record_type_unresolved", why)
        if kinds and str(kinds[0]).casefold() not in site.websites:
            return Verdict(NOT_APPLICABLE, "not_a_website_record", {**facts, "value": str(kinds[0])})
    for c in site.not_sites:
        holder = s.resource if c.step is None else chain[c.step]
        if holder is None:
            continue  # the related resource is not in the configuration: cannot say private, judged
        values = given(holder.attributes if c.step is not None else s.attributes, c.attr)
        where = {**facts, "attr": c.attr, "holder": holder.address}
        if values and isinstance(values[0], Unknown):
            return Verdict(FAILED, "scope_unresolved", {**where, "why": values[0]})
        if values and (not c.values or any(str(v).casefold() in c.values for v in values)):
            shown = values[0] if c.values else "set"
            shown = str(shown).lower() if isinstance(shown, bool) else str(shown)
            return Verdict(NOT_APPLICABLE, "not_an_internet_site", {**where, "value": shown})
    return None


def _filed_as(number: str, filed: str) -> bool:
    """Whether a tag's number is the one filed (a filed number without a site suffix admits every suffix)."""
    filed = normalised(filed)
    return number == filed or ("-" not in filed and number.startswith(filed + "-"))


def _no_site(t: TypeOf, ctx: Context) -> str | None:
    return "not_a_site" if ctx.sites.site(t.info.type) is None else None


@type_gated(_no_site)
def icp_filing(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    site = ctx.sites.site(s.info.type)
    chain = _chain(s, site)
    if (skip := _not_a_site(s, site, chain, facts)) is not None:
        return skip
    hosts = _hosts(s.attributes, site)
    if not hosts:
        return Verdict(NOT_APPLICABLE, "no_host_name", facts)
    known = tuple(h for h in hosts if isinstance(h, str))
    unknown = next((h for h in hosts if isinstance(h, Unknown)), None)
    tag, profile = ctx.profile.tags["icp_filing"], ctx.profile
    facts.update(tag=tag, hosts=known)
    value = s.tag(tag) if s.info.tags_attr else None
    holder = s.resource.address
    parent = chain[-1] if site.via else None
    if (value is None or value == "") and site.lends_tag and parent is not None:
        value, holder = Subject(parent, ctx).tag(tag), parent.address
    if value is None or value == "":
        if not s.info.tags_attr and unknown is None and profile.icp_filings:
            covered = [profile.icp_filing_for(h) for h in known]
            if all(covered):
                domains = tuple(sorted({c[0] for c in covered if c}))
                return Verdict(PASSED, "filed_in_profile", {**facts, "domains": ", ".join(domains)})
        if s.info.tags_attr:
            return Verdict(FAILED, "tag_missing", facts)
        if site.lends_tag and parent is not None:
            return Verdict(FAILED, "parent_untagged", {**facts, "parent": parent.address})
        related = ", ".join(t for step in site.via[-1:] for t in step.types) if site.lends_tag else ""
        return Verdict(FAILED, "no_filing_recorded" if related else "no_filing_untaggable",
                       {**facts, "related": related})
    facts["holder"] = holder
    if isinstance(value, Unknown):
        return Verdict(FAILED, "tag_unresolved", {**facts, "why": value})
    number = normalised(str(value))
    facts["value"] = number
    if "ICP证" in number:
        return Verdict(FAILED, "licence_number", facts)
    if not ctx.sites.well_formed(number):
        return Verdict(FAILED, "malformed", facts)
    if not profile.icp_filings:
        return Verdict(PASSED, "well_formed", facts)
    if unknown is not None:
        return Verdict(FAILED, "host_unresolved", {**facts, "why": unknown})
    for host in known:
        found = profile.icp_filing_for(host)
        if found is None:
            return Verdict(FAILED, "not_filed", {**facts, "host": host})
        if not _filed_as(number, found[1]):
            return Verdict(FAILED, "wrong_number",
                           {**facts, "host": host, "domain": found[0], "filed": found[1]})
    return Verdict(PASSED, "filed", facts)


RULES = {
    "CKV_CNLIC_501": icp_filing,
}
