"""The normalised model every front door translates into: Resource in, Finding out."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class Status(str, enum.Enum):
    """A rule's verdict on one resource. "Could not establish" is FAILED with a reason, never a 4th state."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"


class Unknown:
    """A value that cannot be established statically: known only after apply, an unresolved variable,
    a Pulumi preview's unknown sentinel. `why` says what was unknown, for the message."""

    __slots__ = ("why",)

    def __init__(self, why: str = "known only after apply") -> None:
        self.why = why

    def __repr__(self) -> str:
        return f"Unknown({self.why!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknown)

    def __hash__(self) -> int:
        return hash(Unknown)

    def __bool__(self) -> bool:  # an unknown is never truthy evidence
        return False


MASK = "(sensitive)"  # how a value marked sensitive is shown, in every output format


class Sensitive:
    """A value the input marks sensitive (a plan's `after_sensitive`, `before_sensitive` and
    `sensitive_values`; a sensitive root variable): rules read it as the plain value it is (a
    `SensitiveStr` is a str: compare it, look a region up with it, parse a CIDR from it), but it shows
    as "(sensitive)" wherever it is formatted or repr'd, and what a rule derives from it by the usual
    string operations (`lower()`, slicing, `+`, `str()`) stays sensitive. The engine masks every finding
    field and message it builds from a resource holding such values (`masked`), so no output format
    (findings document, text, SARIF, JUnit, Markdown, HTML, Checkov details, pack messages) can carry
    one. Pulumi secrets are the other kind of hidden value: pulumi-policy and `preview --json` hand over
    the blinded "[secret]" and never the value, so there is nothing to judge and they stay Unknown
    (fail closed), shown the same way they are shown by Pulumi."""

    __slots__ = ()

    def __repr__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK


def _keep(method: str):
    def wrapped(self, *args, **kwargs):
        return sensitive(getattr(str, method)(self, *args, **kwargs))

    wrapped.__name__ = method
    return wrapped


class SensitiveStr(Sensitive, str):
    __slots__ = ()

    def __str__(self) -> str:
        return self  # the value, still sensitive: rules compute on str(value)

    def __add__(self, other: str) -> SensitiveStr:
        return SensitiveStr(str.__add__(self, other))

    def __radd__(self, other: str) -> SensitiveStr:
        return SensitiveStr(str.__add__(other, self))

    for _m in ("lower", "upper", "casefold", "strip", "lstrip", "rstrip", "replace", "split", "rsplit",
               "partition", "rpartition", "removeprefix", "removesuffix", "__getitem__", "title"):
        locals()[_m] = _keep(_m)
    del _m


class SensitiveInt(Sensitive, int):
    __slots__ = ()

    def __str__(self) -> str:
        return SensitiveStr(int.__repr__(self))


class SensitiveFloat(Sensitive, float):
    __slots__ = ()

    def __str__(self) -> str:
        return SensitiveStr(float.__repr__(self))


