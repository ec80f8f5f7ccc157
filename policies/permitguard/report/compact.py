"""Not-applicable findings written compactly in the findings JSON, and read back.

Most verdicts of a scan are "not applicable" (a security-group rule is no machine room, no VPN, no site):
~80 % of a large plan's findings. Written out in full, each repeats its rule's name, severity and clauses,
its resource's location and a message that says no more than "ADDRESS is not a TYPE". So a not-applicable
finding that carries nothing but its reason — no suppression, room or trail, and a message that is its
rule's template for that reason filled with the resource's address and type alone — is written in the
document's `not_applicable` section instead of `findings`: once per rule its name, severity, enforcement,
clauses and the templates of its reasons (`rules`), and once per resource its part and the reason of each
such rule (`resources`). Every other finding (failed, passed, a not-applicable one that says more) stays in
`findings` as it was.

`expand` turns the section back into findings, equal to those written: the readers of a findings document
(`report`, `--compare`) call it after validating the document, so every output made from a document is
the same as from the scan itself. A document without the section (written before it existed) is read as
it is. `Section` gathers the section; `document.dumps` and the streamed writer (`report.streamed`) both
decide what goes into it with `plain` and `admit`, so that the two write the same bytes."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from permitguard.errors import InputError
from permitguard.rule_catalog import Text, fill

if TYPE_CHECKING:
    from permitguard.rule_catalog import RuleCatalog

SECTION = "not_applicable"
NOT_APPLICABLE = "not_applicable"
FILLED_FROM = ("address", "type")  # the only facts a compact finding's message may show: its resource's
KEYS = frozenset({"rule_id", "rule_name", "status", "severity", "enforcement", "clauses", "reason",
                  "suppressed", "resource", "message"})  # a finding with any other key says more: in full


@functools.cache
def shown(en: str, zh: str) -> tuple[str, ...]:
    """The facts a template pair shows."""
    from permitguard.localise import template_names

    return tuple(dict.fromkeys(template_names(en) + template_names(zh)))


@functools.cache
def refillable(en: str, zh: str) -> bool:
    """Whether a template pair shows no fact but the resource's address and type, each as it is (no format
    spec, conversion, attribute or index: what a reader of the document fills)."""
    return _plain(en) is None and _plain(zh) is None


def _plain(template: str) -> str | None:
    """Why `template` is no plain text with `{address}` and `{type}` in it, or None when it is."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as exc:
        return f"no template ({exc})"
    if any(name not in FILLED_FROM or spec or conv for name, spec, conv in fields):
        return "shows more than {address} and {type}"
    return None


def refill(en: str, zh: str, address: Any, type_: Any) -> tuple[str, str]:
    """A compact finding's message: its templates filled with its resource's address and type."""
    params = {"address": address, "type": type_}
    return fill(en, params), fill(zh, params)


def template_refilled(rules: RuleCatalog, rule_id: Any, reason: Any, address: Any, type_: Any,
                      message: Callable[[], Any], refilled: bool = False) -> Text | None:
    """The template of a not-applicable finding whose message is that template filled with its resource's
    address and type alone, else None: the one test `document.dumps` (on a finding's document form) and
    the streamed writer (on a `Finding`) make. `message()` gives (en, zh) — rendered only when the engine
    did not already know it to be the template refilled (`refilled`)."""
    if not isinstance(rule_id, str) or rule_id not in rules or not isinstance(reason, str) or not isinstance(
            address, str):
        return None
    template = rules[rule_id].template_if_any(reason)
    if template is None or not refillable(template.en, template.zh):
        return None
    if refilled or refill(template.en, template.zh, address, type_) == message():
        return template
    return None


class Section:
    """The `not_applicable` section as it is gathered: the rules' entries (the first compact finding of a
    rule names its severity, enforcement and clauses; a later one that differs stays in `findings`)."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, Any]] = {}
        self._shared: dict[str, tuple] = {}  # rule → (name, severity, enforcement, clauses) as entered

    def admit(self, rule_id: str, name: str, severity: str, enforcement: str, clauses: tuple | list,
              reason: str, template: Text) -> bool:
        """Enter a compact finding's rule and reason; False when its rule was entered with other values."""
        shared = (name, severity, enforcement, tuple(clauses))
        entered = self._shared.get(rule_id)
        if entered is None:
            self._shared[rule_id] = shared
            self.rules[rule_id] = {"name": name, "severity": severity, "enforcement": enforcement,
                                   "clauses": list(clauses), "messages": {}}
        elif entered != shared:
            return False
        messages = self.rules[rule_id]["messages"]
        if reason not in messages:
            messages[reason] = {"en": template.en, "zh": template.zh}
        return True

    def table(self) -> dict[str, Any]:
        """The rules' entries in id order, each rule's templates in reason order."""
        return {rid: {**e, "messages": dict(sorted(e["messages"].items()))}
                for rid, e in sorted(self.rules.items())}


