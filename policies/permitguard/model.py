"""The normalised model every front door translates into: Resource in, Finding out."""

from __future__ import annotations

import enum
from collections.abc import Mapping
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
class Resource:
    """One resource, whatever front door it came through.

    `attributes` use Terraform's snake_case names, single values unwrapped (no Checkov list wrapping),
    nested blocks as lists of dicts; any value may be an `Unknown`. `provider_region` is the region of
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


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one resource, with everything a reader needs to act on it."""

    rule_id: str
    status: Status
    severity: str
    enforcement: str  # mandatory | advisory | disabled
    clauses: tuple[str, ...]
    resource: Resource
    reason: str
    message_en: str
    message_zh: str
    region: str | None = None
    zone: str | None = None
    territory: str | None = None
    province: str | None = None
    city: str | None = None
    service: str | None = None
    suppressed: str | None = None  # the reason given by whoever suppressed it (checkov:skip, …)
    room: str | None = None  # a failed CKV_CNLIC_301: the new machine room it would add

    @property
    def blocking(self) -> bool:
        return self.status is Status.FAILED and self.enforcement == "mandatory" and not self.suppressed
