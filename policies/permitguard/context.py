"""What every rule evaluation and every renderer needs: the licence profile, the catalogs (regions,
provinces, resource types, rules, clauses, links, VPN, stores, Kubernetes RBAC, sites, log stores), the
change date, and the per-resource facts (type info, placement, tags) computed once and shared by all rules.
Each front door builds one Context per run; code below the front doors reads catalogs from it, never loads
them itself."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from permitguard.clause_catalog import ClauseCatalog
from permitguard.geo import Provinces, RegionCatalog
from permitguard.license import LicenseProfile
from permitguard.license_file import find_profile, load_profile
from permitguard.link_catalog import LinkCatalog
from permitguard.log_catalog import LogCatalog
from permitguard.model import Resource, Trail, TrailStep, Unknown
from permitguard.peers import Peers
from permitguard.placement import Placement, place
from permitguard.rbac_catalog import RbacCatalog
from permitguard.resources import ResourceTypeCatalog, TypeInfo
from permitguard.resources import defaults as provider_defaults
from permitguard.rule_catalog import RuleCatalog
from permitguard.site_catalog import SiteCatalog
from permitguard.store_catalog import StoreCatalog
from permitguard.system_catalog import SystemCatalog
from permitguard.vpn_catalog import VpnCatalog

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    profile: LicenseProfile
    regions: RegionCatalog
    types: ResourceTypeCatalog
    rules: RuleCatalog
    as_of: dt.date
    enforcement: Mapping[str, str] = field(default_factory=dict)  # rule id -> level override
    provinces: Provinces = field(default_factory=Provinces.load)
    clauses: ClauseCatalog = field(default_factory=ClauseCatalog.load)
    links: LinkCatalog = field(default_factory=LinkCatalog.load)  # link ends and carriers (CKV_CNLIC_401/404)
    vpn: VpnCatalog = field(default_factory=VpnCatalog.load)  # VPN cryptography, client egress (402/403)
    stores: StoreCatalog = field(default_factory=StoreCatalog.load)  # public access, encryption (602)
    rbac: RbacCatalog = field(default_factory=RbacCatalog.load)  # Kubernetes RBAC (CKV_CNLIC_203)
    sites: SiteCatalog = field(default_factory=SiteCatalog.load)  # internet-facing sites (CKV_CNLIC_501)
    logs: LogCatalog = field(default_factory=LogCatalog.load)  # log stores and producers (CKV_CNLIC_601)
    systems: SystemCatalog = field(default_factory=SystemCatalog.load)  # system facilities (CKV_CNLIC_603)

    @classmethod
    def load(
        cls,
        license: str | None = None,
        as_of: dt.date | None = None,
        environ: Mapping[str, str] | None = None,
        cwd: str | None = None,
        enforcement: Mapping[str, str] | None = None,
    ) -> Context:
        """The profile found as `find_profile` says (--license, $PERMITGUARD_LICENSE, ./permitguard.yaml,
        bundled). Raises ProfileError / CatalogError: callers turn them into exit 2 or failed findings."""
        path, how = find_profile(license, dict(environ) if environ is not None else None, cwd)
        return cls.for_profile(load_profile(path, how), as_of, environ, enforcement)

    @classmethod
    def for_profile(
        cls,
        profile: LicenseProfile,
        as_of: dt.date | None = None,
        environ: Mapping[str, str] | None = None,
        enforcement: Mapping[str, str] | None = None,
    ) -> Context:
        """`profile` with the packaged catalogs; the change date is `as_of`, else `today(environ)`."""
        return cls(
            profile=profile,
            regions=RegionCatalog.load(),
            types=ResourceTypeCatalog.load(),
            rules=RuleCatalog.load(),
            as_of=as_of or today(environ),
            enforcement=dict(enforcement or {}),
            provinces=Provinces.load(),
            clauses=ClauseCatalog.load(),
            links=LinkCatalog.load(),
            vpn=VpnCatalog.load(),
            stores=StoreCatalog.load(),
            rbac=RbacCatalog.load(),
            sites=SiteCatalog.load(),
            logs=LogCatalog.load(),
            systems=SystemCatalog.load(),
        )

    @functools.cached_property
    def city_provinces(self) -> dict[str, str]:
        """Casefolded city → province, from the region catalog (for city-level coverage)."""
        return {
            loc.city.casefold(): loc.province
            for p in self.regions.providers()
            for loc in self.regions.regions(p)
            if loc.city and loc.province
        }

    @functools.cached_property
    def renderings(self) -> dict[tuple, Any]:
        """The run's memo of rendered facts (`localise`): (fact name, language, plain value) → text."""
        return {}

    def level(self, rule_id: str) -> str:
        return self.enforcement.get(rule_id) or self.rules[rule_id].enforcement


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """The change date: $PERMITGUARD_AS_OF (YYYY-MM-DD) pins it for reproducible runs."""
    pinned = (environ if environ is not None else os.environ).get("PERMITGUARD_AS_OF")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


@dataclass(frozen=True)
class TypeOf:
    """What a resource's type alone tells: its type (a Terraform type, a Pulumi token, a Kubernetes kind),
    the kind of input it came from, and the catalog's entry for it. A rule's type gate
    (`rules.common.type_gated`) reads nothing else, so its answer holds for every resource of the type."""

    type: Any
    source_kind: str | None
    info: TypeInfo


