"""The licence profile as objects: what the permit grants, who the operator is, what it has filed, and
the coverage, room and filing questions rules ask. Reading a profile file: `permitguard.license_file`."""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from permitguard import datafiles
from permitguard.geo import Location
from permitguard.safe_regex import SafePattern

BUNDLED = "B1-20195402.yaml"

# A permit's standing on a change date (SP-12), the reasons of rule CKV_CNLIC_701.
NOT_YET_VALID, EXPIRED, RENEWAL_WINDOW, VALID = "not_yet_valid", "expired", "renewal_window", "valid"


def standing(issued: dt.date, expires: dt.date, deadline: dt.date, as_of: dt.date) -> str:
    """Valid from `issued` to `expires`, both days included. The renewal window is the last
    renewal_notice_days of validity, from `deadline` (the day SP-12 wants the renewal applied for by)
    to expiry: the permit still holds, and every scan says when renewal was due."""
    if as_of < issued:
        return NOT_YET_VALID
    if as_of > expires:
        return EXPIRED
    if as_of >= deadline:
        return RENEWAL_WINDOW
    return VALID


@functools.lru_cache(maxsize=1)
def defaults() -> dict[str, Any]:
    """What a profile that leaves a field out gets: the `default` values of schemas/license.schema.json."""
    props = datafiles.schema("license.schema.json")["properties"]
    return {
        "management_ports": tuple(props["organization"]["properties"]["management_ports"]["default"]),
        "filing_reference_pattern": props["filing_reference_pattern"]["default"],
        "renewal_notice_days": props["license"]["properties"]["renewal_notice_days"]["default"],
        "tags": {key: spec["default"] for key, spec in props["tags"]["properties"].items()},
        "personal_data": {key: spec["default"] for key, spec in props["personal_data"]["properties"].items()},
        "log_retention_days": props["logs"]["properties"]["retention_days"]["default"],
    }


@dataclass(frozen=True)
class Coverage:
    nationwide: bool
    provinces: frozenset[str]
    cities: frozenset[str]  # casefolded

    def covers(self, loc: Location, city_provinces: Mapping[str, str] | None = None) -> bool | None:
        """True inside, False outside, None when the location is too vague to tell.

        `city_provinces` (casefolded city → province) lets a location whose city is unknown be placed
        outside a city-level coverage when none of the covered cities lies in its province."""
        if loc.territory != "mainland":
            return False
        if self.nationwide or (loc.province and loc.province in self.provinces):
            return True
        if loc.city and loc.city.casefold() in self.cities:
            return True
        if loc.province is None:
            return None
        if self.cities and loc.city is None:
            known = city_provinces or {}
            if all(c in known for c in self.cities) and loc.province not in {known[c] for c in self.cities}:
                return False
            return None
        return False


@dataclass(frozen=True)
class Service:
    key: str
    code: str
    name_en: str
    name_zh: str
    coverage: Coverage


@dataclass(frozen=True)
class Scope:
    """Where a filing or a machine room applies: a provider's region, optionally some zones only.

    A zonal resource must sit in one of the zones; a regional one (no zone) is covered by any room
    of its region: it adds no machine room where the region already has a filed one."""

    provider: str
    region: str
    zones: frozenset[str] | None

    def covers(self, provider: str, region: str, zone: str | None) -> bool:
        if provider != self.provider or region.casefold() != self.region.casefold():
            return False
        return self.zones is None or zone is None or zone in self.zones


@dataclass(frozen=True)
class Filing:
    reference: str
    filed_on: dt.date
    scope: Scope
    room_id: str | None = None


@dataclass(frozen=True)
class VpnPeer:
    """One of the organisation's own VPN sites in mainland China (`organization.vpn_peers`, CKV_CNLIC_401)."""

    site: str
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    fqdns: frozenset[str] = frozenset()  # casefolded, without a trailing dot

    def names(self, address: str) -> bool:
        """Whether a gateway address (an IP address, a range or a domain name) is this site's."""
        text = address.strip()
        try:
            net = ipaddress.ip_network(text, strict=False)
        except ValueError:
            return text.rstrip(".").casefold() in self.fqdns
        return any(net.version == n.version and net.subnet_of(n) for n in self.networks)


@dataclass(frozen=True)
class PersonalData:
    """Which stores hold personal information (CKV_CNLIC_602): those whose tag `tag` has one of `values`."""

    tag: str = "data-class"
    values: tuple[str, ...] = ("personal", "pii", "personal-data", "个人信息")

    def names_personal(self, value: str) -> bool:
        """Whether a tag value is one of `values`, ignoring case and surrounding blanks."""
        wanted = value.strip().casefold()
        return any(wanted == v.strip().casefold() for v in self.values)


