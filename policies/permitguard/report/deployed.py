"""Which date a document's verdicts are judged on, and how every output names it: the date of a change
(HCL, plans, previews: "change date") or the scan date of what is deployed (Terraform state, Pulumi stack
export: `sources/deployed.py`), where outputs say "as deployed" instead of "change". A resource read as it
exists carries `as_deployed: true` in the findings document; its `action` stays `no-op`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from permitguard.report.labels import label
from permitguard.sources.deployed import KINDS

if TYPE_CHECKING:
    from permitguard.report.record import ResourceRecord


def date_key(doc: dict[str, Any]) -> str:
    """The label key of the document's date: `as_of` (a change), `as_of_deployed` (every input is
    as deployed), `as_of_mixed` (some are)."""
    kinds = [i.get("kind") for i in doc.get("inputs", [])]
    deployed = sum(k in KINDS for k in kinds)
    if not deployed:
        return "as_of"
    return "as_of_deployed" if deployed == len(kinds) else "as_of_mixed"


def any_deployed(doc: dict[str, Any]) -> bool:
    return date_key(doc) != "as_of"


def note(r: ResourceRecord, lang: str, sep: str = " · ") -> str:
    """What follows a deployed resource's file in a listing ("" for a change)."""
    return f"{sep}{label('as_deployed', lang)}" if r.deployed else ""
