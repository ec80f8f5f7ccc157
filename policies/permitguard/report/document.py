"""The findings document (schemas/findings.schema.json): the one structure every output is made from.

`finding_dict` is the one place a finding becomes its document form, whatever produced it (the engine in
`scan`, a reader of another tool's output in `report`); `blocking` is `Finding.blocking` on that form."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from permitguard import __version__
from permitguard.model import Finding, Status, Trail, blocks
from permitguard.report import advisories, compact, uncatalogued
from permitguard.sources.deployed import as_deployed

if TYPE_CHECKING:  # rendering a document needs no engine
    from permitguard.context import Context
    from permitguard.license import LicenseProfile
    from permitguard.resources import ResourceTypeCatalog
    from permitguard.rule_catalog import RuleCatalog


def finding_dict(f: Finding, rules: RuleCatalog, shared: dict[int, dict] | None = None,
                 fix_always: bool = False, trails: dict[str, list] | None = None) -> dict[str, Any]:
    """One finding; the fix (`remediation`) only where there is something to fix, unless `fix_always`
    (findings read from Checkov and Pulumi outputs have always carried it). `shared` lets the findings of
    one resource share its `resource` part (they are equal: the engine locates once). `trails` collects
    the resource-level trail (how it was located and typed) once per resource, by its id: the resource
    part names that id (`trail`), and the finding's own `trail` holds only what its rule read."""
    r = f.resource
    meta = rules[f.rule_id]
    resource = shared.get(id(r)) if shared is not None else None
    if resource is None:
        resource = resource_dict(f, trails)
        if shared is not None:
            shared[id(r)] = resource
    out = {
        "rule_id": f.rule_id,
        "rule_name": meta.name,
        "status": f.status.value,
        "severity": f.severity,
        "enforcement": f.enforcement,
        "clauses": list(f.clauses),
        "reason": f.reason,
        "suppressed": f.suppressed,
        "resource": resource,
        "message": {"en": f.message_en, "zh": f.message_zh},
    }
    if f.room:
        out["room"] = f.room
    if f.status is Status.FAILED or fix_always:
        out["remediation"] = {"en": meta.remediation.en, "zh": meta.remediation.zh}
    if f.suppressed_by:
        out["suppressed_by"] = f.suppressed_by
    if f.unjustified is not None:
        out["suppression_refused"] = {"en": f.unjustified.en, "zh": f.unjustified.zh}
    if f.trail and trails is not None:
        out["trail"] = [step.as_dict() for step in f.trail]
    return out


def trail_id(trail: Trail, trails: dict[str, list]) -> str:
    """The id of a resource-level trail, entered in `trails` once: a digest of its steps, so that equal
    trails share one entry and documents merged by `report` never collide."""
    key, steps = _digest(trail)  # steps hold texts and numbers: a trail is hashable
    if key not in trails:
        trails[key] = [dict(step) for step in steps]
    return key


