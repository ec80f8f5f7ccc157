"""Reading a licence profile file: where it is found, parsing, schema and semantic validation (every
error with its JSON path), and building the `LicenseProfile`."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import stat
from pathlib import Path
from typing import Any

from permitguard import datafiles, license_checks, safe_regex
from permitguard.errors import ProfileError
from permitguard.geo import Provinces
from permitguard.license import (
    BUNDLED,
    Coverage,
    Filing,
    LicenseProfile,
    PersonalData,
    Scope,
    SecurityFiling,
    Service,
    VpnPeer,
    defaults,
)


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
    return bundled_path(), "bundled"


def bundled_path() -> Path:
    """The permit's profile shipped in the package (data/licenses/B1-20195402.yaml)."""
    return datafiles.data_path("licenses", BUNDLED)


MAX_BYTES = 1 << 20  # a licence profile is a few kilobytes; the bundled one is under 10 KB


def read_bounded(path: Path, label: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES (a device, FIFO or huge file is refused
    before it is read: /dev/zero must not fill the memory)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ProfileError(f"{label}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise ProfileError(
                f"{label}: {info.st_size:,} bytes, more than the {MAX_BYTES:,} a profile may have")
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ProfileError(f"{label}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ProfileError(f"{label}: more than the {MAX_BYTES:,} bytes a profile may have")
    return raw


def load_profile(path: str | Path, source: str = "--license") -> LicenseProfile:
    path = Path(path)
    raw_bytes = read_bounded(path, f"licence profile {path}")
    data = datafiles.parse_yaml(raw_bytes, f"licence profile {path}", ProfileError)
    errors = validate_profile(data, raw=raw_bytes)
    if errors:
        raise ProfileError(f"licence profile {path} is invalid:\n" + "\n".join(f"  - {e}" for e in errors))
    return _build(data, str(path), source, hashlib.sha256(raw_bytes).hexdigest())


def validate_profile(data: Any, provinces: Provinces | None = None, raw: bytes | None = None) -> list[str]:
    """Every schema error with its path, then the semantic checks a schema cannot express (province codes
    against `provinces`, default: the packaged table). With the `raw` bytes `data` was parsed from, a
    profile that passed the schema before is not validated again (`datafiles.problems_of_bytes`: cached by
    content hash; an edited profile is validated before use)."""
    if raw is not None:
        problems = datafiles.problems_of_bytes(raw, data, "license.schema.json", "licence profile")
        errors = [f"{path}: {message}" for path, message in problems]
    else:
        errors = datafiles.schema_errors("license.schema.json", data)
    if errors:
        return errors
    return license_checks.semantic_errors(data, provinces or Provinces.load())


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _scope(d: dict) -> Scope:
    return Scope(d["provider"], d["region"], frozenset(d["zones"]) if d.get("zones") else None)


def _service(key: str, s: dict) -> Service:
    cov = s["coverage"]
    return Service(
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


def _build(data: dict, path: str, source: str, sha: str) -> LicenseProfile:
    lic, org = data["license"], data["organization"]
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
        renewal_notice_days=lic.get("renewal_notice_days", defaults()["renewal_notice_days"]),
        services={key: _service(key, s) for key, s in lic["services"].items()},
        default_service=lic.get("default_service"),
        accounts={k: frozenset(str(a) for a in v) for k, v in org["accounts"].items()},
        management_cidrs=tuple(
            ipaddress.ip_network(c, strict=False) for c in org.get("management_cidrs", [])
        ),
        identity_domains=frozenset(d.casefold() for d in org.get("identity_domains", [])),
        identity_principals={kind: frozenset(n.casefold() for n in names)
                             for kind, names in (org.get("identity_principals") or {}).items()},
        management_ports=tuple(
            license_checks.port_range(p) for p in org.get("management_ports", defaults()["management_ports"])
        ),
        rooms=rooms,
        filings=filings,
        filing_pattern=safe_regex.compile_pattern(
            data.get("filing_reference_pattern", defaults()["filing_reference_pattern"])
        ),
        tags={**defaults()["tags"], **data.get("tags", {})},
        vpn_peers=tuple(
            VpnPeer(p["site"], tuple(ipaddress.ip_network(c, strict=False) for c in p.get("cidrs", [])),
                    frozenset(f.rstrip(".").casefold() for f in p.get("fqdns", [])))
            for p in org.get("vpn_peers", [])
        ),
        personal_data=_personal_data(data.get("personal_data", {})),
        icp_filings={d.casefold(): n for d, n in data.get("icp_filings", {}).items()},
        log_retention_days=data.get("logs", {}).get("retention_days", defaults()["log_retention_days"]),
        security_filings=tuple(SecurityFiling(f["system"], int(f["grade"]), f["reference"])
                               for f in data.get("security_filings", [])),
    )


def _personal_data(d: dict) -> PersonalData:
    given = {**defaults()["personal_data"], **d}
    return PersonalData(given["tag"], tuple(str(v) for v in given["values"]))
