"""Run the rules over resources: Resource → Findings, one per rule (passed, failed or not applicable)."""

from __future__ import annotations

from collections.abc import Iterable

from permitguard import localise
from permitguard.context import Context, Subject
from permitguard.model import (
    Action,
    Finding,
    Resource,
    Status,
    Trail,
    TrailStep,
    Words,
    masked,
    sensitive_texts,
)
from permitguard.peers import Peers
from permitguard.report import compact
from permitguard.rules import RULES
from permitguard.rules.base import Verdict
from permitguard.rules.common import base_facts
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
    hidden: frozenset[str] = frozenset(), located: Trail = (),
) -> Finding:
    meta = ctx.rules[rule_id]

    def words() -> tuple[str, str]:
        en, zh = localise.texts(meta, verdict.reason, verdict.facts, ctx)
        return (masked(en, hidden), masked(zh, hidden)) if hidden else (en, zh)

    room = verdict.facts.get("new_room") if verdict.status is Status.FAILED else None
    refilled = verdict.status is Status.NOT_APPLICABLE and not hidden and _refilled(meta, verdict, subject)
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
        located=located,
        trail=_masked_trail(verdict.trail, hidden),
        refilled=refilled,
        **where,
    )


def _refilled(meta, verdict: Verdict, subject: Subject) -> bool:
    """Whether the verdict's message is its template filled with the resource's address and type alone
    (found without rendering it: the template shows no other fact, and the facts hold exactly those)."""
    template = meta.template_if_any(verdict.reason)
    if template is None:
        return False
    key = (template.en, template.zh)
    names = _REFILLABLE.get(key, False)
    if names is False:
        names = _REFILLABLE[key] = compact.shown(*key) if compact.refillable(*key) else None
    if names is None:
        return False
    res, facts = subject.resource, verdict.facts
    for name in names:
        if name not in facts or facts[name] != (res.address if name == "address" else res.type):
            return False
    return True


_REFILLABLE: dict[tuple[str, str], tuple[str, ...] | None] = {}  # a template pair → the facts it shows when
# they are only the resource's address and type, else None


def _masked_trail(trail: Trail, hidden: frozenset[str]) -> Trail:
    """A trail that may leave the process: no step shows a sensitive value."""
    if not trail or not hidden:
        return trail
    return tuple(TrailStep(s.kind, masked(s.what, hidden), s.file, s.line) for s in trail)


def _hidden(subject: Subject) -> frozenset[str]:
    """Texts no finding may show: the resource's sensitive values and the region/zone ids found from them."""
    if not subject.resource.hidden and not any(
            sensitive_texts(loc.region, loc.zone) for loc in subject.placement.locations):
        return frozenset()
    return subject.resource.hidden | sensitive_texts(
        *[part for loc in subject.placement.locations for part in (loc.region, loc.zone)])


def _gate(subject: Subject, ctx: Context) -> tuple[str | None, Verdict | None]:
    """What spares rules judging the resource, found once for all of them: (the one family still judging
    it, or None for none; the verdict every other rule gives), or (None, None) when every rule judges it."""
    res, na = subject.resource, Status.NOT_APPLICABLE
    if res.action in (Action.DELETE, Action.READ):
        return None, Verdict(na, "not_changed", {"address": res.address, "action": res.action.value})
    if is_part(res.type):
        return CONFIGURATION_FAMILY, Verdict(na, "not_a_resource", {"address": res.address})
    if ctx.types.pulumi_provider_package(res.type):
        facts = {"address": res.address, "type": res.type}
        return PROVIDER_CONFIG_FAMILY, Verdict(na, "provider_config", facts)
    return None, None


def _judge(rule_id: str, subject: Subject, ctx: Context,
           gate: tuple[str | None, Verdict | None] = (None, None)) -> Verdict:
    judging, spared = gate
    if spared is not None and ctx.rules[rule_id].family != judging:
        return spared
    try:
        return RULES[rule_id](subject, ctx)
    except Exception as exc:  # a fault on one input costs that verdict, never the scan: could not evaluate
        res = subject.resource
        return Verdict(Status.FAILED, "rule_error", {"address": res.address, "type": res.type,
                                                     "error": type(exc).__name__})


def evaluate(resource: Resource, ctx: Context, rule_ids: Iterable[str] | None = None,
             peers: Peers | None = None) -> list[Finding]:
    """Every rule's finding on `resource`, in the catalog's order; `peers`: the resources of its
    configuration (None: not seen)."""
    return judge(resource, ctx, rule_ids, peers).findings


