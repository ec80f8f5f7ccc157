"""The value objects of the resource-type catalog, and the defaults for clouds it does not know."""
from __future__ import annotations

from dataclasses import dataclass

from permitguard.resources.defaults import Default

GENERIC_REGION_ATTRS = ("region", "location")
GENERIC_ZONE_ATTRS = ("availability_zone", "zone", "zone_id", "zones", "availability_zones")
GENERIC_TAGS_ATTR = "tags"


@dataclass(frozen=True)
class TrustSpec:
    """An attribute granting control-plane trust, and how to read it (policy_document, account, tenant,
    domain, principal_list, external_switch)."""

    attr: str
    kind: str


@dataclass(frozen=True)
class GrantSpec:
    """An attribute naming the account a bandwidth / network-access resource is granted to (CKV_CNLIC_405),
    and what an omitted value means: own (the caller's own account) or not_stated."""

    attr: str
    kind: str
    absent: str


ROOM, LOGICAL = "room", "logical"  # footprints: occupies machine-room capacity, or configuration only


@dataclass(frozen=True)
class TypeInfo:
    type: str
    cloud: str
    placement: str
    region_attrs: tuple[str, ...]
    zone_attrs: tuple[str, ...]
    tags_attr: str | None
    pulumi_tokens: tuple[str, ...]
    control_plane: bool
    trust: tuple[TrustSpec, ...]
    ingress: str | None
    endpoint: str | None
    known: bool
    footprint: str | None = None  # ROOM | LOGICAL; None for a type the catalog does not know
    defaults: tuple[Default, ...] = ()  # provider defaults of omitted attributes that decide a verdict
    # attributes naming the account a bandwidth / network-access resource is granted to (CKV_CNLIC_405)
    bandwidth_grant: tuple[GrantSpec, ...] = ()

    @property
    def occupies_room(self) -> bool | None:
        """True (room), False (logical), None (not in the catalog: the filing rules judge it anyway)."""
        return None if self.footprint is None else self.footprint == ROOM
