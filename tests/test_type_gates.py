"""Type gates (rules.common.type_gated): a rule not applicable to whole types says so once per type, and the
engine gives that verdict without calling the rule. What every front door shows must be the same as when
each rule is called on each resource: tested here on every resource of the examples, the plan fixtures and
the Pulumi stacks, and on the compact form the streamed JSON writer takes (`engine.judge(compactly=True)`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make
from permitguard import engine
from permitguard.context import Subject, TypeOf
from permitguard.model import Status
from permitguard.peers import JOINED_KINDS, Peers
from permitguard.rules import RULES
from permitguard.sources import readers
from permitguard.sources.documents import Documents

ROOT = Path(__file__).resolve().parents[1]
INPUTS = sorted(
    [p for p in (ROOT / "infra" / "terraform").iterdir() if p.is_dir()]
    + [p for p in (ROOT / "infra" / "kubernetes").iterdir() if p.is_dir()]
    + list((ROOT / "tests" / "fixtures").glob("CKV_CNLIC_*/plan.json"))
    + list((ROOT / "tests" / "fixtures" / "pulumi_stack").glob("*.json"))
)
GATED = sorted(rid for rid, rule in RULES.items() if hasattr(rule, "type_gate"))


def _resources(path: Path, ctx):
    result = readers.read(path, ctx.types, Documents(), (), None)
    peers = Peers(result.resources, ctx.types) if result.kind in JOINED_KINDS else None
    return [(r, peers) for r in result.resources]


def _shown(f) -> tuple:
    return (f.rule_id, f.status, f.reason, f.enforcement, f.message_en, f.message_zh, f.trail, f.room,
            f.region, f.province, f.service, f.refilled)


def _called(resource, ctx, peers) -> list[tuple]:
    """Each rule called on the resource, as the engine makes a finding of a verdict: no type gate skipped."""
    subject = Subject(resource, ctx, peers)
    gate = engine._gate(subject, ctx)
    where = engine._where(subject, ctx)
    hidden = engine._hidden(subject)
    if hidden:
        where = {k: engine.masked(v, hidden) for k, v in where.items()}
    located = engine._masked_trail(subject.trail, hidden)
    return [_shown(engine._finding(rid, level, engine._judge(rid, subject, ctx, gate), subject, ctx, where,
                                   hidden, located))
            for rid, level in engine._run(ctx).levels if level != "disabled"]


def test_some_rules_are_gated_by_type():
    assert {"CKV_CNLIC_401", "CKV_CNLIC_501", "CKV_CNLIC_603"} <= set(GATED)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_engine_gives_what_calling_every_rule_gives(ctx, path):
    spared = 0
    for resource, peers in _resources(path, ctx):
        given = [_shown(f) for f in engine.evaluate(resource, ctx, peers=peers)]
        assert given == _called(resource, ctx, peers), resource.address
        judged = engine.judge(resource, ctx, peers=peers, compactly=True)
        rebuilt = judged.findings + [judged.finding(*c) for c in judged.compact]
        assert sorted(map(_shown, rebuilt), key=repr) == sorted(given, key=repr), resource.address
        assert all(f.status is Status.NOT_APPLICABLE and f.refilled for f in rebuilt[len(judged.findings):])
        spared += sum(1 for c in judged.compact if c[3] is None)
    assert spared or path.parent.name == "pulumi_stack" or "kubernetes" in path.parts


@pytest.mark.parametrize("rule_id", GATED)
def test_a_gate_answers_for_its_rule_on_every_catalogued_type(ctx, rule_id):
    """Where the gate spares a type, the rule called on a resource of that type says what the gate says."""
    rule, gate = RULES[rule_id], RULES[rule_id].type_gate
    types = sorted(ctx.types._types)  # every catalogued Terraform type
    for t in types + ["zz_made_up_type", "alicloud_made_up_type"]:
        reason = gate(TypeOf(t, "terraform", ctx.types.get(t)), ctx)
        if reason is None:
            continue
        verdict = rule(Subject(make(t), ctx, None), ctx)
        assert (verdict.status, verdict.reason) == (Status.NOT_APPLICABLE, reason), t