@functools.lru_cache(maxsize=4096)
def _digest(trail: Trail) -> tuple[str, tuple[dict[str, Any], ...]]:
    """(id, steps) of a trail: resources located alike have equal trails, digested once."""
    steps = tuple(step.as_dict() for step in trail)
    text = json.dumps(list(steps), ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()[:16], steps


def blocking(item: dict[str, Any]) -> bool:
    """`Finding.blocking` of a finding in its document form (`model.blocks`, the one definition)."""
    return blocks(item["status"], item["enforcement"], item.get("suppressed"))


def resource_dict(f: Finding, trails: dict[str, list] | None = None) -> dict[str, Any]:
    """The resource part of a finding's document form (where it is, as the engine located it); with
    `trails`, its resource-level trail is entered there and named by id (`trail`)."""
    r = f.resource
    out = {
        "address": r.address,
        "type": r.type,
        "provider": r.cloud,
        "file": r.file,
        "line": r.line,
        "region": f.region,
        "zone": f.zone,
        "territory": f.territory,
        "province": f.province,
        "city": f.city,
        "service": f.service,
        "action": r.action.value,
    }
    if r.deployed:  # judged as it exists, on the scan date (a Terraform state, a Pulumi stack export)
        out["as_deployed"] = True
    if f.located and trails is not None:
        out["trail"] = trail_id(f.located, trails)
    return out


def summarise(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Each resource read counts once: failed if any rule failed, passed if any passed, else not
    applicable."""
    return summary_of((f["status"], f.get("suppressed"), f["enforcement"], f["resource"].get("file"),
                       f["resource"]["address"]) for f in findings)


def summary_of(rows: Iterable[tuple[str, str | None, str, str | None, str]]) -> dict[str, Any]:
    """`summarise` over (status, suppressed, enforcement, file, address) rows."""
    tally = Tally()
    for row in rows:
        tally.add(*row)
    return tally.summary()


class Tally:
    """The summary, counted one finding at a time (`summarise`, and the streamed document, which never
    holds its findings)."""

    def __init__(self) -> None:
        self._per_resource: dict[tuple, set[str]] = defaultdict(set)
        self._counts = {"passed": 0, "failed": 0, "not_applicable": 0, "suppressed": 0, "blocking": 0}

    def add(self, status: str, suppressed: str | None, enforcement: str, file: str | None,
            address: str) -> None:
        self.count(self.resource(file, address), status, suppressed, enforcement)

    def resource(self, file: str | None, address: str) -> set[str]:
        """The verdicts counted so far of one resource (to `count` its findings into, one after the other)."""
        # a resource is (file, address): the same address in another input is another resource
        return self._per_resource[(file, address)]

    def count(self, verdicts: set[str], status: str, suppressed: str | None, enforcement: str) -> None:
        """One finding of the resource whose `verdicts` (`resource`) they are."""
        verdicts.add("passed" if suppressed and status == "failed" else status)
        self._counts[status] += 1
        if suppressed:
            self._counts["suppressed"] += 1
        elif status == "failed":  # only an unsuppressed failure may block
            self._counts["blocking"] += blocks(status, enforcement, suppressed)

    def summary(self) -> dict[str, Any]:
        kinds = [
            ("failed" if "failed" in s else "passed" if "passed" in s else "not_applicable")
            for s in self._per_resource.values()
        ]
        return {
            "resources": len(self._per_resource),
            "passed": kinds.count("passed"),
            "failed": kinds.count("failed"),
            "not_applicable": kinds.count("not_applicable"),
            "findings": dict(self._counts),
        }


def profile_dict(p: LicenseProfile) -> dict[str, Any]:
    return {
        "number": p.number,
        "holder": p.holder,
        "path": p.path,
        "source": p.source,
        "sha256": p.sha256,
        "issued": p.issued.isoformat(),
        "expires": p.expires.isoformat(),
        "renewal_deadline": p.renewal_deadline().isoformat(),
        "services": {
            k: {
                "code": s.code,
                "name": {"en": s.name_en, "zh": s.name_zh},
                "nationwide": s.coverage.nationwide,
                "provinces": sorted(s.coverage.provinces),
                "cities": sorted(c.title() for c in s.coverage.cities),
            }
            for k, s in p.services.items()
        },
    }


def build(
    findings: Iterable[Finding],
    ctx: Context,
    inputs: list[dict[str, Any]],
    generated_at: dt.datetime | None = None,
    skipped: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    shared: dict[int, dict] = {}
    trails: dict[str, list] = {}
    items = [finding_dict(f, ctx.rules, shared, trails=trails) for f in findings]
    return assemble(items, profile_dict(ctx.profile), ctx.as_of, inputs, ctx.rules, ctx.types, generated_at,
                    skipped=skipped, trails=trails)


def assemble(
    items: list[dict[str, Any]],
    license: dict[str, Any],
    as_of: dt.date,
    inputs: list[dict[str, Any]],
    rules: RuleCatalog,
    types: ResourceTypeCatalog,
    generated_at: dt.datetime | None = None,
    other_checks: list[dict[str, Any]] | None = None,
    unevaluated: list[dict[str, Any]] | None = None,
    skipped: list[dict[str, Any]] | None = None,
    trails: dict[str, list] | None = None,
) -> dict[str, Any]:
    """The document from finding dicts, whatever produced them (scan, or `report` merging inputs); the
    catalogs (the run's Context) name the scan-level advisories and the uncatalogued types."""
    items.sort(key=order_key)
    used = {f["resource"].get("trail") for f in items} - {None}  # trails the findings name
    return header(summarise(items), uncatalogued.unknown_types(items, types), license, as_of, inputs, rules,
                  generated_at, other_checks, unevaluated, skipped, findings=items,
                  trails={key: trails[key] for key in used if key in trails} if trails else None)


ORDER = {Status.FAILED.value: 0, Status.PASSED.value: 1, Status.NOT_APPLICABLE.value: 2}  # of the findings


def order_key(f: dict[str, Any]) -> tuple[int, str, str]:
    """Where a finding (document form) stands in the document: by status, rule, then address."""
    return ORDER[f["status"]], f["rule_id"], f["resource"]["address"]


def header(
    summary: dict[str, Any],
    kinds: list[dict[str, Any]],
    license: dict[str, Any],
    as_of: dt.date,
    inputs: list[dict[str, Any]],
    rules: RuleCatalog,
    generated_at: dt.datetime | None = None,
    other_checks: list[dict[str, Any]] | None = None,
    unevaluated: list[dict[str, Any]] | None = None,
    skipped: list[dict[str, Any]] | None = None,
    findings: list[dict[str, Any]] | None = None,
    trails: dict[str, list] | None = None,
) -> dict[str, Any]:
    """The document around its findings: with `findings` (sorted) the whole document, without them the
    head a streamed document is written from (`report.streamed`); `summary` and `kinds` (the uncatalogued
    types) are of the findings."""
    when = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    doc = {
        "tool": {"name": "permitguard", "version": __version__},
        "license": license,
        "generated_at": when.isoformat().replace("+00:00", "Z"),
        "as_of": as_of.isoformat(),
        "inputs": inputs,
        "summary": summary,
    }
    if findings is not None:
        doc["findings"] = findings
    deployed = bool(inputs) and all(as_deployed(i.get("kind", "")) for i in inputs)
    notices = advisories.for_permit(license, as_of, rules, deployed=deployed)
    if notices:
        doc["advisories"] = notices
    if kinds:  # judged for location only: every output lists them
        doc["unknown_types"] = kinds
    if other_checks:
        doc["other_checks"] = other_checks
    if unevaluated:
        doc["unevaluated"] = unevaluated
    if skipped:  # what was walked past (or Checkov would walk past): every output lists it
        doc["skipped_inputs"] = sorted(skipped, key=lambda s: (s["by"] != "permitguard", s["path"],
                                                               s["input"], s["reason"]))
    if trails:  # how each resource was located and typed, once (`resource.trail` names it)
        doc["trails"] = {key: trails[key] for key in sorted(trails)}
    return doc


def dumps(doc: dict[str, Any], rules: RuleCatalog) -> str:
    """The document as JSON: header fields indented, one finding per line (grep- and diff-friendly, and
    written by the C encoder: 70,000 findings in well under a second); the not-applicable findings that
    say no more than their reason in the compact `not_applicable` section (`report.compact`), whose
    templates are `rules`'."""
    head = {k: v for k, v in doc.items() if k != "findings"}
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call
    encoded: dict[int, str] = {}  # a resource part shared by several findings is encoded once

    def part_of(part: dict[str, Any]) -> str:
        if id(part) not in encoded:
            encoded[id(part)] = encode(part)
        return encoded[id(part)]

    def line(f: dict[str, Any]) -> str:
        part = f.get("resource")
        if not isinstance(part, dict):
            return "    " + encode(f)
        rest = encode({k: v for k, v in f.items() if k != "resource"})
        joint = ", " if rest != "{}" else ""
        return f'    {rest[:-1]}{joint}"resource": {part_of(part)}}}'

    section = compact.Section()
    groups: dict[int, tuple[tuple, dict[str, Any], dict[str, str]]] = {}  # id(part) → (order, part, reasons)
    kept = []
    for n, f in enumerate(doc.get("findings", [])):
        if _compact(f, rules, section, groups):
            part = f["resource"]
            group = groups.get(id(part))
            if group is None:
                group = groups[id(part)] = ((part["address"], f["rule_id"], n), part, {})
            group[2][f["rule_id"]] = f["reason"]
        else:
            kept.append(f)
    rest = (compact.group_line(part_of(part), reasons, encode)
            for _, part, reasons in sorted(groups.values(), key=lambda g: g[0]))
    return "".join(frame(head, (line(f) for f in kept), compact.tail(section.table(), rest, encode)))


def _compact(f: dict[str, Any], rules: RuleCatalog, section: compact.Section,
             groups: dict[int, tuple]) -> bool:
    """Whether the finding `f` goes to the compact section (entered there if so): not applicable, nothing
    but its reason, its message its rule's template filled with its resource's address and type."""
    if f.get("status") != compact.NOT_APPLICABLE or f.get("suppressed") is not None:
        return False
    if f.keys() != compact.KEYS:
        return False
    part, rule_id, message = f["resource"], f["rule_id"], f["message"]
    if not isinstance(part, dict) or not isinstance(message, dict):
        return False
    group = groups.get(id(part))
    if group is not None and rule_id in group[2]:
        return False
    template = compact.template_refilled(rules, rule_id, f["reason"], part.get("address"), part.get("type"),
                                         lambda: (message.get("en"), message.get("zh")))
    if template is None:
        return False
    return section.admit(rule_id, f["rule_name"], f["severity"], f["enforcement"], f["clauses"], f["reason"],
                         template)


def frame(head: dict[str, Any], lines: Iterable[str], tail: Iterable[str] = ()) -> Iterator[str]:
    """The document's text in pieces: `head` indented, then "findings" with `lines` (each finding's line,
    indented) one per line, then `tail` (the compact section, `report.compact.tail`). `dumps` and the
    streamed document (`report.streamed`) both write this way."""
    text = json.dumps(head, ensure_ascii=False, indent=2)
    start = f"{text[:-2]},\n  " if head else "{\n  "
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        yield start + '"findings": []'
    else:
        yield start + '"findings": [\n' + first
        for line in lines:
            yield ",\n" + line
        yield "\n  ]"
    yield from tail
    yield "\n}\n"
