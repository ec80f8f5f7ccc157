"""SP-4: no resale or sublease of purchased or leased bandwidth or other network-access resources
(CKV_CNLIC_405, mandatory).

A bandwidth grant is a type whose resource-type catalog entry names `bandwidth_grant` attributes: the account
a network is granted or attached to, so that the inter-region network (and the bandwidth packages bought for
it) of one account carries the other's traffic — an Alibaba CEN grant, a Tencent CCN attachment to another
account's CCN, a Huawei Cloud Connect authorisation. The account is judged as CKV_CNLIC_201 judges a
principal (permitguard.rules.principals.is_first_party: one of the profile's organization accounts, or the
caller's own account read from a data source); an account outside the organisation fails, one known only
after apply could not be established. Resource shares (Alibaba resource-manager, AWS RAM, Huawei RAM) are
CKV_CNLIC_201's findings — whatever they share — and not judged here again.
"""

from __future__ import annotations

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import TrailStep, Unknown
from permitguard.rules import principals as pr
from permitguard.rules.base import FAILED, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated

RULE_ID = "CKV_CNLIC_405"


def _grants_nothing(t: TypeOf, ctx: Context) -> str | None:
    return None if t.info.bandwidth_grant else "not_a_grant"


@type_gated(_grants_nothing)
def bandwidth_shared_outside(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    seen: list[str] = []
    trail: list[TrailStep] = []
    for spec in s.info.bandwidth_grant:
        here = {**facts, "attr": spec.attr}
        value = s.attributes.get(spec.attr)
        if isinstance(value, Unknown):
            return Verdict(FAILED, "account_unresolved", {**here, "why": value}, tuple(trail))
        if value in (None, ""):
            if spec.absent == "own":
                trail.append(TrailStep("grant_account", f"{spec.attr} not set: the caller's own account",
                                       s.resource.file, s.resource.line))
                continue
            return Verdict(FAILED, "account_not_stated", here, tuple(trail))
        found = pr.Principal(spec.kind, str(value))
        trail.append(TrailStep("grant_account", f"{spec.attr} = {value}", s.resource.file, s.resource.line))
        if not pr.is_first_party(found, s.resource.cloud, ctx.profile):
            return Verdict(FAILED, "shared_outside", {**here, "principals": (found.value,)}, tuple(trail))
        seen.append(found.value)
    if not seen:
        attr = s.info.bandwidth_grant[0].attr
        return Verdict(PASSED, "own_default", {**facts, "attr": attr}, tuple(trail))
    attr = ", ".join(spec.attr for spec in s.info.bandwidth_grant)
    return Verdict(PASSED, "own_account", {**facts, "attr": attr, "principals": tuple(seen)}, tuple(trail))


RULES = {
    RULE_ID: bandwidth_shared_outside,
}
