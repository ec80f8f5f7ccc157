"""The licence profile: load, validate, and answer coverage, room and filing questions."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from permitguard import datafiles
from permitguard.errors import ProfileError
from permitguard.geo import Location

BUNDLED = "B1-20195402.yaml"
DEFAULT_PORTS = (22, 23, 3389, "5985-5986", "2375-2376", 6443, 10250, 5900)
DEFAULT_FILING_PATTERN = r"^[A-Z]{2,}-[0-9]{4}-[0-9]{3,}$"
DEFAULT_TAGS = {
    "service": "license-service",
    "role": "system-role",
    "prior_filing": "prior-filing",
    "icp_filing": "icp-filing",
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
    filing_pattern: re.Pattern[str]
    tags: dict[str, str]

    def services_covering(self, loc: Location, city_provinces: Mapping[str, str] | None = None) -> list[str]:
        return [k for k, s in self.services.items() if s.coverage.covers(loc, city_provinces)]

    def room_covering(self, provider: str, region: str, zone: str | None) -> Filing | None:
        return next((r for r in self.rooms if r.scope.covers(provider, region, zone)), None)

    def filing(self, reference: str) -> Filing | None:
        """The filing a reference names; surrounding blanks and letter case do not matter."""
        ref = reference.strip().casefold()
        return next((f for f in self.filings + self.rooms if f.reference.casefold() == ref), None)

    def renewal_deadline(self) -> dt.date:
        return self.expires - dt.timedelta(days=self.renewal_notice_days)


def find_profile(
    explicit: str | None = None, environ: dict | None = None, cwd: str | None = None
) -> tuple[Path, str]:
    """Where the profile comes from: --license, then $PERMITGUARD_LICENSE, ./permitguard.yaml, bundled."""
    environ = os.environ if environ is None else environ
    if explicit:
        return Path(explicit), "--license"
    if environ.get("PERMITGUARD_LICENSE"):
        return Path(environ["PERMITGUARD_LICENSE"]), "$PERMITGUARD_LICENSE"
    local = Path(cwd or os.getcwd()) / "permitguard.yaml"
    if local.is_file():
        return local, "./permitguard.yaml"
    return Path(datafiles.data_path("licenses", BUNDLED)), "bundled"


def load_profile(path: str | Path, source: str = "--license") -> LicenseProfile:
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"licence profile {path}: cannot read: {exc.strerror or exc}") from None
    data = datafiles.parse_yaml(raw_bytes, f"licence profile {path}", ProfileError)
    errors = validate_profile(data)
    if errors:
        raise ProfileError(f"licence profile {path} is invalid:\n" + "\n".join(f"  - {e}" for e in errors))
    return _build(data, str(path), source, hashlib.sha256(raw_bytes).hexdigest())


def validate_profile(data: Any) -> list[str]:
    """Every schema error with its path, then the semantic checks a schema cannot express."""
    errors = datafiles.schema_errors("license.schema.json", data)
    if errors:
        return errors
    lic, org = data["license"], data["organization"]
    if lic["expires"] <= lic["issued"]:
        errors.append(f"license.expires: {lic['expires']} is not after license.issued {lic['issued']}")
    if lic.get("default_service") and lic["default_service"] not in lic["services"]:
        errors.append(f"license.default_service: {lic['default_service']!r} is not a granted service")
    for i, cidr in enumerate(org.get("management_cidrs", [])):
        try:
            ipaddress.ip_network(cidr, strict=False)
        except ValueError as exc:
            errors.append(f"organization.management_cidrs[{i}]: {exc}")
    for i, port in enumerate(org.get("management_ports", [])):
        lo, hi = _port_range(port)
        if lo > hi or hi > 65535:
            errors.append(f"organization.management_ports[{i}]: {port!r} is not a port range within 0-65535")
    try:
        re.compile(data.get("filing_reference_pattern", DEFAULT_FILING_PATTERN))
    except re.error as exc:
        errors.append(f"filing_reference_pattern: not a regular expression: {exc}")
    refs = [f["reference"] for f in data.get("filings", [])]
    refs += [r["filing"]["reference"] for r in data.get("machine_rooms", [])]
    errors += [
        f"filings: reference {r!r} appears more than once"
        for r in sorted({r for r in refs if refs.count(r) > 1})
    ]
    return errors


def _port_range(port: int | str) -> tuple[int, int]:
    if isinstance(port, int):
        return port, port
    lo, hi = port.split("-")
    return int(lo), int(hi)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _scope(d: dict) -> Scope:
    return Scope(d["provider"], d["region"], frozenset(d["zones"]) if d.get("zones") else None)


def _build(data: dict, path: str, source: str, sha: str) -> LicenseProfile:
    lic, org = data["license"], data["organization"]
    services = {}
    for key, s in lic["services"].items():
        cov = s["coverage"]
        services[key] = Service(
            key,
            s["code"],
            s.get("name", {}).get("en", key),
            s.get("name", {}).get("zh", key),
            Coverage(
                bool(cov.get("nationwide")),
                frozenset(cov.get("provinces", [])),
                frozenset(c.casefold() for c in cov.get("cities", [])),
            ),
        )
    rooms = tuple(
        Filing(r["filing"]["reference"], _date(r["filing"]["filed_on"]), _scope(r), r["id"])
        for r in data.get("machine_rooms", [])
    )
    filings = tuple(
        Filing(f["reference"], _date(f["filed_on"]), _scope(f["scope"])) for f in data.get("filings", [])
    )
    return LicenseProfile(
        path=path,
        source=source,
        sha256=sha,
        number=lic["number"],
        holder=lic["holder"],
        holder_aliases=tuple(lic.get("holder_aliases", [])),
        issued=_date(lic["issued"]),
        expires=_date(lic["expires"]),
        renewal_notice_days=lic.get("renewal_notice_days", 90),
        services=services,
        default_service=lic.get("default_service"),
        accounts={k: frozenset(str(a) for a in v) for k, v in org["accounts"].items()},
        management_cidrs=tuple(
            ipaddress.ip_network(c, strict=False) for c in org.get("management_cidrs", [])
        ),
        identity_domains=frozenset(d.casefold() for d in org.get("identity_domains", [])),
        management_ports=tuple(_port_range(p) for p in org.get("management_ports", DEFAULT_PORTS)),
        rooms=rooms,
        filings=filings,
        filing_pattern=re.compile(data.get("filing_reference_pattern", DEFAULT_FILING_PATTERN)),
        tags={**DEFAULT_TAGS, **data.get("tags", {})},
    )
