"""Who a trust grant names, and whether that principal is the organisation's own.

Policy documents of AWS IAM, Alibaba RAM, Tencent CAM and Huawei IAM 5.0 share one shape
(Statement → Principal), with key case differing (CAM writes `statement`/`principal`). A principal is
first party when it is a cloud service principal or names one of the organisation's accounts / tenants /
identity domains. Decisions:
- Ids and names compare case-insensitively (GUIDs and hex domain ids have no case; Huawei account
  names are case-insensitive).
- A wildcard principal stays third party whatever its Condition says (`aws:PrincipalOrgID`,
  `acs:SourceAccount`…): conditions are not evaluated, and the profile lists accounts, not org ids.
  `NotPrincipal` in an Allow statement grants everyone but the listed principals: a wildcard.
- A principal naming the caller's own account through a data source (`data.alicloud_account.x.id`,
  `aws_caller_identity`, …; the Terraform reader writes it as `OWN_ACCOUNT`) is first party.
- An AWS Organizations org or OU ARN names its management account
  (`arn:aws-cn:organizations::<management account>:ou/o-…/ou-…`): first party when that account is
  ours, since only the management account admits accounts into its organisation.
- A statement, Effect or Principal known only after apply yields an unknown principal (fail closed);
  an unknown Effect counts as Allow.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from permitguard.license import LicenseProfile
from permitguard.model import OWN_ACCOUNT, Unknown

_ACCOUNT_PATTERNS = (
    re.compile(r"^arn:aws[a-z-]*:(?:iam|sts)::(?P<id>\d{12}):"),  # arn:aws-cn:iam::111122223333:root
    re.compile(r"^arn:aws[a-z-]*:organizations::(?P<id>\d{12}):(?:organization|ou)/"),  # org / OU
    re.compile(r"^iam::(?P<id>[0-9a-fA-F]+):"),  # Huawei IAM 5.0: iam::<domain id>:root
    re.compile(r"^acs:ram::(?P<id>\d+):"),  # acs:ram::1234567890123456:root
    re.compile(r"^qcs::cam::uin/(?P<id>\d+)"),  # qcs::cam::uin/100012345678:root
    re.compile(r"^trn:iam::(?P<id>\d+):"),  # Volcengine: trn:iam::2000000001:root
    re.compile(r"^(?P<id>[0-9a-fA-F-]+)$"),  # a bare account / tenant / domain id
)
SERVICE_KINDS = {"service"}
# A principal whose account id is, as a whole, the caller's own account (`acs:ram::{own-account}:root`,
# `arn:aws-cn:iam::{own-account}:role/x`, the bare id): not `9999{own-account}`, not `{own-account}0`.
_OWN_ACCOUNT_PRINCIPAL = re.compile(
    r"^(?:arn:aws[a-z-]*:(?:iam|sts|organizations)::|acs:ram::|qcs::cam::uin/|iam::|trn:iam::)?"
    + re.escape(OWN_ACCOUNT) + r"(?:[:/][^{}]*)?$")


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
    statements = _ci(document, "statement")
    if statements is None and any(str(k).lower() == "statement" for k in document):
        statements = Unknown("the Statement came out null (a value inside it could not be evaluated)")
    if isinstance(statements, Unknown):
        return [Principal("Statement", statements)]
    return [p for st in _as_list(statements) for p in statement_principals(st)]


def statement_principals(st: Any) -> list[Principal]:
    """Principals one statement grants: none unless it allows (an effect known only after apply counts as
    allowing); NotPrincipal is everyone but those listed; a value known only after apply stays Unknown."""
    if isinstance(st, Unknown):
        return [Principal("Statement", st)]
    effect = _ci(st, "effect") if isinstance(st, Mapping) else None
    if not isinstance(st, Mapping) or not (isinstance(effect, Unknown) or str(effect).lower() == "allow"):
        return []
    found: list[Principal] = []
    if _ci(st, "notprincipal") is not None:
        found.append(Principal("*", "NotPrincipal (everyone but the principals listed)"))
    principal = _ci(st, "principal")
    if principal is None and any(str(k).lower() == "principal" for k in st):
        principal = Unknown("the Principal came out null (a value inside it could not be evaluated)")
    if isinstance(principal, Unknown):
        return [*found, Principal("Principal", principal)]
    if principal is None:
        return found
    if not isinstance(principal, Mapping):
        return found + [_one("*" if str(p) == "*" else "AWS", p) for p in _as_list(principal)]
    return found + [_one(str(kind), v) for kind, values in principal.items() for v in _as_list(values)]


def _one(kind: str, value: Any) -> Principal:
    return Principal(kind, value if isinstance(value, Unknown) else str(value))


def is_first_party(p: Principal, cloud: str, profile: LicenseProfile) -> bool:
    if isinstance(p.value, Unknown) or "*" in p.value or p.kind == "*":
        return False
    if p.kind.lower() in SERVICE_KINDS:
        return True
    if OWN_ACCOUNT in p.value:  # the caller's own account, read from a data source at apply time: only
        return _OWN_ACCOUNT_PRINCIPAL.match(p.value.strip()) is not None  # as the whole account id
    ours = {a.casefold() for a in profile.accounts.get(cloud, frozenset())}
    value = p.value.strip().casefold()
    if value in ours or value in profile.identity_domains:
        return True
    for pattern in _ACCOUNT_PATTERNS:
        m = pattern.match(value)
        if m:
            return m.group("id") in ours
    return False