class Subject:
    """A resource with the facts rules share, each computed once."""

    def __init__(self, resource: Resource, ctx: Context, peers: Peers | None = None) -> None:
        self.resource = resource
        self._ctx = ctx
        # the resources of the same configuration (a root, a plan, a state), for rules that join across
        # resources (403: SNAT entries against VPN client pools; 602: a bucket and its companions); None
        # when the front door sees one resource at a time (the Pulumi pack): not known, never "there are none"
        self.peers = peers
        self._tags: dict[str, Any] = {}  # tag key -> value, as `tag` found it
        self._shared: dict[Callable, Any] = {}

    def shared(self, compute: Callable[[Subject, Context], T]) -> T:
        """`compute(self, ctx)`, computed for the first rule that asks and kept for every other: the facts
        several rules derive the same way (a resource's business types, …). `compute` must be a function
        of the resource and the run's Context only, and its answer is shared: never change it."""
        if compute not in self._shared:
            self._shared[compute] = compute(self, self._ctx)
        return self._shared[compute]

    @functools.cached_property
    def info(self) -> TypeInfo:
        types = self._ctx.types
        if self.resource.source_kind in ("pulumi", "kubernetes"):  # a manifest object's type is a token too
            return types.by_pulumi_token(self.resource.type) or types.pulumi_fallback(self.resource.type)
        return types.get(self.resource.type)

    @functools.cached_property
    def type_of(self) -> TypeOf:
        return TypeOf(self.resource.type, self.resource.source_kind, self.info)

    @functools.cached_property
    def _with_defaults(self) -> tuple[Mapping[str, Any], list[provider_defaults.Default]]:
        return provider_defaults.apply(self.resource.attributes, self.info.defaults)

    @property
    def attributes(self) -> Mapping[str, Any]:
        """The attributes rules judge: the resource's own, plus the provider default of every omitted
        attribute the catalog records (`defaults`) — the one place defaults are applied, whatever the
        front door (HCL, plan JSON, Pulumi)."""
        return self._with_defaults[0]

    @property
    def defaulted(self) -> list[provider_defaults.Default]:
        """The catalog defaults `attributes` filled in (the configuration omits them)."""
        return self._with_defaults[1]

    @functools.cached_property
    def placement(self) -> Placement:
        return place(self.resource, self.info, self._ctx.regions)

    @functools.cached_property
    def trail(self) -> Trail:
        """How the resource was located and which business type it serves, step by step (the placement's
        steps, then the service tag or the default): shared by every finding on it."""
        return self.placement.trail + (self._service_step(),)

    def _service_step(self) -> TrailStep:
        profile, res = self._ctx.profile, self.resource
        key = profile.tags["service"]
        value = self.tag(key)
        if isinstance(value, Unknown):
            return TrailStep("service_tag", f"{key} = unknown ({value.why})", res.file, res.line)
        if value is None or value == "":
            chosen = profile.default_service or ", ".join(profile.services)
            how = "default_service" if profile.default_service else "any granted business type"
            return TrailStep("service_default", f"no {key} tag → licence {profile.number}, {how}: {chosen}")
        return TrailStep("service_tag", f"{key} = {value}", res.file, res.line)

    @functools.cached_property
    def facts(self) -> Mapping[str, Any]:
        """The facts every verdict on this resource carries: what it is and where it was found (the
        Location, None when not established; rules replace it by the one location they judge)."""
        return {
            "address": self.resource.address,
            "type": self.resource.type,
            "cloud": self.resource.cloud,
            "location": self.placement.location,
            "located_from": self.placement.located_from or "",
        }

    @functools.cached_property
    def tags(self) -> Mapping[str, Any] | Unknown:
        """The resource's tags (provider default tags included when the source knows them)."""
        attrs = self.resource.attributes
        value = attrs.get("tags_all")  # tags merged with provider default tags, where the source knows them
        if value is None and self.info.tags_attr:
            value = attrs.get(self.info.tags_attr)
        return _tag_map(value)

    def tag(self, key: str) -> Any:
        """A tag's value. Keys match exactly, else ignoring case and surrounding blanks (a
        `License-Service` key is the service tag). When the merged tags are unknown (tags_all known only
        after apply), a key the resource sets itself still counts: its own tags win over default tags."""
        if key not in self._tags:
            self._tags[key] = self._tag(key)
        return self._tags[key]

    def _tag(self, key: str) -> Any:
        tags = self.tags
        if isinstance(tags, Unknown):
            own = _tag_map(self.resource.attributes.get(self.info.tags_attr)) if self.info.tags_attr else {}
            found = None if isinstance(own, Unknown) else _lookup(own, key)
            return tags if found is None else found
        return _lookup(tags, key)


def _tag_map(value: Any) -> Mapping[str, Any] | Unknown:
    """A tags attribute as a map: a map as is, [{key, value}] blocks (any key case) folded."""
    if value is None:
        return {}
    if isinstance(value, (Unknown, Mapping)):
        return value
    if isinstance(value, list) and all(isinstance(t, Mapping) for t in value):
        blocks = [{str(k).lower(): v for k, v in t.items()} for t in value]
        if all("key" in b or "tag_key" in b for b in blocks):
            return {b.get("key", b.get("tag_key")): b.get("value", b.get("tag_value")) for b in blocks}
    return Unknown(f"not a map of tags ({type(value).__name__})")


def _lookup(tags: Mapping[str, Any], key: str) -> Any:
    if key in tags:
        return tags[key]
    want = key.strip().casefold()
    return next((v for k, v in tags.items() if str(k).strip().casefold() == want), None)
