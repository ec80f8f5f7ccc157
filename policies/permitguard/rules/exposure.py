"""Ingress rules, read per shape (the resource-type catalog names the shape): each extractor turns one
resource's attributes into IngressRule values, the ports it opens and the sources it admits. Values
known only after apply raise Unresolved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from permitguard.model import Unknown

ALL = (0, 65535)
PREFIX_LIST = "prefix list "  # a source that names a managed list of ranges, not the ranges themselves
NO_PORTS = ("icmp", "icmpv6", "gre", "ah", "esp", "1", "58", "47", "50", "51")  # protocols without ports


class Unresolved(Exception):
    def __init__(self, what: str, value: Unknown) -> None:
        super().__init__(what)
        self.what, self.value = what, value


@dataclass(frozen=True)
class IngressRule:
    ports: tuple[int, int] | None  # None: no port concept (ICMP); ALL for every port
    sources: tuple[str, ...]


def known(d: Mapping, key: str, default: Any = None) -> Any:
    """`d[key]` (else `default`); raises Unresolved when it is known only after apply."""
    value = d.get(key, default)
    if isinstance(value, Unknown):
        raise Unresolved(key, value)
    return value


def known_values(d: Mapping, *keys: str) -> list[tuple[str, Any]]:
    """(key, value) for each value under `keys`, single or list; raises Unresolved on any unknown."""
    out: list[tuple[str, Any]] = []
    for key in keys:
        value = known(d, key)
        for v in value if isinstance(value, (list, tuple)) else ([value] if value not in (None, "") else []):
            if isinstance(v, Unknown):
                raise Unresolved(key, v)
            out.append((key, v))
    return out


def known_list(d: Mapping, *keys: str) -> list[str]:
    """The values under `keys`, single or list, as strings; raises Unresolved on any unknown."""
    return [str(v) for _, v in known_values(d, *keys)]


def prefix_lists(d: Mapping, *keys: str) -> list[str]:
    """Sources given as prefix lists / address templates / address groups: their ranges are not in the
    configuration, so the rule judging them cannot establish where traffic comes from — unless the reader
    resolved a list declared in the same configuration ({"prefix_list": address, "cidrs": [...]})."""
    out: list[str] = []
    for key, v in known_values(d, *keys):
        if isinstance(v, Mapping) and isinstance(v.get("cidrs"), list):
            out += known_list({key: v["cidrs"]}, key)
        else:
            out.append(PREFIX_LIST + str(v))
    return out


def tencent_address_templates(d: Mapping) -> list[str]:
    """tencentcloud_security_group_rule's `address_template` blocks (template_id / group_id)."""
    blocks = known(d, "address_template") or []
    return [src for block in blocks for src in prefix_lists(block, "template_id", "group_id")]


def _span(lo: Any, hi: Any, protocol: Any) -> tuple[int, int] | None:
    proto = str(protocol or "all").lower()
    if proto in NO_PORTS:
        return None
    if proto in ("-1", "all", "*") or lo in (None, "", -1, "-1"):
        return ALL
    return int(float(lo)), int(float(hi if hi not in (None, "", -1, "-1") else lo))


def _port_text(text: Any, protocol: Any = "tcp") -> list[tuple[int, int] | None]:
    """'22', '22/22', '80,443', '1-65535', 'ALL', '-1/-1' → spans."""
    if str(protocol or "").lower() in NO_PORTS:
        return [None]
    text = str(text if text not in (None, "") else "ALL").strip()
    if text.upper() in ("ALL", "*", "-1/-1", "-1", "ANY"):
        return [ALL]
    spans = []
    for part in text.replace("/", "-").split(","):
        lo, _, hi = part.strip().partition("-")
        spans.append((int(lo), int(hi or lo)))
    return spans


def _is_ingress(d: Mapping, key: str, ingress: str = "ingress") -> bool:
    return str(known(d, key, ingress)).lower() == ingress


def _allows(d: Mapping, key: str, allow: str) -> bool:
    return str(known(d, key, allow)).lower() == allow


def aws_sg_inline(a: Mapping) -> list[IngressRule]:
    return [r for block in known(a, "ingress") or [] for r in aws_vpc_sg_ingress(block, inline=True)]