def sensitive(value: Any) -> Any:
    """`value` marked sensitive, every leaf of it (map keys stay plain: they are attribute and tag names).
    Booleans, None and Unknowns cannot be marked (a bool says no more than its rule's verdict)."""
    if isinstance(value, (Sensitive, bool)) or value is None or isinstance(value, Unknown):
        return value
    if isinstance(value, str):
        return SensitiveStr(value)
    if isinstance(value, int):
        return SensitiveInt(value)
    if isinstance(value, float):
        return SensitiveFloat(value)
    if isinstance(value, Mapping):
        return {k: sensitive(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [sensitive(v) for v in value]
    return value


def is_sensitive(value: Any) -> bool:
    return isinstance(value, Sensitive)


_PLAIN_LEAVES = frozenset({str, int, float, bool, type(None)})


def sensitive_texts(*values: Any) -> frozenset[str]:
    """The plain text of every sensitive leaf in `values` (nested maps and lists walked)."""
    found: set[str] = set()
    stack = list(values)
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind in _PLAIN_LEAVES:  # most leaves (a sensitive value is of a subclass): no ABC check
            continue
        if kind is dict:
            stack.extend(value.values())
        elif isinstance(value, Sensitive):
            found.add(_plain_text(value))
        elif isinstance(value, Mapping):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
    return frozenset(found)


def _plain_text(value: Sensitive) -> str:
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind.__repr__(value) if kind is not str else str.__str__(value)
    return ""


def masked(text: Any, secrets: frozenset[str] = frozenset()) -> Any:
    """What may leave the process: a sensitive value as "(sensitive)"; in a plain string, every secret
    text (longest first; shorter than 3 characters is left, it would mask words) replaced by it."""
    if isinstance(text, Sensitive):
        return MASK
    if not isinstance(text, str) or not secrets:
        return text
    for secret in sorted(secrets, key=lambda s: (-len(s), s)):
        if len(secret) >= 3 and secret in text:
            text = text.replace(secret, MASK)
    return text


# Stands for the caller's own account id in a trust document: a source writes it where the configuration
# reads the account from a data source that returns the caller's own account (Terraform: data/terraform.yaml).
OWN_ACCOUNT = "{own-account}"


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


class Action(str, enum.Enum):
    """What a change does to a resource. Static configuration (HCL) is judged as CREATE."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    READ = "read"
    NOOP = "no-op"


@dataclass(frozen=True)
class TrailStep:
    """One step of how a verdict was reached, recorded where the fact is established (a reader resolving the
    provider, placement locating, the service tag read, a rule reading a trust statement): `kind` names the
    step (a `trail_<kind>` label of data/report_labels.yaml says it in English and Chinese), `what` holds
    the facts in no language (addresses, ids, values, codes), `file`/`line` where it was read, when known.
    `permitguard explain` and the findings document's `trails` show them."""

    kind: str
    what: str
    file: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "what": self.what}
        if self.file:
            out["file"] = self.file
        if self.line is not None:
            out["line"] = self.line
        return out


Trail = tuple[TrailStep, ...]


@dataclass(frozen=True)
class Resource:
    """One resource, whatever front door it came through.

    `attributes` use Terraform's snake_case names, single values unwrapped (no Checkov list wrapping),
    nested blocks as lists of dicts; any value may be an `Unknown` or `Sensitive` (then `hidden` holds its
    text, so that the engine masks it wherever it might be shown). `provider_region` is the region of
    the provider configuration the resource uses (None when no provider sets one, Unknown when it
    cannot be resolved); `provider_region_from` says where it came from, for messages.
    """

    address: str
    type: str
    cloud: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    provider_region: Any = None
    provider_region_from: str | None = None
    file: str | None = None
    line: int | None = None
    action: Action = Action.CREATE
    before: Mapping[str, Any] | None = None
    source_kind: str = "terraform"
    hidden: frozenset[str] = frozenset()  # plain texts of its sensitive values: never shown (masked)
    root: str | None = None  # the root configuration that creates it (Terraform: a module called by two
    # roots is two resources with one address, file and line)
    trail: Trail = ()  # how the reader resolved its provider configuration (block, alias, module
    # `providers` entry, variable, tfvars file; the plan's provider config; the Pulumi provider)
    deployed: bool = False  # read as it exists (a Terraform state, a Pulumi stack export): judged on the
    # scan date, and every output says "as deployed" instead of "change"
    references: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # top-level attribute -> the
    # addresses its expression refers to, as a plan's configuration records them (relative to the module)


@dataclass
class Finding:
    """One rule's verdict on one resource, with everything a reader needs to act on it. Treated as
    immutable (changed copies through `dataclasses.replace`), but not a frozen dataclass: a scan makes one
    per rule and resource (200,000 for a 10,000-resource plan), and a frozen one takes three times as long
    to make (bench: 3 µs against 1 µs each)."""

    rule_id: str
    status: Status
    severity: str
    enforcement: str  # mandatory | advisory | disabled
    clauses: tuple[str, ...]
    resource: Resource
    reason: str
    words: Words  # the message in English and Chinese, rendered when first read (`message_en`, `message_zh`)
    region: str | None = None
    zone: str | None = None
    territory: str | None = None
    province: str | None = None
    city: str | None = None
    service: str | None = None
    suppressed: str | None = None  # the reason given by whoever suppressed it (checkov:skip, …)
    room: str | None = None  # a failed CKV_CNLIC_301: the new machine room it would add
    suppressed_by: str | None = None  # who suppressed it, when another tool's output says (a Checkov skip)
    located: Trail = ()  # how the resource was located and typed: one tuple shared by its findings
    trail: Trail = ()  # what this rule read on top (filed rooms, trust statements, ingress rules, links)
    unjustified: Words | None = None  # a suppression of this verdict that gives no reason: not honoured
    refilled: bool = False  # known to be its rule's template for its reason filled with its resource's
    # address and type alone (the findings JSON writes it compactly, report.compact); False: not known

    @property
    def blocking(self) -> bool:
        return blocks(self.status, self.enforcement, self.suppressed)

    @property
    def message_en(self) -> str:
        return self.words.en

    @property
    def message_zh(self) -> str:
        return self.words.zh


class Words:
    """A message in English and Chinese, given, or rendered on first use: a scan judges ~10 rules per
    resource and most verdicts (passes, not applicable) are counted, never shown, so their text is not
    made unless an output asks for it. Equal when the texts are."""

    __slots__ = ("_render", "_texts")

    def __init__(self, render: Callable[[], tuple[str, str]]) -> None:
        self._render: Callable[[], tuple[str, str]] | None = render
        self._texts: tuple[str, str] | None = None

    @classmethod
    def of(cls, en: str, zh: str) -> Words:
        words = cls(lambda: (en, zh))
        words._texts, words._render = (en, zh), None
        return words

    def _get(self) -> tuple[str, str]:
        if self._texts is None:
            self._texts, self._render = self._render(), None
        return self._texts

    def once(self) -> tuple[str, str]:
        """(en, zh) for an output that shows each message once (the streamed findings document): made
        now if not made yet, and then not kept (110,000 messages need not outlive their line)."""
        return self._texts if self._texts is not None else self._render()

    @property
    def en(self) -> str:
        return self._get()[0]

    @property
    def zh(self) -> str:
        return self._get()[1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and self._get() == other._get()

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return f"Words(en={self.en!r}, zh={self.zh!r})"


def blocks(status: Status | str, enforcement: str, suppressed: str | None) -> bool:
    """Whether a verdict blocks (exit 1, the report's "blocking"): failed, mandatory and not suppressed. The
    one definition, for a `Finding` and for a finding read back from a findings document."""
    return Status(status) is Status.FAILED and enforcement == "mandatory" and not suppressed
