"""SP-15(3), SP-16(5), SP-17(5): nobody outside the company gets use or management rights over the
network-control system — no trust to third parties, no management surface open beyond the
organisation's management networks."""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import replace

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import TrailStep, Unknown
from permitguard.rules import principals as pr
from permitguard.rules import uncatalogued
from permitguard.rules.base import FAILED, PASSED, Verdict
from permitguard.rules.common import attribute_of, base_facts, type_gated
from permitguard.rules.endpoints import ENDPOINTS
from permitguard.rules.exposure import INGRESS, PREFIX_LIST, IngressRule, Unresolved

# Words that admit everyone. Azure's `AzureCloud` (optionally `AzureCloud.<region>`) service tag is every
# Azure datacentre address, other customers' VMs included: outside the organisation. Other service tags
# (VirtualNetwork, AzureLoadBalancer, GatewayManager…) are platform or own-network sources.
OUTSIDE_WORDS = {"*", "any", "internet", "0.0.0.0", "::", "0.0.0.0/0", "::/0", "azurecloud"}
# Sources that are no address range and admit only the organisation's own members: Azure service tags
# (VirtualNetwork, AzureLoadBalancer, Sql.ChinaEast2: CamelCase words) and security-group ids (sg-…).
# Tencent address templates (ipm-…, ipmg-…) are prefix lists. Anything else is unreadable: never inside.
SERVICE_TAG = re.compile(r"^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$")
GROUP_ID = re.compile(r"^sg-[0-9a-z]+$")
TEMPLATE_ID = re.compile(r"^ipmg?-[0-9a-z]+$")
OUTSIDE, INSIDE, UNPARSEABLE, LISTED = "outside", "inside", "unparseable", "prefix_list"


def _principals(kind: str, value: object) -> list[pr.Principal]:
    """`external_switch`: a flag that, when true, lets the grant reach principals outside the
    organisation (aws_ram_resource_share.allow_external_principals): a wildcard by itself."""
    if kind == "policy_document":
        return pr.policy_principals(value)
    if kind == "external_switch":
        if str(value).strip().lower() not in ("true", "1"):
            return []
        return [pr.Principal("*", "any principal outside the organisation (external sharing on)")]
    values = value if isinstance(value, (list, tuple)) else [value]
    return [
        pr.Principal(kind, v if isinstance(v, Unknown) else str(v)) for v in values if v not in (None, "")
    ]


def _trusts_none(t: TypeOf, ctx: Context) -> str | None:
    return "no_trust" if t.info.known and not t.info.trust else None


