"""SP-9: user and access logs are kept at least the profile's `logs.retention_days` (180 days when absent).

A store of the log-store catalog (data/log_stores.yaml) is judged when it holds user or access logs: a
producer of the configuration (a flow log, a load-balancer access log, an audit trail, a diagnostic setting)
writes to it, or it is tagged `log-class` with one of the catalog's classes (access, flow, audit, user). Any
other store (an application's debug logs, scratch) is not applicable, with that reason. A producer is judged
by the store it writes to: found in the configuration, by name or by the reference it was written as. A store
that is not declared with it, or one whose retention is not read here (S3, Kafka), could not be evaluated.

Retention: the store's attribute (the first the catalog lists that is given: `retention_period`, its newer
name `ttl`); omitted, the provider default the catalog records (30 days for Alibaba log stores, Tencent CLS
topics and Azure workspaces), "never expires" (AWS CloudWatch) or the parent's (a Huawei LTS stream's group,
also for -1). A Pulumi resource policy sees one resource at a time: producers there could not be evaluated
and stores are judged when tagged (both front doors alike).
"""

from __future__ import annotations

from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.log_catalog import FOREVER, INHERIT, REQUIRED, Store, Writes
from permitguard.model import Resource, Unknown
from permitguard.peers import Peers
from permitguard.resources.paths import first_given
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated


def _targets(
    resource: Resource, writes: Writes, peers: Peers | None, ctx: Context
) -> tuple[bool, list[Resource]]:
    """(whether the producer names a store this way, the stores of the configuration it names)."""
    named, found = False, None
    for attr, key in writes.match:
        value = first_given(resource.attributes, attr)
        if value is None:
            continue
        named = True
        if peers is None:
            continue
        matches = {
            r.address: r
            for t in writes.types
            for r in peers.referenced(resource, value, [t], ctx.logs.stores[t].keys[key])
        }
        found = matches if found is None else {a: r for a, r in found.items() if a in matches}
    return named, list((found or {}).values())


def _days(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _retention(store_res: Resource, store: Store, s: Subject, ctx: Context, facts: dict) -> Verdict:
    """The verdict on the retention of `store_res` (a store of kind `store`)."""
    required = ctx.profile.log_retention_days
    own = store_res.address == s.resource.address  # a store judged itself: "this store"
    facts = {**facts, "store": "" if own else store_res.address, "required": required}
    held = ((a, first_given(store_res.attributes, a)) for a in store.retention)
    attr, value = next(((a, v) for a, v in held if v is not None), (store.retention[0], None))
    facts["attr"] = attr
    if isinstance(value, Unknown):
        return Verdict(FAILED, "retention_unresolved", {**facts, "why": value})
    days = _days(value) if value is not None else None
    if value is not None and days is None:
        return Verdict(FAILED, "retention_unreadable", {**facts, "value": str(value)})
    inherit = store.inherit
    if inherit is not None and (days is None or days in inherit.values):
        parent_attr = first_given(store_res.attributes, inherit.attr)
        parents = s.peers.referenced(store_res, parent_attr, inherit.types, inherit.keys) \
            if s.peers is not None and parent_attr is not None else []
        if not parents:
            return Verdict(FAILED, "parent_not_declared", {**facts, "parent_attr": inherit.attr})
        parent = ctx.logs.store(parents[0].type)
        return _retention(parents[0], parent, s, ctx, facts) if parent else \
            Verdict(FAILED, "parent_not_declared", {**facts, "parent_attr": inherit.attr})
    if days is None:
        if store.omitted == FOREVER:
            return Verdict(PASSED, "forever_by_default", facts)
        if store.omitted in (REQUIRED, INHERIT):
            return Verdict(FAILED, "retention_not_set", facts)
        facts["days"] = store.omitted
        return Verdict(FAILED if int(store.omitted) < required else PASSED,
                       "short_by_default" if int(store.omitted) < required else "kept_by_default", facts)
    facts["days"] = days
    if days in store.forever:
        return Verdict(PASSED, "forever", facts)
    return Verdict(FAILED, "short", facts) if days < required else Verdict(PASSED, "kept", facts)


def _user_logs(s: Subject, store: Store, ctx: Context, facts: dict) -> Verdict | dict:
    """Facts saying why the store holds user/access logs, else the not-applicable (or unknown tag) verdict."""
    if store.producer:
        return facts
    if s.info.tags_attr:
        value = s.tag(ctx.logs.tag)
        if isinstance(value, Unknown):
            return Verdict(FAILED, "log_class_unresolved", {**facts, "tag": ctx.logs.tag, "why": value})
        if isinstance(value, str) and value.strip().casefold() in ctx.logs.classes:
            return {**facts, "writer": f"{ctx.logs.tag} = {value.strip()}"}
    if s.peers is not None:
        for ptype, writes in ctx.logs.producers_of(s.info.type):
            for p in s.peers.others(s.resource, [ptype]):
                if any(t.address == s.resource.address for t in _targets(p, writes, s.peers, ctx)[1]):
                    return {**facts, "writer": p.address}
    return Verdict(NOT_APPLICABLE, "not_user_logs", {**facts, "tag": ctx.logs.tag})


def _producer(s: Subject, ctx: Context, facts: dict) -> Verdict:
    p = ctx.logs.producer(s.info.type)
    assert p is not None
    if p.unless_attr:
        kind = first_given(s.attributes, p.unless_attr)
        if isinstance(kind, Unknown):
            return Verdict(FAILED, "destination_unresolved", {**facts, "attr": p.unless_attr, "why": kind})
        if kind is not None and str(kind).casefold() in p.unless:
            return Verdict(FAILED, "store_not_read", {**facts, "attr": p.unless_attr, "value": str(kind)})
    named, stores = False, []
    for writes in p.writes:
        says, found = _targets(s.resource, writes, s.peers, ctx)
        named = named or says
        stores += [r for r in found if r.address not in {x.address for x in stores}]
    attrs = ", ".join(dict.fromkeys(a for w in p.writes for a, _ in w.match))
    if not named:
        if p.optional:
            return Verdict(NOT_APPLICABLE, "writes_no_logs", {**facts, "attrs": attrs})
        return Verdict(FAILED, "store_not_named", {**facts, "attrs": attrs})
    if not stores:
        return Verdict(FAILED, "store_not_declared", {**facts, "attrs": attrs})
    verdicts = [_retention(r, ctx.logs.stores[r.type], s, ctx, facts) for r in stores]
    return next((v for v in verdicts if v.status is FAILED), verdicts[0])


def _no_log_store(t: TypeOf, ctx: Context) -> str | None:
    neither = ctx.logs.producer(t.info.type) is None and ctx.logs.store(t.info.type) is None
    return "not_a_log_store" if neither else None


@type_gated(_no_log_store)
def log_retention(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    if ctx.logs.producer(s.info.type) is not None:
        return _producer(s, ctx, facts)
    store = ctx.logs.store(s.info.type)
    scope = _user_logs(s, store, ctx, facts)
    if isinstance(scope, Verdict):
        return scope
    return _retention(s.resource, store, s, ctx, {"writer": "", **scope})


RULES = {
    "CKV_CNLIC_601": log_retention,
}
