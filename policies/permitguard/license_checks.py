"""What a licence profile's schema cannot say: dates in order, parseable networks and ports, known province
codes, unique filing references (errors: the profile is refused), and coverage cities no cloud region is in
(warnings: such a city can never match, usually a spelling or a Chinese name where English is expected)."""

from __future__ import annotations

import ipaddress
from typing import Any

from permitguard.geo import Provinces, RegionCatalog
from permitguard.license import LicenseProfile, defaults
from permitguard.safe_regex import PatternError, compile_pattern


def port_range(port: int | str) -> tuple[int, int]:
    if isinstance(port, int):
        return port, port
    lo, hi = port.split("-")
    return int(lo), int(hi)


def semantic_errors(data: dict[str, Any], provinces: Provinces) -> list[str]:
    """Each error as `$.path: what is wrong`, like the schema's; province codes are checked against
    `provinces`."""
    lic, org = data["license"], data["organization"]
    errors = []
    if lic["expires"] <= lic["issued"]:
        errors.append(f"license.expires: {lic['expires']} is not after license.issued {lic['issued']}")
    if lic.get("default_service") and lic["default_service"] not in lic["services"]:
        errors.append(f"license.default_service: {lic['default_service']!r} is not a granted service")
    for i, cidr in enumerate(org.get("management_cidrs", [])):
        try:
            ipaddress.ip_network(cidr, strict=False)
        except ValueError as exc:
            errors.append(f"organization.management_cidrs[{i}]: {exc}")
    for i, peer in enumerate(org.get("vpn_peers", [])):
        for j, cidr in enumerate(peer.get("cidrs", [])):
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError as exc:
                errors.append(f"organization.vpn_peers[{i}].cidrs[{j}]: {exc}")
    for i, port in enumerate(org.get("management_ports", [])):
        lo, hi = port_range(port)
        if lo > hi or hi > 65535:
            errors.append(f"organization.management_ports[{i}]: {port!r} is not a port range within 0-65535")
    try:
        compile_pattern(data.get("filing_reference_pattern", defaults()["filing_reference_pattern"]))
    except PatternError as exc:
        errors.append(f"filing_reference_pattern: {exc}")
    errors += _unknown_provinces(data, provinces) + _duplicate_references(data)
    return [f"$.{e}" for e in errors]


def _unknown_provinces(data: dict[str, Any], provinces: Provinces) -> list[str]:
    places = [
        (f"license.services.{k}.coverage.provinces[{i}]", code)
        for k, s in data["license"]["services"].items()
        for i, code in enumerate(s["coverage"].get("provinces", []))
    ]
    places += [
        (f"machine_rooms[{i}].province", r["province"])
        for i, r in enumerate(data.get("machine_rooms", []))
        if r.get("province")
    ]
    return [
        f"{where}: {code!r} is not an ISO 3166-2:CN province code"
        for where, code in places
        if code not in provinces
    ]


def _duplicate_references(data: dict[str, Any]) -> list[str]:
    refs = [f["reference"] for f in data.get("filings", [])]
    refs += [r["filing"]["reference"] for r in data.get("machine_rooms", [])]
    return [
        f"filings: reference {r!r} appears more than once"
        for r in sorted({r for r in refs if refs.count(r) > 1})
    ]


def coverage_warnings(profile: LicenseProfile, regions: RegionCatalog) -> list[str]:
    """Coverage cities that no region of the catalog is in: they can never match a resource."""
    known = {loc.city.casefold() for p in regions.providers() for loc in regions.regions(p) if loc.city}
    return [
        f"license.services.{key}.coverage.cities: {city!r} is no city of any cloud region in the catalog "
        "(names are English, e.g. Guangzhou); it can never match a resource"
        for key, service in profile.services.items()
        for city in sorted(service.coverage.cities)
        if city not in known
    ]