@type_gated(_trusts_none)
def third_party_trust(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    if not s.info.known:
        return uncatalogued.trust_verdict(s)
    seen: list[str] = []
    trail: list[TrailStep] = []
    for spec in s.info.trust:
        value = s.attributes.get(spec.attr)
        if isinstance(value, Unknown):
            return Verdict(FAILED, "unresolved", {**facts, "attr": spec.attr, "why": value}, tuple(trail))
        try:
            found = _principals(spec.kind, value) if value not in (None, "") else []
        except pr.Unparseable as exc:
            return Verdict(FAILED, "unresolved", {**facts, "attr": spec.attr, "why": str(exc)}, tuple(trail))
        trail.append(TrailStep("trust_statement", f"{spec.attr} ({spec.kind}): "
                               + (", ".join(f"{p.value}" for p in found) or "no principal"),
                               s.resource.file, s.resource.line))
        unknown = next((p.value for p in found if isinstance(p.value, Unknown)), None)
        if unknown is not None:
            return Verdict(FAILED, "unresolved", {**facts, "attr": spec.attr, "why": unknown}, tuple(trail))
        outsiders = tuple(p.value for p in found if not pr.is_first_party(p, s.resource.cloud, ctx.profile))
        if outsiders:
            facts = {**facts, "attr": spec.attr, "principals": outsiders}
            return Verdict(FAILED, "third_party", facts, tuple(trail))
        seen += [p.value for p in found]
    return Verdict(PASSED, "first_party", {**facts, "principals": tuple(seen)}, tuple(trail))


def _outside(source: str, ctx: Context, cloud: str) -> bool:
    return _kind(source, ctx.profile.management_cidrs, cloud) == OUTSIDE


@functools.lru_cache(maxsize=4096)  # the same few sources recur across thousands of rules
def _kind(source: str, management: tuple, cloud: str) -> str:
    """outside / inside the management networks, unparseable (no range can be read: never inside), or
    a prefix list whose ranges the configuration does not hold."""
    text = source.strip()
    word = text.lower()
    if word in OUTSIDE_WORDS or word.startswith("azurecloud."):
        return OUTSIDE
    if source.startswith(PREFIX_LIST) or TEMPLATE_ID.match(text):
        return LISTED
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        tag = cloud.startswith("azure") and SERVICE_TAG.match(text)  # azurerm, azure, azure-native
        return INSIDE if tag or GROUP_ID.match(text) else UNPARSEABLE
    return OUTSIDE if not any(net.version == m.version and net.subnet_of(m) for m in management) else INSIDE


def _undetermined(sources: list[str], ctx: Context, s: Subject, facts: dict) -> Verdict | None:
    """Could-not-evaluate for the first source that is unreadable or a prefix list, naming where it is."""
    for src in sources:
        kind = _kind(src, ctx.profile.management_cidrs, s.resource.cloud)
        if kind in (UNPARSEABLE, LISTED):
            value = src.removeprefix(PREFIX_LIST)
            reason = "unparseable_source" if kind == UNPARSEABLE else "prefix_list"
            where = attribute_of(s.resource.attributes, value)
            return Verdict(FAILED, reason, {**facts, "attr": where, "value": value})
    return None


def _hits_management(span: tuple[int, int] | None, ctx: Context) -> bool:
    return span is not None and any(
        lo <= span[1] and span[0] <= hi for lo, hi in ctx.profile.management_ports
    )


def _exposes_nothing(t: TypeOf, ctx: Context) -> str | None:
    ingress, endpoint = INGRESS.get(t.info.ingress or ""), ENDPOINTS.get(t.info.endpoint or "")
    return "no_exposure" if t.info.known and ingress is None and endpoint is None else None


@type_gated(_exposes_nothing)
def management_exposed(s: Subject, ctx: Context) -> Verdict:
    verdict, trail = _exposure(s, ctx)
    return replace(verdict, trail=tuple(trail)) if trail else verdict


def _exposure(s: Subject, ctx: Context) -> tuple[Verdict, list[TrailStep]]:
    facts, trail = base_facts(s), []
    ingress, endpoint = INGRESS.get(s.info.ingress or ""), ENDPOINTS.get(s.info.endpoint or "")
    if not s.info.known:
        return uncatalogued.exposure_verdict(s), trail
    attrs = s.attributes  # catalog defaults of omitted attributes applied
    here = (s.resource.file, s.resource.line)
    try:
        unsure = None
        if endpoint is not None:
            found = endpoint(attrs)
            trail.append(TrailStep("endpoint", "reachable from " + (", ".join(f"{x}" for x in found.sources)
                                                                     or "nowhere"), *here))
            if any(_outside(src, ctx, s.resource.cloud) for src in found.sources):
                return _by_default(s, Verdict(FAILED, "public_endpoint", {**facts, "endpoint": found})), trail
            unsure = _undetermined(list(found.sources), ctx, s, facts)
        if ingress is not None:
            rules = ingress(attrs)
            trail += [TrailStep("ingress_rule", _rule_text(r), *here) for r in rules]
            managed = [r for r in rules if _hits_management(r.ports, ctx)]
            bad = [r for r in managed if any(_outside(src, ctx, s.resource.cloud) for src in r.sources)]
            unsure = unsure or _undetermined([src for r in managed for src in r.sources], ctx, s, facts)
            if bad:
                ports = tuple(r.ports for r in bad)
                outside = tuple(src for r in bad for src in r.sources if _outside(src, ctx, s.resource.cloud))
                failed = Verdict(FAILED, "exposed_port", {**facts, "ports": ports, "sources": outside})
                return _by_default(s, failed), trail
    except Unresolved as exc:
        return Verdict(FAILED, "unresolved", {**facts, "what": exc.what, "why": exc.value}), trail
    except (ValueError, TypeError, AttributeError) as exc:
        return Verdict(FAILED, "unreadable", {**facts, "detail": str(exc)}), trail
    return unsure or Verdict(PASSED, "restricted", facts), trail


def _rule_text(rule: IngressRule) -> str:
    if rule.ports is None:
        ports = "no ports (protocol without ports)"
    else:
        low, high = rule.ports
        ports = f"port {low}" if low == high else f"ports {low}-{high}"
    return f"{ports} from " + (", ".join(f"{x}" for x in rule.sources) or "no source")


def _by_default(s: Subject, v: Verdict) -> Verdict:
    """A failure that provider defaults took part in says which defaults, and where they are documented."""
    if not s.defaulted:
        return v
    sources = tuple(dict.fromkeys(d.source for d in s.defaulted))
    facts = {**v.facts, "defaults": tuple(s.defaulted), "default_sources": sources}
    return Verdict(v.status, f"{v.reason}_default", facts)


RULES = {
    "CKV_CNLIC_201": third_party_trust,
    "CKV_CNLIC_202": management_exposed,
}
