"""The rule catalog (data/rules.yaml): titles, clauses, severity, enforcement, remediation, messages."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from permitguard import datafiles


@dataclass(frozen=True)
class Text:
    en: str
    zh: str
    undetermined: bool = False  # a failure with this message means "could not be established"

    @classmethod
    def of(cls, d: dict) -> Text:
        return cls(d["en"], d["zh"], bool(d.get("undetermined")))


@dataclass(frozen=True)
class RuleMeta:
    id: str
    name: str
    family: str
    title: Text
    clauses: tuple[str, ...]
    severity: str
    enforcement: str
    remediation: Text
    messages: dict[str, Text]
    common: dict[str, Text]
    always_undetermined: bool = False
    services: tuple[str, ...] = ()  # business types the duty belongs to; () = every type

    def undetermined(self, reason: str | None) -> bool:
        """Whether a failure for `reason` means "could not be established" (rule-wide, or that message)."""
        text = self.messages.get(reason or "") or self.common.get(reason or "")
        return self.always_undetermined or bool(text and text.undetermined)

    def template(self, reason: str) -> Text:
        """The message templates for `reason` (the rule's own, else the catalog's common one)."""
        return self.messages.get(reason) or self.common[reason]

    def template_if_any(self, reason: str) -> Text | None:
        """`template`, or None for a reason neither the rule nor the catalog has a text for."""
        return self.messages.get(reason) or self.common.get(reason)

    def message(
        self, reason: str, params: Mapping[str, Any], params_zh: Mapping[str, Any] | None = None
    ) -> Text:
        """The message for `reason`: the English template filled with `params`, the Chinese one with
        `params_zh` (default: the same). A verdict's facts are rendered per language by
        `permitguard.localise.message`, which calls this."""
        tpl = self.template(reason)
        return Text(fill(tpl.en, params), fill(tpl.zh, params if params_zh is None else params_zh))


# A template placeholder the verdict's facts do not fill: a scan shows "?" rather than stop, and the test
# suite turns this on (tests/conftest.py) so that any such gap between a rule and its catalog text fails.
STRICT_PLACEHOLDERS = False


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        if STRICT_PLACEHOLDERS:
            raise KeyError(f"message placeholder {{{key}}} is not filled by the verdict's facts")
        return "?"


def fill(template: str, params: Mapping[str, Any]) -> str:
    """`template` with its placeholders filled from `params` (one not there shows "?", or raises when
    STRICT_PLACEHOLDERS)."""
    return template.format_map(_Lenient(params))


class RuleCatalog:
    def __init__(self, rules: list[RuleMeta], unknown_reasons: dict[str, str] | None = None) -> None:
        self._by_id = {r.id: r for r in rules}
        # the Chinese of could-not-establish reasons (English prefix → Chinese), for permitguard.localise
        self.unknown_reasons = dict(unknown_reasons or {})

    def __getitem__(self, rule_id: str) -> RuleMeta:
        return self._by_id[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def __iter__(self):
        return iter(self._by_id.values())

    def ids(self) -> list[str]:
        return list(self._by_id)

    def by_name(self, name: str) -> RuleMeta | None:
        return next((r for r in self._by_id.values() if r.name == name), None)

    @classmethod
    def load(cls) -> RuleCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> RuleCatalog:
    data = datafiles.load_data("rules.yaml", "rules.schema.json")
    common = {k: Text.of(v) for k, v in data.get("common_messages", {}).items()}
    return RuleCatalog(
        [
            RuleMeta(
                id=r["id"],
                name=r["name"],
                family=r["family"],
                title=Text.of(r["title"]),
                clauses=tuple(r["clauses"]),
                severity=r["severity"],
                enforcement=r["enforcement"],
                remediation=Text.of(r["remediation"]),
                messages={k: Text.of(v) for k, v in r["messages"].items()},
                common=common,
                always_undetermined=bool(r.get("undetermined")),
                services=tuple(r.get("services", ())),
            )
            for r in data["rules"]
        ],
        data.get("unknown_reasons", {}),
    )