def group_line(part: str, reasons: dict[str, str], encode) -> str:
    """One resource's line of the section: its encoded part, its rules' reasons in rule order."""
    return f'      {{"resource": {part}, "reasons": {encode(dict(sorted(reasons.items())))}}}'


def tail(rules: dict[str, Any], lines: Iterator[str], encode) -> Iterator[str]:
    """The section's text after the findings (nothing when no finding was written compactly): the rules'
    table, one rule per line, then one resource per line."""
    first = next(lines, None)
    if first is None:
        return
    yield ',\n  "not_applicable": {\n    "rules": {\n'
    yield ",\n".join(f"      {encode(rid)}: {encode(entry)}" for rid, entry in rules.items())
    yield '\n    },\n    "resources": [\n' + first
    for line in lines:
        yield ",\n" + line
    yield "\n    ]\n  }"


def expand(doc: dict[str, Any], path: str = "findings document") -> dict[str, Any]:
    """`doc` (valid against its schema) with its compact findings back in `findings` (in the document's
    order), the section gone; a document without the section as it is. The findings of one resource share
    its part. InputError naming `path` when the section contradicts itself (a reason whose rule or template
    it does not hold, a template that shows more than `{address}` and `{type}`)."""
    section = doc.get(SECTION)
    if not section:
        return doc
    from permitguard.report.document import order_key

    rules = section["rules"]
    problem = _problem(section)
    if problem:
        raise InputError(f"{path}: not a valid permitguard findings document: {SECTION}: {problem}")
    found = list(doc.get("findings", []))
    for group in section["resources"]:
        part = group["resource"]
        for rule_id, reason in group["reasons"].items():
            meta = rules[rule_id]
            template = meta["messages"][reason]
            en, zh = refill(template["en"], template["zh"], part.get("address"), part.get("type"))
            found.append({"rule_id": rule_id, "rule_name": meta["name"], "status": NOT_APPLICABLE,
                          "severity": meta["severity"], "enforcement": meta["enforcement"],
                          "clauses": list(meta["clauses"]), "reason": reason, "suppressed": None,
                          "message": {"en": en, "zh": zh}, "resource": part})
    found.sort(key=order_key)
    out = {k: v for k, v in doc.items() if k != SECTION}
    out["findings"] = found
    return out


def _problem(section: dict[str, Any]) -> str | None:
    """What a schema cannot say is wrong with a compact section: a reason it names no template for, a
    template that is no plain `{address}`/`{type}` text (a format spec, an attribute, a position)."""
    rules = section["rules"]
    for rule_id, meta in rules.items():
        for reason, template in meta["messages"].items():
            for lang in ("en", "zh"):
                why = _plain(template[lang])
                if why:
                    return f"the {lang} template of {rule_id} {reason!r}: {why}"
    for n, group in enumerate(section["resources"]):
        for rule_id, reason in group["reasons"].items():
            if reason not in rules.get(rule_id, {}).get("messages", {}):
                return f"resources[{n}] gives {rule_id} the reason {reason!r}, which its rules do not hold"
    return None


def shared_parts(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`findings` read back from a document, the equal resource parts made one (as the scan wrote them:
    one resource's findings share its part), so that a document written again from them (`report --format
    json`) lists each resource's compact findings once. Two resources whose parts are equal (a module
    called by two roots in one region) then share it: the second one's compact findings stay in full."""
    import json

    seen: dict[str, dict[str, Any]] = {}
    out = []
    for f in findings:
        part = f.get("resource")
        if isinstance(part, dict):
            key = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str)
            one = seen.setdefault(key, part)
            if one is not part:
                f = {**f, "resource": one}
        out.append(f)
    return out
