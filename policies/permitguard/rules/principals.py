"""Who a trust grant names, and whether that principal is the organisation's own.

Policy documents of AWS IAM, Alibaba RAM and Tencent CAM share one shape (Statement → Principal),
with key case differing (CAM writes `statement`/`principal`). A principal is first party when it is a
cloud service principal or names one of the organisation's accounts / tenants / identity domains.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from permitguard.license import LicenseProfile
from permitguard.model import Unknown

_ACCOUNT_PATTERNS = (
    re.compile(r"^arn:aws[a-z-]*:(?:iam|sts)::(?P<id>\d{12}):"),  # arn:aws-cn:iam::111122223333:root
    re.compile(r"^acs:ram::(?P<id>\d+):"),  # acs:ram::1234567890123456:root
    re.compile(r"^qcs::cam::uin/(?P<id>\d+)"),  # qcs::cam::uin/100012345678:root
    re.compile(r"^(?P<id>[0-9a-fA-F-]+)$"),  # a bare account / tenant / domain id
)
SERVICE_KINDS = {"service"}


class Unparseable(Exception):
    pass


@dataclass(frozen=True)
class Principal:
    kind: str  # AWS | RAM | qcs | Service | Federated | CanonicalUser | * | account | tenant | domain
    value: str


def _ci(d: Mapping, key: str) -> Any:
    return next((v for k, v in d.items() if str(k).lower() == key), None)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def policy_principals(document: Any) -> list[Principal]:
    """Principals that Allow statements grant. Raises Unparseable for a document it cannot read."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError as exc:
            raise Unparseable(f"not valid JSON ({exc.msg})") from None
    if not isinstance(document, Mapping):
        raise Unparseable("not a policy document")
    found: list[Principal] = []
    for st in _as_list(_ci(document, "statement")):
        if not isinstance(st, Mapping) or str(_ci(st, "effect") or "").lower() != "allow":
            continue
        if _ci(st, "notprincipal") is not None:
            found.append(Principal("*", "NotPrincipal"))
        principal = _ci(st, "principal")
        if principal is None:
            continue
        if isinstance(principal, str) or not isinstance(principal, Mapping):
            found += [Principal("*" if str(p) == "*" else "AWS", str(p)) for p in _as_list(principal)]
            continue
        for kind, values in principal.items():
            found += [Principal(str(kind), v if isinstance(v, Unknown) else str(v)) for v in _as_list(values)]
    return found


def is_first_party(p: Principal, cloud: str, profile: LicenseProfile) -> bool:
    if isinstance(p.value, Unknown) or "*" in p.value or p.kind == "*":
        return False
    if p.kind.lower() in SERVICE_KINDS:
        return True
    ours = profile.accounts.get(cloud, frozenset())
    if p.value in ours or p.value.casefold() in profile.identity_domains:
        return True
    for pattern in _ACCOUNT_PATTERNS:
        m = pattern.match(p.value)
        if m:
            return m.group("id") in ours
    return False