@dataclass(frozen=True)
class SecurityFiling:
    """One network or system filed with the communications authority under MIIT Order No. 11
    (`security_filings`, CKV_CNLIC_603): its name, protection grade (1-5) and filing reference."""

    system: str
    grade: int
    reference: str


@dataclass(frozen=True)
class LicenseProfile:
    path: str
    source: str  # how it was found: "--license", "$PERMITGUARD_LICENSE", "./permitguard.yaml", "bundled"
    sha256: str
    number: str
    holder: str
    holder_aliases: tuple[str, ...]
    issued: dt.date
    expires: dt.date
    renewal_notice_days: int
    services: dict[str, Service]
    default_service: str | None
    accounts: dict[str, frozenset[str]]
    management_cidrs: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
    identity_domains: frozenset[str]
    management_ports: tuple[tuple[int, int], ...]
    rooms: tuple[Filing, ...]
    filings: tuple[Filing, ...]
    filing_pattern: SafePattern  # RE2: linear time whatever the profile says
    tags: dict[str, str]
    vpn_peers: tuple[VpnPeer, ...] = ()  # organization.vpn_peers (CKV_CNLIC_401)
    personal_data: PersonalData = PersonalData()
    # Kubernetes users / groups of the organisation without an identity domain (CKV_CNLIC_203), casefolded
    identity_principals: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # CKV_CNLIC_501 / 601 (profile sections `icp_filings`, `logs`)
    icp_filings: Mapping[str, str] = field(default_factory=dict)  # registrable domain (casefolded) → number
    log_retention_days: int = 180
    security_filings: tuple[SecurityFiling, ...] = ()  # CKV_CNLIC_603 (profile section `security_filings`)

    def service_named(self, text: str) -> str | None:
        """The granted business type a tag value names: key (idc), catalogue code (B11) or name, any case."""
        return self._service_names.get(text.strip().casefold())

    @functools.cached_property
    def _service_names(self) -> dict[str, str]:
        """Every casefolded key, code and name → its business type (the first type naming it wins)."""
        names: dict[str, str] = {}
        for k, s in self.services.items():
            for name in (k, s.code, s.name_en, s.name_zh):
                names.setdefault(name.casefold(), k)
        return names

    def services_covering(self, loc: Location, city_provinces: Mapping[str, str] | None = None) -> list[str]:
        return [k for k, s in self.services.items() if s.coverage.covers(loc, city_provinces)]

    def room_covering(self, provider: str, region: str, zone: str | None) -> Filing | None:
        return next((r for r in self.rooms if r.scope.covers(provider, region, zone)), None)

    def filing(self, reference: str) -> Filing | None:
        """The filing a reference names; surrounding blanks and letter case do not matter."""
        ref = reference.strip().casefold()
        return next((f for f in self.filings + self.rooms if f.reference.casefold() == ref), None)

    def vpn_peer(self, address: str) -> VpnPeer | None:
        """The listed own VPN site a gateway address belongs to, else None."""
        return next((p for p in self.vpn_peers if p.names(address)), None)

    def icp_filing_for(self, host: str) -> tuple[str, str] | None:
        """(domain, number) of the filing that covers a host name: the domain itself or any subdomain of it
        (`www.shop.example-operator.cn` is covered by `example-operator.cn`); the longest domain wins."""
        name = host.strip().rstrip(".").casefold().removeprefix("*.")
        found = [d for d in self.icp_filings if name == d or name.endswith("." + d)]
        return (max(found, key=len), self.icp_filings[max(found, key=len)]) if found else None

    def security_filing(self, reference: str) -> SecurityFiling | None:
        """The filed system a filing reference names; surrounding blanks and letter case do not matter."""
        ref = reference.strip().casefold()
        return next((f for f in self.security_filings if f.reference.strip().casefold() == ref), None)

    def renewal_deadline(self) -> dt.date:
        """The last day to apply for renewal (SP-12: renewal_notice_days before expiry)."""
        try:
            return self.expires - dt.timedelta(days=self.renewal_notice_days)
        except OverflowError:  # a notice period reaching before year 1
            return dt.date.min

    def standing(self, as_of: dt.date) -> str:
        return standing(self.issued, self.expires, self.renewal_deadline(), as_of)
