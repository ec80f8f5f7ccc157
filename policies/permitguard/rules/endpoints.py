"""Kubernetes control-API endpoints, read per shape: is the API reachable from the internet, and from where.

Each reader returns an `Endpoint`: the CIDRs admitted to a public endpoint (none when the endpoint is
private) and what opens it (a switch, a bound address or domain): facts that permitguard.localise words
for the message. Provider defaults count, and come from the
resource-type catalog (`defaults`, applied to the attributes before they reach a reader): EKS endpoints are
public to 0.0.0.0/0 unless configured otherwise, AKS clusters are public unless private_cluster_enabled,
ACK clusters get an internet SLB unless slb_internet_enabled is false. A reader assumes nothing itself,
except that an EKS endpoint declared public with no CIDR admits everyone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from permitguard.rules.exposure import known, known_list

ANYWHERE = ("0.0.0.0/0",)


@dataclass(frozen=True)
class Endpoint:
    """A control API endpoint as one reader (`shape`) found it: the `sources` it admits from the internet
    (none: private), the `switch` attribute that opens it, the domain or address it is `bound` to."""

    shape: str
    sources: tuple[str, ...] = ()
    switch: str | None = None
    bound: Any = None


Reader = Callable[[Mapping], Endpoint]


def _first(a: Mapping, key: str) -> Mapping:
    blocks = known(a, key) or [{}]
    return blocks[0] if isinstance(blocks, list) else blocks


def _truthy(value: object) -> bool:
    return str(value).lower() in ("true", "1")


def aws_eks(a: Mapping) -> Endpoint:
    vpc = _first(a, "vpc_config")
    if not _truthy(known(vpc, "endpoint_public_access")):
        return Endpoint("aws_eks")
    cidrs = tuple(known_list(vpc, "public_access_cidrs")) or ANYWHERE
    return Endpoint("aws_eks", cidrs, "endpoint_public_access")


def alicloud_cs(a: Mapping) -> Endpoint:
    for switch in ("slb_internet_enabled", "endpoint_public_access_enabled"):  # managed / serverless ACK
        if _truthy(known(a, switch)):
            return Endpoint("alicloud_cs", ANYWHERE, switch)
    return Endpoint("alicloud_cs")  # the API server on the intranet SLB only


def tencent_tke_endpoint(a: Mapping) -> Endpoint:
    if not _truthy(known(a, "cluster_internet")):
        return Endpoint("tencent_tke")
    return Endpoint("tencent_tke", ANYWHERE, "cluster_internet", known(a, "cluster_internet_domain"))


def tencent_tke(a: Mapping) -> Endpoint:
    return tencent_tke_endpoint(a)


def azure_aks(a: Mapping) -> Endpoint:
    if _truthy(known(a, "private_cluster_enabled")):
        return Endpoint("azure_aks")
    ranges = known_list(_first(a, "api_server_access_profile"), "authorized_ip_ranges")
    ranges = ranges or known_list(a, "api_server_authorized_ip_ranges")
    return Endpoint("azure_aks", tuple(ranges) or ANYWHERE)


def huawei_cce(a: Mapping) -> Endpoint:
    eip = a.get("eip")  # any value, even one known only after apply, binds the API to a public address
    if eip in (None, ""):
        return Endpoint("huawei_cce")
    return Endpoint("huawei_cce", ANYWHERE, "eip", eip)


ENDPOINTS: dict[str, Reader] = {
    f.__name__: f for f in (aws_eks, alicloud_cs, tencent_tke_endpoint, tencent_tke, azure_aks, huawei_cce)
}
