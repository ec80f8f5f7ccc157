"""SP-15(9): the nodes of an internet resource-collaboration service sit in machine rooms licensed for IDC
(CKV_CNLIC_901, mandatory).

A collaboration node is a type the region catalog locates by its edge node (`edge_nodes`: Alibaba ENS, Huawei
IEC, Volcengine veEN) and that occupies a machine room (resource-type footprint `room`); the networks and
switches on a node are logical and not applicable. A node is in an IDC-licensed room when its place is inside
the coverage of the business types this rule's catalog entry names (`services`: IDC) — the same coverage
question CKV_CNLIC_102 asks — and, when the profile lists filed machine rooms, when the room is filed (or
filed in advance) as CKV_CNLIC_301 judges it. A node whose place cannot be established (not in the node
table, area scheduling, a value known only after apply) could not be established: a failure, never a pass.
A CDN domain is a cache service bought from the cloud, not a node the operator runs: not applicable.
"""

from __future__ import annotations

from permitguard import placement as pl
from permitguard.context import Context, Subject, TypeOf
from permitguard.model import Status, Unknown
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated
from permitguard.rules.filing import new_room_unfiled
from permitguard.rules.residency import covered

RULE_ID = "CKV_CNLIC_901"


def _no_node(t: TypeOf, ctx: Context) -> str | None:
    if ctx.regions.node_type(t.info.type) is not None:
        return None
    return "bought_service" if t.info.type in ctx.regions.edge_services() else "not_a_node"


@type_gated(_no_node)
def edge_node_outside_idc(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    node = ctx.regions.node_type(s.info.type)
    facts["node_kind"] = (node.label, node.label_zh)
    if s.info.occupies_room is False:
        return Verdict(NOT_APPLICABLE, "on_a_node", facts)
    p = s.placement
    if p.kind == pl.UNRESOLVED:
        return Verdict(FAILED, "node_unresolved", {**facts, "why": Unknown(p.why or ""),
                                                   "located_from": p.located_from or ""})
    if p.kind != pl.LOCATED:
        return Verdict(FAILED, "node_unknown",
                       {**facts, "value": p.value, "located_from": p.located_from or ""})
    keys = [k for k in ctx.rules[RULE_ID].services if k in ctx.profile.services]
    if not keys:
        return Verdict(FAILED, "no_idc_grant", {**facts, "needed": ", ".join(ctx.rules[RULE_ID].services)})
    for loc in p.locations:
        here = {**facts, "location": loc, "coverage": tuple(keys)}
        if loc.territory != "mainland":
            return Verdict(FAILED, "node_abroad", {**here, "territory": loc.territory})
        inside = covered(loc, keys, False, here, ctx)  # 102's own test: any IDC grant covering the place
        if inside.status is Status.FAILED:
            reason = "outside_idc" if inside.reason == "outside_coverage" else inside.reason
            missing = {"missing": inside.facts["missing"]} if "missing" in inside.facts else {}
            return Verdict(FAILED, reason, {**here, **missing})
    facts = {**facts, "location": p.location, "coverage": tuple(keys)}
    if not ctx.profile.rooms:  # the profile files no rooms: the licensed place is what can be judged
        return Verdict(PASSED, "idc_place", facts)
    room = new_room_unfiled(s, ctx)
    if room.status is Status.PASSED and room.reason == "prior_filing":
        return Verdict(PASSED, "idc_prefiled", {**facts, "reference": room.facts["reference"]})
    if room.status is Status.PASSED:
        return Verdict(PASSED, "idc_room", {**facts, "room": room.facts["room"]})
    if room.status is Status.FAILED:
        return Verdict(FAILED, "room_not_filed", {**facts, "room_needed": room.facts.get("new_room", "")})
    return Verdict(PASSED, "idc_place", facts)  # no filing duty for its business type: its place is licensed


RULES = {
    RULE_ID: edge_node_outside_idc,
}
