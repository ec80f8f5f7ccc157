"""Kubernetes control-API endpoints, read per shape: is the API reachable from the internet, and from where.

Each reader returns (sources, detail): the CIDRs admitted to a public endpoint (empty when the endpoint
is private) and a short description for the message. Provider defaults count, and come from the
resource-type catalog (`defaults`, applied to the attributes before they reach a reader): EKS endpoints are
public to 0.0.0.0/0 unless configured otherwise, AKS clusters are public unless private_cluster_enabled,
ACK clusters get an internet SLB unless slb_internet_enabled is false. A reader assumes nothing itself,
except that an EKS endpoint declared public with no CIDR admits everyone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from permitguard.rules.exposure import known, known_list

ANYWHERE = ["0.0.0.0/0"]
Reader = Callable[[Mapping], tuple[list[str], str]]


def _first(a: Mapping, key: str) -> Mapping:
    blocks = known(a, key) or [{}]
    return blocks[0] if isinstance(blocks, list) else blocks


def _truthy(value: object) -> bool:
    return str(value).lower() in ("true", "1")


def aws_eks(a: Mapping) -> tuple[list[str], str]:
    vpc = _first(a, "vpc_config")
    if not _truthy(known(vpc, "endpoint_public_access")):
        return [], "private endpoint"
    cidrs = known_list(vpc, "public_access_cidrs") or ANYWHERE
    return cidrs, f"endpoint_public_access from {', '.join(cidrs)}"


def alicloud_cs(a: Mapping) -> tuple[list[str], str]:
    for switch in ("slb_internet_enabled", "endpoint_public_access_enabled"):  # managed / serverless ACK
        if _truthy(known(a, switch)):
            return ANYWHERE, f"{switch} = true"
    return [], "API server on the intranet SLB only"


def tencent_tke_endpoint(a: Mapping) -> tuple[list[str], str]:
    if not _truthy(known(a, "cluster_internet")):
        return [], "no internet endpoint"
    domain = known(a, "cluster_internet_domain")
    return ANYWHERE, f"cluster_internet = true{f' ({domain})' if domain else ''}"


def tencent_tke(a: Mapping) -> tuple[list[str], str]:
    return tencent_tke_endpoint(a)


def azure_aks(a: Mapping) -> tuple[list[str], str]:
    if _truthy(known(a, "private_cluster_enabled")):
        return [], "private cluster"
    ranges = known_list(_first(a, "api_server_access_profile"), "authorized_ip_ranges")
    ranges = ranges or known_list(a, "api_server_authorized_ip_ranges") or ANYWHERE
    return ranges, f"public API server, authorized ranges {', '.join(ranges)}"


def huawei_cce(a: Mapping) -> tuple[list[str], str]:
    eip = a.get("eip")  # any value, even one known only after apply, binds the API to a public address
    if eip in (None, ""):
        return [], "no EIP bound to the API server"
    return ANYWHERE, f"API bound to EIP {eip if isinstance(eip, str) else '(assigned at apply)'}"


ENDPOINTS: dict[str, Reader] = {
    f.__name__: f for f in (aws_eks, alicloud_cs, tencent_tke_endpoint, tencent_tke, azure_aks, huawei_cce)
}
