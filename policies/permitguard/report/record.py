"""The typed form of the findings document's findings, which the view and the renderers work on: what a
finding says (rule, verdict, message, fix), where its resource is, and what follows from it (blocking,
could not be established, the machine room it adds), read once from the document whatever wrote it (a
scan, or `permitguard report` merging other tools' outputs). The document itself stays the JSON the
findings schema describes: it is what `scan` writes and `report` reads back."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from permitguard.model import blocks
from permitguard.report.matrix import undetermined
from permitguard.report.places import room

if TYPE_CHECKING:
    from permitguard.rule_catalog import RuleCatalog


@dataclass(frozen=True)
class Words:
    """A text in English and Chinese."""

    en: str
    zh: str

    @classmethod
    def of(cls, value: dict[str, str]) -> Words:
        return cls(en=value["en"], zh=value["zh"])


NO_WORDS = Words("", "")


@dataclass(frozen=True)
class ResourceRecord:
    """A finding's resource: where it is declared, and where it was located (None: not established, or
    not reported by the tool that judged it)."""

    address: str
    type: str | None
    provider: str | None
    file: str | None
    line: int | None
    region: str | None
    zone: str | None
    territory: str | None
    province: str | None
    city: str | None
    service: str | None
    action: str | None
    trail: str | None = None  # the id of its entry in the document's `trails`
    deployed: bool = False  # judged as it exists, on the scan date (`report/deployed.py`)

    @classmethod
    def of(cls, r: dict[str, Any]) -> ResourceRecord:
        return cls(address=r["address"], type=r.get("type"), provider=r.get("provider"),
                   file=r.get("file"), line=r.get("line"), region=r.get("region"), zone=r.get("zone"),
                   territory=r.get("territory"), province=r.get("province"), city=r.get("city"),
                   service=r.get("service"), action=r.get("action"), trail=r.get("trail"),
                   deployed=r.get("as_deployed") is True)


@dataclass(frozen=True)
class FindingRecord:
    rule_id: str
    rule_name: str  # the document's, else the rule id
    status: str  # passed | failed | not_applicable, as the document writes it
    severity: str
    enforcement: str
    clauses: tuple[str, ...]
    reason: str
    resource: ResourceRecord
    message: Words
    remediation: Words | None  # where there is something to fix
    suppressed: str | None
    suppressed_by: str | None
    undetermined: bool  # a failure meaning "could not be established" (`matrix.undetermined`)
    adds_room: str | None  # a failed CKV_CNLIC_301: the new machine room it adds (`places.room`)
    refused: Words | None = None  # a suppression of it that gives no reason, not honoured

    @property
    def blocking(self) -> bool:
        return blocks(self.status, self.enforcement, self.suppressed)


def records(findings: list[dict[str, Any]], catalog: RuleCatalog) -> list[FindingRecord]:
    """The findings of a document, typed, in its order (the findings of one resource share its record)."""
    resources: dict[int, ResourceRecord] = {}
    out = []
    for f in findings:
        part = f["resource"]
        resource = resources.get(id(part))
        if resource is None:
            resource = resources[id(part)] = ResourceRecord.of(part)
        fix = f.get("remediation")
        out.append(FindingRecord(
            rule_id=f["rule_id"], rule_name=f.get("rule_name") or f["rule_id"], status=f["status"],
            severity=f["severity"], enforcement=f["enforcement"], clauses=tuple(f["clauses"]),
            reason=f.get("reason", ""), resource=resource,
            message=Words.of(f["message"]) if "message" in f else NO_WORDS,
            remediation=Words.of(fix) if fix else None, suppressed=f.get("suppressed"),
            suppressed_by=f.get("suppressed_by"), undetermined=undetermined(f, catalog), adds_room=room(f),
            refused=Words.of(f["suppression_refused"]) if f.get("suppression_refused") else None))
    return out