def aws_sg_rule(a: Mapping) -> list[IngressRule]:
    return aws_vpc_sg_ingress(a, inline=True) if _is_ingress(a, "type") else []


def aws_vpc_sg_ingress(a: Mapping, inline: bool = False) -> list[IngressRule]:
    proto = known(a, "protocol" if inline else "ip_protocol")
    keys = ("cidr_blocks", "ipv6_cidr_blocks") if inline else ("cidr_ipv4", "cidr_ipv6")
    sources = known_list(a, *keys) + prefix_lists(a, "prefix_list_ids" if inline else "prefix_list_id")
    return [IngressRule(_span(known(a, "from_port"), known(a, "to_port"), proto), tuple(sources))]


def alicloud_sg_rule(a: Mapping) -> list[IngressRule]:
    if not _is_ingress(a, "type") or not _allows(a, "policy", "accept"):
        return []
    sources = tuple(known_list(a, "cidr_ip", "ipv6_cidr_ip") + prefix_lists(a, "prefix_list_id"))
    return [IngressRule(s, sources) for s in _port_text(known(a, "port_range"), known(a, "ip_protocol"))]


def tencent_sg_rule(a: Mapping) -> list[IngressRule]:
    # alicloud's shape (type, policy, cidr_ip, port_range, ip_protocol), sources also from address templates
    templates = tuple(tencent_address_templates(a))
    return [IngressRule(r.ports, r.sources + templates) for r in alicloud_sg_rule(a)]


def tencent_sg_rule_set(a: Mapping) -> list[IngressRule]:
    rules = []
    for b in known(a, "ingress") or []:
        if _allows(b, "action", "accept"):
            sources = tuple(known_list(b, "cidr_block", "ipv6_cidr_block")
                            + prefix_lists(b, "address_template_id", "address_template_group_id"))
            rules += [IngressRule(s, sources) for s in _port_text(known(b, "port"), known(b, "protocol"))]
    return rules


def tencent_sg_lite_rule(a: Mapping) -> list[IngressRule]:
    rules = []
    for entry in known_list(a, "ingress"):  # "ACCEPT#0.0.0.0/0#22#TCP"
        action, source, port, proto = (entry.split("#") + ["", "", "", ""])[:4]
        if action.upper() == "ACCEPT":
            rules += [IngressRule(s, (source,)) for s in _port_text(port, proto)]
    return rules


def huawei_secgroup_rule(a: Mapping) -> list[IngressRule]:
    if not _is_ingress(a, "direction") or not _allows(a, "action", "allow"):
        return []
    sources = known_list(a, "remote_ip_prefix") + prefix_lists(a, "remote_address_group_id")
    if not sources and all(a.get(k) in (None, "") for k in ("remote_group_id", "remote_address_group_id")):
        sources = ["::/0" if str(known(a, "ethertype")).lower() == "ipv6" else "0.0.0.0/0"]  # no remote: all
    if known(a, "ports"):
        return [IngressRule(s, tuple(sources)) for s in _port_text(known(a, "ports"), known(a, "protocol"))]
    span = _span(known(a, "port_range_min"), known(a, "port_range_max"), known(a, "protocol"))
    return [IngressRule(span, tuple(sources))]


def azure_nsg_rule(a: Mapping) -> list[IngressRule]:
    if not _is_ingress(a, "direction", "inbound") or not _allows(a, "access", "allow"):
        return []
    sources = tuple(known_list(a, "source_address_prefix", "source_address_prefixes"))
    ports = known_list(a, "destination_port_range", "destination_port_ranges") or ["*"]
    return [IngressRule(s, sources) for p in ports for s in _port_text(p, known(a, "protocol"))]


def azure_nsg_inline(a: Mapping) -> list[IngressRule]:
    return [r for block in known(a, "security_rule") or [] for r in azure_nsg_rule(block)]


