"""SP-12: changes are made under a permit in force. A permit not yet issued or already expired on the
change date fails every located resource; in the renewal window (the last renewal_notice_days before
expiry) the rule passes and says by when renewal had to be applied for: the scan-level advisory of
that window is `notice()` (the CLI puts it in every output; Checkov and the Pulumi pack report per
resource only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from permitguard import license as lic
from permitguard.context import Context, Subject
from permitguard.localise import date_basis
from permitguard.rules.base import FAILED, PASSED, Verdict
from permitguard.rules.common import base_facts, not_located, type_gated, unlocated_type

RULE_ID = "CKV_CNLIC_701"


def standing_params(number: str, issued: dt.date, expires: dt.date, deadline: dt.date,
                    notice_days: int, as_of: dt.date, deployed: bool = False) -> dict[str, Any]:
    """The facts of the permit's standing on `as_of` (`deployed`: the scan date of what is deployed)."""
    return {
        "number": number,
        "issued": issued.isoformat(),
        "expires": expires.isoformat(),
        "deadline": deadline.isoformat(),
        "notice_days": notice_days,
        "as_of": as_of.isoformat(),
        "days_left": (expires - as_of).days,
        "date_basis": date_basis(deployed),
    }


@type_gated(unlocated_type)
def permit_validity(s: Subject, ctx: Context) -> Verdict:
    if (skip := not_located(s)) is not None:
        return skip
    p = ctx.profile
    state = p.standing(ctx.as_of)
    facts = {**base_facts(s), **standing_params(
        p.number, p.issued, p.expires, p.renewal_deadline(), p.renewal_notice_days, ctx.as_of,
        s.resource.deployed)}
    return Verdict(FAILED if state in (lic.EXPIRED, lic.NOT_YET_VALID) else PASSED, state, facts)


RULES = {RULE_ID: permit_validity}
