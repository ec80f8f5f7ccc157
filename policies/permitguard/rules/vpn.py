"""SP-16(1): a VPN uses state-approved commercial cryptography (SM2/SM3/SM4) where the cloud offers it;
SP-16(2): VPN client networks get no public internet egress. Both advisory.

CKV_CNLIC_402 reads the settings the VPN catalog (data/vpn.yaml `cryptography`) names for a type: a gateway's
type or flavor (alicloud `vpn_type = NationalStandard`, huaweicloud `flavor = GM`), a connection's IKE and
IPsec ciphers and hashes (sm4 / sm3). Every value found must be an SM one; a setting left out takes the
provider's default, which is never SM (a failure naming that default); a value known only after apply could
not be established. A type whose cloud offers no SM option (`no_sm_option`: AWS China, Azure China, Baidu,
every SSL-VPN server but none) is not applicable, and says why — never a failure.

CKV_CNLIC_403 judges what gives VPN clients the internet (`client_egress`): a VPN server that pushes
0.0.0.0/0 to its clients (full tunnel into a VPC whose NAT takes them out), a client route to 0.0.0.0/0, a
point-to-site switch that hands clients the hub's internet exit, and a SNAT entry whose source range overlaps
a VPN client pool declared in the same configuration (the join: `Subject.peers`). A range known only after
apply could not be established; a front door that sees one resource at a time (the Pulumi pack) cannot judge
a SNAT entry against pools of other resources and says so (not applicable).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import Resource, Unknown
from permitguard.resources.paths import given
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated
from permitguard.vpn_catalog import Egress

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _is(value: Any, wanted: Any) -> bool:
    return str(value).strip().casefold() == str(wanted).strip().casefold()


# ---------------------------------------------------------------- CKV_CNLIC_402
def _no_vpn_crypto(t: TypeOf, ctx: Context) -> str | None:
    vpn, kind = ctx.vpn, t.info.type
    return "not_vpn_crypto" if kind not in vpn.no_sm_option and vpn.cryptography.get(kind) is None else None


@type_gated(_no_vpn_crypto)
def sm_cryptography(s: Subject, ctx: Context) -> Verdict:
    facts, t = base_facts(s), s.info.type
    if t in ctx.vpn.no_sm_option:
        return Verdict(NOT_APPLICABLE, "no_sm_option", {**facts, "because": ctx.vpn.no_sm_option[t]})
    spec = ctx.vpn.cryptography[t]
    attrs = s.attributes
    if (cond := spec.only_when) is not None:
        found = given(attrs, cond.attr)
        value = found[0] if found else cond.default
        if isinstance(value, Unknown):
            return Verdict(FAILED, "crypto_unresolved", {**facts, "attr": cond.attr, "why": value})
        if not _is(value, cond.value):
            return Verdict(NOT_APPLICABLE, "no_sm_option", {**facts, "because": cond.otherwise})
    chosen, undetermined = [], None
    for setting in spec.settings:
        found = [(path, v) for path in setting.paths for v in given(attrs, path)]
        sm = " / ".join(setting.sm)
        if not found:
            shown = {**facts, "attr": setting.paths[0], "sm": sm}
            if setting.default is None:
                return Verdict(FAILED, "not_sm_unset", shown)
            return Verdict(FAILED, "not_sm_default", {**shown, "value": setting.default})
        for path, value in found:
            if isinstance(value, Unknown):
                undetermined = undetermined or Verdict(FAILED, "crypto_unresolved",
                                                       {**facts, "attr": path, "why": value})
            elif not setting.is_sm(str(value)):
                shown = {**facts, "attr": path, "value": str(value).strip(), "sm": sm}
                return Verdict(FAILED, "not_sm", shown)
            else:
                chosen.append(f"{path} = {str(value).strip()}")
    if undetermined is not None:
        return undetermined
    return Verdict(PASSED, "sm", {**facts, "settings": tuple(dict.fromkeys(chosen))})


# ---------------------------------------------------------------- CKV_CNLIC_403
def _networks(value: Any, split: str | None) -> list[Network | str]:
    """The networks a value names (a CIDR, an address, a `split`-joined text of them); a text that is none
    stays as it is (the caller says it could not be read)."""
    texts = str(value).split(split) if split else [str(value)]
    out: list[Network | str] = []
    for text in (t.strip() for t in texts):
        if not text:
            continue
        try:
            out.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            out.append(text)
    return out


def _default_route(net: Network) -> bool:
    return net.prefixlen == 0


def _values(s: Subject, egress: Egress) -> list[Any]:
    return [v for path in egress.paths for v in given(s.attributes, path)]


def _unread(facts: dict, attr: str, value: Any) -> Verdict:
    if isinstance(value, Unknown):
        return Verdict(FAILED, "egress_unresolved", {**facts, "attr": attr, "why": value})
    return Verdict(FAILED, "unreadable_range", {**facts, "attr": attr, "value": str(value)})


def _full_tunnel(s: Subject, egress: Egress, facts: dict) -> Verdict:
    values = _values(s, egress)
    if not values:
        return Verdict(FAILED, "egress_not_stated", {**facts, "attr": egress.attr})
    pushed: list[str] = []
    for value in values:
        if isinstance(value, Unknown):
            return _unread(facts, egress.attr, value)
        for net in _networks(value, egress.split):
            if isinstance(net, str):
                return _unread(facts, egress.attr, net)
            if _default_route(net):
                return Verdict(FAILED, "full_tunnel", {**facts, "attr": egress.attr, "value": str(net)})
            pushed.append(str(net))
    return Verdict(PASSED, "split_tunnel", {**facts, "attr": egress.attr, "networks": tuple(pushed)})


def _route(s: Subject, egress: Egress, facts: dict) -> Verdict:
    values = _values(s, egress)
    if not values:
        return Verdict(FAILED, "egress_not_stated", {**facts, "attr": egress.attr})
    for value in values:
        nets = [value] if isinstance(value, Unknown) else _networks(value, None)
        for net in nets:
            if isinstance(net, (Unknown, str)):
                return _unread(facts, egress.attr, net)
            if _default_route(net):
                return Verdict(FAILED, "default_route", {**facts, "attr": egress.attr, "value": str(net)})
    return Verdict(PASSED, "private_route", {**facts, "attr": egress.attr, "value": str(values[0])})


def _switch(s: Subject, egress: Egress, facts: dict) -> Verdict:
    values = _values(s, egress) or [egress.default]
    for value in values:
        if isinstance(value, Unknown):
            return _unread(facts, egress.attr, value)
        if _is(value, egress.egress):
            return Verdict(FAILED, "internet_switch", {**facts, "attr": egress.attr,
                                                       "value": str(value).lower()})
    return Verdict(PASSED, "no_internet_switch", {**facts, "attr": egress.attr,
                                                     "value": str(values[0]).lower()})


def _pools(s: Subject, ctx: Context) -> Iterable[tuple[Resource, str, Any]]:
    """(resource, attribute, value) of every VPN client pool declared in the subject's configuration, on
    its cloud (the same root, where the reader says which)."""
    if s.peers is None:
        return
    for pool_type, paths in ctx.vpn.pools.items():
        for peer in s.peers.of_type(pool_type, s.resource.root):
            if peer.cloud != s.resource.cloud:
                continue
            for path in paths:
                for value in given(peer.attributes, path):
                    yield peer, path, value


def _snat(s: Subject, egress: Egress, facts: dict, ctx: Context) -> Verdict:
    if s.peers is None:
        return Verdict(NOT_APPLICABLE, "pools_not_visible", facts)
    pools = list(_pools(s, ctx))
    if not pools:
        return Verdict(NOT_APPLICABLE, "no_client_pool", facts)
    values = _values(s, egress)
    if not values:
        return Verdict(NOT_APPLICABLE, "no_source_range", {**facts, "attr": egress.attr})
    sources: list[Network] = []
    for value in values:
        nets = [value] if isinstance(value, Unknown) else _networks(value, ",")
        for net in nets:
            if isinstance(net, (Unknown, str)):
                return _unread(facts, egress.attr, net)
            sources.append(net)
    undetermined = None
    for peer, path, value in pools:
        nets = [value] if isinstance(value, Unknown) else _networks(value, ",")
        for net in nets:
            if isinstance(net, (Unknown, str)):
                why = net if isinstance(net, Unknown) else Unknown(f"not an address range: {net!r}")
                undetermined = undetermined or Verdict(FAILED, "pool_unresolved", {
                    **facts, "pool": peer.address, "pool_attr": path, "why": why})
                continue
            hit = next((src for src in sources if src.version == net.version and src.overlaps(net)), None)
            if hit is not None:
                return Verdict(FAILED, "snat_client_pool", {
                    **facts, "attr": egress.attr, "value": str(hit), "pool": peer.address, "pool_attr": path,
                    "pool_range": str(net)})
    if undetermined is not None:
        return undetermined
    return Verdict(PASSED, "snat_not_client_pool", {
        **facts, "attr": egress.attr, "value": ", ".join(str(n) for n in sources),
        "pools": tuple(dict.fromkeys(str(v) for _, _, v in pools))})


def _no_vpn_egress(t: TypeOf, ctx: Context) -> str | None:
    vpn, kind = ctx.vpn, t.info.type
    return "not_vpn_egress" if vpn.egress.get(kind) is None and kind not in vpn.not_egress else None


@type_gated(_no_vpn_egress)
def client_egress(s: Subject, ctx: Context) -> Verdict:
    facts, t = base_facts(s), s.info.type
    egress = ctx.vpn.egress.get(t)
    if egress is None:
        return Verdict(NOT_APPLICABLE, "not_egress", {**facts, "because": ctx.vpn.not_egress[t]})
    if egress.kind == "full_tunnel":
        return _full_tunnel(s, egress, facts)
    if egress.kind == "route":
        return _route(s, egress, facts)
    if egress.kind == "switch":
        return _switch(s, egress, facts)
    return _snat(s, egress, facts, ctx)


RULES = {
    "CKV_CNLIC_402": sm_cryptography,
    "CKV_CNLIC_403": client_egress,
}