def tencent_cfw_policy(a: Mapping) -> list[IngressRule]:
    """Tencent Cloud Firewall edge / NAT policy: an inbound (direction 1) accept rule from a network."""
    if str(known(a, "direction", 1)) != "1" or not _allows(a, "rule_action", "accept"):
        return []
    if str(known(a, "source_type", "net")).lower() != "net":
        return []
    if str(known(a, "enable", "true")).lower() == "false":
        return []
    sources = tuple(known_list(a, "source_content"))
    return [IngressRule(s, sources) for s in _port_text(known(a, "port"), known(a, "protocol"))]


def aws_nacl_entry(a: Mapping) -> list[IngressRule]:
    """One inbound allow entry of a network ACL (aws_network_acl_rule; aws_network_acl ingress blocks)."""
    if str(known(a, "egress", False)).lower() == "true":
        return []
    if str(known(a, "rule_action", known(a, "action", "allow"))).lower() != "allow":
        return []
    sources = known_list(a, "cidr_block", "ipv6_cidr_block")
    span = _span(known(a, "from_port"), known(a, "to_port"), known(a, "protocol"))
    return [IngressRule(span, tuple(sources))]


def aws_nacl(a: Mapping) -> list[IngressRule]:
    return [r for block in known(a, "ingress") or [] for r in aws_nacl_entry(block)]


def alicloud_nacl(a: Mapping) -> list[IngressRule]:
    rules = []
    for b in known(a, "ingress_acl_entries") or []:
        if _allows(b, "policy", "accept"):
            sources = tuple(known_list(b, "source_cidr_ip"))
            rules += [IngressRule(s, sources) for s in _port_text(known(b, "port"), known(b, "protocol"))]
    return rules


def huawei_acl_entry(a: Mapping) -> list[IngressRule]:
    """A Huawei firewall (network ACL) rule: an allow rule admits its source on its destination ports; a
    rule without a source admits every address. huaweicloud_network_acl_rule carries no direction: it is
    read as inbound (it may be an inbound rule of its ACL)."""
    if str(known(a, "action", "allow")).lower() != "allow":
        return []
    sources = known_list(a, "source_ip_address")
    if not sources and a.get("source_address_group_id") in (None, ""):
        sources = ["::/0" if str(known(a, "ip_version", 4)) == "6" else "0.0.0.0/0"]
    proto = str(known(a, "protocol", "any")).lower()
    proto = "all" if proto == "any" else proto
    return [IngressRule(s, tuple(sources)) for s in _port_text(known(a, "destination_port"), proto)]


def huawei_nacl(a: Mapping) -> list[IngressRule]:
    return [r for block in known(a, "ingress_rules") or [] for r in huawei_acl_entry(block)]


def baidu_sg_rule(a: Mapping) -> list[IngressRule]:
    """baiducloud_security_group_rule: source_ip "all", or no source at all, admits every address."""
    if not _is_ingress(a, "direction"):
        return []
    sources = ["0.0.0.0/0" if s.lower() == "all" else s for s in known_list(a, "source_ip")]
    if not sources and a.get("source_group_id") in (None, ""):
        sources = ["::/0" if str(known(a, "ether_type", "IPv4")).lower() == "ipv6" else "0.0.0.0/0"]
    return [IngressRule(s, tuple(sources)) for s in _port_text(known(a, "port_range"), known(a, "protocol"))]


def volcengine_sg_rule(a: Mapping) -> list[IngressRule]:
    """volcengine_security_group_rule: port_start/port_end (-1: every port), cidr_ip or a source group."""
    if not _is_ingress(a, "direction") or not _allows(a, "policy", "accept"):
        return []
    span = _span(known(a, "port_start"), known(a, "port_end"), known(a, "protocol"))
    return [IngressRule(span, tuple(known_list(a, "cidr_ip")))]


INGRESS: dict[str, Callable[[Mapping], list[IngressRule]]] = {
    f.__name__: f
    for f in (aws_sg_inline, aws_sg_rule, aws_vpc_sg_ingress, alicloud_sg_rule, tencent_sg_rule)
    + (tencent_sg_rule_set, tencent_sg_lite_rule, huawei_secgroup_rule, azure_nsg_rule, azure_nsg_inline)
    + (tencent_cfw_policy, aws_nacl_entry, aws_nacl, alicloud_nacl, huawei_acl_entry, huawei_nacl)
    + (baidu_sg_rule, volcengine_sg_rule)
}
