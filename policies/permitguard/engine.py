"""Run the rules over resources: Resource → Findings, one per rule (passed, failed or not applicable)."""

from __future__ import annotations

from collections.abc import Iterable

from permitguard import localise
from permitguard.context import Context, Subject
from permitguard.model import Action, Finding, Resource, Status, Words, masked, sensitive_texts
from permitguard.peers import Peers
from permitguard.rules import RULES
from permitguard.rules.base import Verdict
from permitguard.rules.configuration import is_part

CONFIGURATION_FAMILY = "configuration"  # judges the parts of a configuration that could not be read
PROVIDER_CONFIG_FAMILY = "residency"  # a Pulumi provider configuration is judged for its location only


def _where(subject: Subject, ctx: Context) -> dict[str, str | None]:
    """The location and business-type fields every finding of one resource shares."""
    loc = subject.placement.location
    service = (
        subject.tag(ctx.profile.tags["service"]) if subject.resource.action is not Action.DELETE else None
    )
    return {
        "region": loc.region if loc else None,
        "zone": loc.zone if loc else None,
        "territory": loc.territory if loc else None,
        "province": loc.province if loc else None,
        "city": loc.city if loc else None,
        "service": service if isinstance(service, str) else None,
    }


def _finding(
    rule_id: str, level: str, verdict: Verdict, subject: Subject, ctx: Context, where: dict,
    hidden: frozenset[str] = frozenset(),
) -> Finding:
    meta = ctx.rules[rule_id]

    def words() -> tuple[str, str]:
        text = localise.message(meta, verdict.reason, verdict.facts, ctx)
        return masked(text.en, hidden), masked(text.zh, hidden)

    room = verdict.facts.get("new_room") if verdict.status is Status.FAILED else None
    return Finding(
        rule_id=rule_id,
        status=verdict.status,
        severity=meta.severity,
        enforcement=level,
        clauses=meta.clauses,
        resource=subject.resource,
        reason=verdict.reason,
        words=Words(words),
        room=masked(room, hidden),
        **where,
    )


def _hidden(subject: Subject) -> frozenset[str]:
    """Texts no finding may show: the resource's sensitive values and the region/zone ids found from them."""
    if not subject.resource.hidden and not any(
            sensitive_texts(loc.region, loc.zone) for loc in subject.placement.locations):
        return frozenset()
    return subject.resource.hidden | sensitive_texts(
        *[part for loc in subject.placement.locations for part in (loc.region, loc.zone)])


def _judge(rule_id: str, subject: Subject, ctx: Context) -> Verdict:
    if subject.resource.action in (Action.DELETE, Action.READ):
        return Verdict(
            Status.NOT_APPLICABLE,
            "not_changed",
            {"address": subject.resource.address, "action": subject.resource.action.value},
        )
    res = subject.resource
    if is_part(res.type) and ctx.rules[rule_id].family != CONFIGURATION_FAMILY:
        return Verdict(Status.NOT_APPLICABLE, "not_a_resource", {"address": res.address})
    if ctx.types.pulumi_provider_package(res.type) and ctx.rules[rule_id].family != PROVIDER_CONFIG_FAMILY:
        return Verdict(Status.NOT_APPLICABLE, "provider_config", {"address": res.address, "type": res.type})
    return RULES[rule_id](subject, ctx)


def evaluate(
    resource: Resource, ctx: Context, rule_ids: Iterable[str] | None = None, peers: Peers | None = None
) -> list[Finding]:
    """`peers`: the other resources of its configuration (rules that join read them; None: not joined)."""
    subject = Subject(resource, ctx, peers)
    ids = list(rule_ids) if rule_ids is not None else [r for r in ctx.rules.ids() if r in RULES]
    levels = [(rid, ctx.level(rid)) for rid in ids]
    hidden = _hidden(subject)
    where = {key: masked(value, hidden) for key, value in _where(subject, ctx).items()}
    return [
        _finding(rid, level, _judge(rid, subject, ctx), subject, ctx, where, hidden)
        for rid, level in levels
        if level != "disabled"
    ]