class Judged:
    """Every rule's verdict on one resource, as `judge` gives them: `findings` in full and, when asked for
    (`compactly`), the not-applicable verdicts whose message is their template filled with the resource's
    address and type alone as `compact` (rule id, enforcement level, reason, and the verdict, or None for
    a rule whose type gate spared the resource: rules.common.type_gated): what the findings JSON writes
    compactly (report.compact) needs no Finding made of them. `finding` makes one when it does."""

    __slots__ = ("findings", "compact", "_subject", "_ctx", "_where", "_located")

    def __init__(self, subject: Subject, ctx: Context, where: dict, located: Trail) -> None:
        self.findings: list[Finding] = []
        self.compact: list[tuple[str, str, str, Verdict | None]] = []
        self._subject, self._ctx, self._where, self._located = subject, ctx, where, located

    @property
    def resource(self) -> Resource:
        return self._subject.resource

    def finding(self, rule_id: str, level: str, reason: str, verdict: Verdict | None) -> Finding:
        """The Finding of a compact verdict, as `evaluate` gives it."""
        verdict = verdict or Verdict(Status.NOT_APPLICABLE, reason, base_facts(self._subject))
        return _finding(rule_id, level, verdict, self._subject, self._ctx, self._where, located=self._located)


def judge(resource: Resource, ctx: Context, rule_ids: Iterable[str] | None = None,
          peers: Peers | None = None, compactly: bool = False) -> Judged:
    """Every rule's verdict on `resource` (`evaluate`); `compactly`: those a compact writer takes without a
    Finding go to `Judged.compact` (a verdict with a sensitive value or a trail of its own never does)."""
    subject = Subject(resource, ctx, peers)
    run = _run(ctx)
    levels = run.levels if rule_ids is None else [(rid, ctx.level(rid)) for rid in rule_ids]
    hidden = _hidden(subject)
    where = _where(subject, ctx)
    if hidden:
        where = {key: masked(value, hidden) for key, value in where.items()}
    located = _masked_trail(subject.trail, hidden)
    gate = _gate(subject, ctx)
    judged = Judged(subject, ctx, where, located)
    compactly = compactly and not hidden and isinstance(resource.address, str)
    spared = run.spared(subject) if gate == (None, None) else _NONE_SPARED
    for rid, level in levels:
        if level == "disabled":
            continue
        if rid in spared:  # its type gate spares the type: the rule's verdict, without calling it
            reason, refilled = spared[rid]
            if compactly and refilled:
                judged.compact.append((rid, level, reason, None))
                continue
            verdict = Verdict(Status.NOT_APPLICABLE, reason, base_facts(subject))
        else:
            verdict = _judge(rid, subject, ctx, gate)
        if (compactly and verdict.status is Status.NOT_APPLICABLE and not verdict.trail
                and _refilled(ctx.rules[rid], verdict, subject)):
            judged.compact.append((rid, level, verdict.reason, verdict))
        else:
            judged.findings.append(_finding(rid, level, verdict, subject, ctx, where, hidden, located))
    return judged


class _Run:
    """What is the same for every resource of a run (one Context): the (rule, enforcement level) pairs the
    engine runs, in catalog order, and per resource type the rules whose type gate spares it."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self.levels = [(rid, ctx.level(rid)) for rid in ctx.rules.ids() if rid in RULES]
        self._gates = [(rid, gate) for rid, rule in RULES.items()
                       if (gate := getattr(rule, "type_gate", None)) is not None and rid in ctx.rules]
        self._spared: dict[tuple[str, str | None], dict[str, tuple[str, bool]]] = {}

    def spared(self, subject: Subject) -> dict[str, tuple[str, bool]]:
        """rule id → (its reason, whether its message is its template refilled with the resource's address
        and type) of each rule whose type gate spares the subject's type, asked once per type."""
        res = subject.resource
        key = (res.type, res.source_kind)
        if type(res.type) is not str or not isinstance(res.source_kind, (str, type(None))):
            return _NONE_SPARED  # no type to key on (a hostile input): every rule is called
        found = self._spared.get(key)
        if found is None:
            found = self._spared[key] = {}
            for rid, gate in self._gates:
                try:
                    reason = gate(subject.type_of, self._ctx)
                except Exception:  # noqa: BLE001 - the rule, called, gives its rule_error verdict
                    continue
                if reason is not None:
                    template = self._ctx.rules[rid].template_if_any(reason)
                    refilled = template is not None and compact.refillable(template.en, template.zh)
                    found[rid] = (reason, refilled)
        return found


_NONE_SPARED: dict[str, tuple[str, bool]] = {}


def _run(ctx: Context) -> _Run:
    """The run of `ctx`, made once per Context."""
    found = _RUNS.get(id(ctx))
    if found is None or found[0] is not ctx:
        found = _RUNS[id(ctx)] = (ctx, _Run(ctx))
        while len(_RUNS) > 8:  # a few Contexts per process (tests make many): keep the last ones
            del _RUNS[next(iter(_RUNS))]
    return found[1]


_RUNS: dict[int, tuple[Context, _Run]] = {}
