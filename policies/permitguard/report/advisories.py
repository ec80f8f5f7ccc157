"""Scan-level advisories: what concerns the whole scan rather than one resource. Today one: the permit's
standing on the change date (CKV_CNLIC_701, SP-12) when it is not simply valid — in the renewal window
with the deadline, expired, or not yet valid. Per resource, 701 fails (expired, not yet valid) or passes
with the deadline in its message; this is the one line every output carries, not one per resource.
Built from the document's licence block and change date, so `report` shows it as `scan` does."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from permitguard import license as lic
from permitguard.localise import DATE_BASIS, date_basis

if TYPE_CHECKING:
    from permitguard.rule_catalog import RuleCatalog

RULE_ID = "CKV_CNLIC_701"


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def for_permit(license: dict[str, Any], as_of: dt.date, catalog: RuleCatalog,
               deployed: bool = False) -> list[dict[str, Any]]:
    """[] when the permit is valid and outside its renewal window (or the rule is not catalogued).
    `deployed`: every input is read as it exists, so the date is the scan date (as deployed)."""
    issued, expires = _date(license.get("issued")), _date(license.get("expires"))
    if RULE_ID not in catalog or issued is None or expires is None:
        return []
    deadline = _date(license.get("renewal_deadline")) or expires - dt.timedelta(days=90)
    state = lic.standing(issued, expires, deadline, as_of)
    if state == lic.VALID:
        return []
    meta = catalog[RULE_ID]
    params = {
        "number": license.get("number", "?"), "issued": issued.isoformat(), "expires": expires.isoformat(),
        "deadline": deadline.isoformat(), "as_of": as_of.isoformat(), "days_left": (expires - as_of).days,
    }
    basis = DATE_BASIS[date_basis(deployed)]
    text = meta.message(f"scan_{state}", {**params, "date_basis": basis["en"]},
                        {**params, "date_basis": basis["zh"]})
    return [{
        "rule_id": RULE_ID, "rule_name": meta.name, "reason": state, "severity": meta.severity,
        "enforcement": "advisory", "clauses": list(meta.clauses), "deadline": deadline.isoformat(),
        "message": {"en": text.en, "zh": text.zh},
    }]
