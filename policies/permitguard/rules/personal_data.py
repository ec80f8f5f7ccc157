"""SP-7: stores that hold personal information are neither public nor unencrypted (CKV_CNLIC_602, advisory).

A store is a type of the store catalog (data/stores.yaml): object-storage buckets and the databases it lists.
It holds personal information when the licence profile's `personal_data.tag` has one of its `values`; an
untagged store, or one tagged otherwise, is not judged. Public access and encryption come from the store's own
attributes and from its companion resources (split ACL, policy, public-access-block and encryption resources)
joined by the store's name; a block switches the public channel it covers off. Encryption omitted is the
provider's default as the catalog records it (S3 and Azure Storage encrypt every object; OSS, COS, OBS, TOS
and BOS do not). A value known only after apply, a policy with conditions, or a companion whose bucket cannot
be read could not be established: a failure, never a pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import Resource, Unknown
from permitguard.resources.paths import given
from permitguard.rules import principals as pr
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated
from permitguard.store_catalog import EVERY_STORE, Public, Store

_FALSE = ("", "false", "none", "disabled", "0")
_WILDCARDS = ("*", "acs:ram::*:root", "qcs::cam::anyone:anyone")


def _shown(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _everyone(p: pr.Principal) -> bool:
    """A principal that is every caller: `*`, NotPrincipal, any account (`acs:ram::*:root`), anyone."""
    return p.kind == "*" or "*" in p.value or p.value.strip() in _WILDCARDS


def _policy(value: Any) -> tuple[str, str] | None:
    """("public", statement) | ("unknown", why) | None for a policy document (JSON text or a map)."""
    doc = value
    if isinstance(value, str):
        try:
            doc = json.loads(value)
        except (ValueError, RecursionError):  # a hostile nesting depth is no policy either
            return "unknown", "not a JSON policy document"
    if not isinstance(doc, Mapping):
        return "unknown", "not a JSON policy document"
    statements = doc.get("Statement", doc.get("statement", []))
    try:
        return _public_statement(statements if isinstance(statements, list) else [statements])
    except RecursionError:
        return "unknown", "a policy document nested too deeply to read"


def _public_statement(statements: list) -> tuple[str, str] | None:
    """The statements' principals as the trust rules read them (`principals.statement_principals`): a
    statement, effect, principal or condition known only after apply is not known to be private."""
    for st in statements:
        principals = pr.statement_principals(st)
        if any(isinstance(p.value, Unknown) for p in principals):
            return "unknown", "a statement or principal of it is known only after apply"
        if not any(_everyone(p) for p in principals):
            continue
        effect = st.get("Effect", st.get("effect"))
        condition = st.get("Condition", st.get("condition"))
        if isinstance(effect, Unknown) or isinstance(condition, Unknown):
            return "unknown", "allows every principal if a value known only after apply says so"
        if condition:
            return "unknown", "allows every principal under a condition permitguard does not judge"
        return "public", "a statement that allows every principal"
    return None


def _exposure(p: Public, attrs: Any) -> tuple[str, Any] | None:
    """("public", shown value) | ("unknown", Unknown or why) | None: what attribute `p` says."""
    values = given(attrs, p.attr)
    if p.kind == "flag" and not values:
        return ("public", f"{_shown(p.default)} (the provider default)") if p.default else None
    for v in values:
        if isinstance(v, Unknown):
            return "unknown", v
    if p.kind == "flag":
        return ("public", _shown(values[0])) if str(values[0]).strip().lower() not in _FALSE else None
    if p.kind == "any":
        return ("public", _shown(values[0])) if values else None
    if p.kind == "values":
        wanted = {w.casefold() for w in p.values}
        hit = next((v for v in values if str(v).strip().casefold() in wanted), None)
        return ("public", _shown(hit)) if hit is not None else None
    if p.kind == "text_contains":
        hit = next((w for v in values for w in p.values if w in str(v)), None)
        return ("public", f"a grant to {hit}") if hit else None
    for v in values:  # policy_document
        found = _policy(v)
        if found:
            return found
    return None


def _join_value(r: Resource, attr: str) -> Any:
    values = given(r.attributes, attr)
    return values[0] if values else None


def _names(companion: Resource, attr: str, store: Resource) -> bool | None:
    """Whether a companion whose join value is known only after apply refers to `store`, by the references
    its plan records (`bucket = aws_s3_bucket.x.id`); None when it records none that decide it."""
    refs = companion.references.get(attr, ())
    if not refs:
        return None
    at = companion.address.rfind(f"{companion.type}.")
    module = companion.address[:at] if at > 0 else ""  # `module.a.`: references are relative to it
    full = [module + r for r in refs]
    if any(f == store.address or f.startswith(store.address + ".") for f in full):
        return True
    declared = store.address.split("[", 1)[0]
    if "[" in store.address and any(f == declared or f.startswith(declared + ".") for f in full):
        return None  # the instance it names is an expression: cannot tell which
    if any(f"{store.type}." in f for f in full):
        return False  # it names another store of this type
    return None  # a variable, a local, another resource: its value may be this store's name


def _companions(s: Subject, store: Store, name: Any) -> tuple[list[tuple[Resource, Any]], Resource | None]:
    """The companion resources that configure this store (with their catalog entry), and the first one whose
    store cannot be established (its bucket reference, or this store's name, known only after apply)."""
    joined, unclear = [], None
    for c_type, spec in store.companions.items():
        for r in s.peers.of_type(c_type, s.resource.root) if s.peers is not None else []:
            if spec.join == EVERY_STORE:
                joined.append((r, spec))
                continue
            value = _join_value(r, spec.join)
            named = _names(r, spec.join, s.resource) if isinstance(value, Unknown) else None
            if named is True:
                joined.append((r, spec))
            elif named is False:
                continue
            elif isinstance(value, Unknown) or isinstance(name, Unknown):
                unclear = unclear or r
            elif value is not None and name is not None and str(value) == str(name):
                joined.append((r, spec))
    return joined, unclear


def _blocked(sources: list[tuple[str, Any, dict]]) -> tuple[set[str], dict[str, str]]:
    """Channels switched off, and channels whose block is known only after apply (channel -> where)."""
    off, unclear = set(), {}
    for where, attrs, blocks in sources:
        for channel, items in blocks.items():
            for b in items:
                for v in given(attrs, b.attr):
                    if isinstance(v, Unknown):
                        unclear.setdefault(channel, f"{where}.{b.attr}")
                    elif (str(v).strip().lower() == "true") == b.when:
                        off.add(channel)
    return off, unclear


def _no_store(t: TypeOf, ctx: Context) -> str | None:
    neither = ctx.stores.store(t.info.type) is None and ctx.stores.store_of_companion(t.info.type) is None
    return "not_a_store" if neither else None


@type_gated(_no_store)
def personal_data_store(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    store = ctx.stores.store(s.info.type)
    if store is None:
        owner = ctx.stores.store_of_companion(s.info.type)
        return Verdict(NOT_APPLICABLE, "companion", {**facts, "store_type": owner.type})
    pd = ctx.profile.personal_data
    facts["tag"] = pd.tag
    value = s.tag(pd.tag)
    if isinstance(value, Unknown):
        return Verdict(FAILED, "class_unresolved", {**facts, "why": value})
    if value is None or value == "":
        return Verdict(NOT_APPLICABLE, "untagged", facts)
    if not pd.names_personal(str(value)):
        return Verdict(NOT_APPLICABLE, "not_personal", {**facts, "value": str(value)})
    facts["value"] = str(value)
    attrs, own = s.attributes, s.resource.address
    names = given(attrs, store.name)
    joined, unclear = _companions(s, store, names[0] if names else None)
    sources = [(own, attrs, store.public, store.blocks)] + [
        (r.address, r.attributes, spec.public, spec.blocks) for r, spec in joined]
    off, block_unclear = _blocked([(where, a, blocks) for where, a, _, blocks in sources])
    undetermined = None
    for where, a, publics, _ in sources:
        for p in publics:
            found = _exposure(p, a)
            if found is None or p.channel in off:
                continue
            via = f"{where}.{p.attr}" if where != own else p.attr
            kind, shown = found
            if kind == "public" and p.channel not in block_unclear:
                reason = "public_permitted" if p.channel == "permission" else "public"
                return Verdict(FAILED, reason, {**facts, "via": via, "setting": shown})
            why = shown if kind == "unknown" else Unknown(f"its block {block_unclear[p.channel]} is unknown")
            why = why if isinstance(why, Unknown) else Unknown(str(why))
            undetermined = undetermined or Verdict(FAILED, "public_unresolved",
                                                   {**facts, "via": via, "why": why})
    encrypted, enc_unclear = _encryption(s, store, attrs, joined)
    if enc_unclear is not None:
        undetermined = undetermined or Verdict(FAILED, "encryption_unresolved",
                                               {**facts, "via": enc_unclear[0], "why": enc_unclear[1]})
    elif encrypted is False:
        if s.peers is None and any(c.encryption for c in store.companions.values()):
            kinds = tuple(c for c, spec in store.companions.items() if spec.encryption)
            return undetermined or Verdict(FAILED, "encryption_unseen", {**facts, "companion_types": kinds})
        return Verdict(FAILED, "unencrypted", {**facts, "attrs": store.encryption or ("(none)",)})
    if undetermined is not None:
        return undetermined
    if unclear is not None:
        return Verdict(FAILED, "companion_unresolved", {**facts, "companion": unclear.address})
    alone = "_alone" if s.peers is None and store.companions else ""  # companions not seen (Pulumi pack)
    if encrypted is None:
        return Verdict(PASSED, f"protected_by_default{alone}", {**facts, "source": store.encryption_source})
    return Verdict(PASSED, f"protected{alone}", {**facts, "encryption": encrypted})


def _encryption(s: Subject, store: Store, attrs: Any, joined: list) -> tuple[Any, tuple[str, Unknown] | None]:
    """(the setting that encrypts it | None: the provider's default does | False: not encrypted; and
    (where, why) of a setting known only after apply, which leaves it undetermined)."""
    sources = [(s.resource.address, attrs, store.encryption)] + [
        (r.address, r.attributes, spec.encryption) for r, spec in joined if spec.encryption]
    unclear = None
    for where, a, paths in sources:
        for path in paths:
            for v in given(a, path):
                via = path if where == s.resource.address else f"{where}.{path}"
                if isinstance(v, Unknown):
                    unclear = unclear or (via, v)
                elif str(v).strip().lower() not in _FALSE:
                    return f"{via} = {_shown(v)}", None
    if unclear is not None:
        return None, unclear
    return (None if store.encrypted_by_default else False), None


RULES = {
    "CKV_CNLIC_602": personal_data_store,
}
