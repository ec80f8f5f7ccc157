"""How the reports write places and where a finding is: file:line or address, region → province/city."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from permitguard.report.labels import label

if TYPE_CHECKING:
    from permitguard.geo import Provinces
    from permitguard.report.record import FindingRecord, ResourceRecord


def where(r: ResourceRecord) -> str:
    if r.file:
        return f"{r.file}:{r.line}" if r.line else r.file
    return r.address


def _place(names: Provinces, r: ResourceRecord, lang: str) -> str:
    name = names.name(r.province, lang) if r.province else None
    return name or names.territory_label(r.territory or "foreign", lang)


def location(r: ResourceRecord, lang: str, names: Provinces) -> str:
    if not r.region:
        return "—"
    langs = ["en", "zh"] if lang == "both" else [lang]
    place = " / ".join(dict.fromkeys(_place(names, r, x) for x in langs))
    place += f" · {r.city}" if r.city else ""
    zone = f" / {r.zone}" if r.zone else ""
    return f"{r.provider} {r.region}{zone} → {place}"


def coverage(service: dict[str, Any], lang: str, names: Provinces) -> str:
    """A business type's licensed coverage in words: nationwide, or its provinces and cities."""
    if service.get("nationwide"):
        return label("nationwide", lang)
    langs = ["en", "zh"] if lang == "both" else [lang]
    places = [" / ".join(dict.fromkeys(names.name(p, x) or p for x in langs))
              for p in service.get("provinces", [])]
    return ", ".join(places + list(service.get("cities", [])))


def room(f: dict[str, Any]) -> str | None:
    """The new machine room a failed CKV_CNLIC_301 (in its document form) adds: as the finding states it,
    else (a finding from another tool's output) from the resource's own location."""
    if f.get("room"):
        return f["room"]
    r = f["resource"]
    if f["rule_id"] != "CKV_CNLIC_301" or f["status"] != "failed" or not r.get("region"):
        return None
    zone, region = r.get("zone"), r["region"]
    if not zone:
        return f"{r['provider']} {region} (whole region)"
    short = zone[len(region):].lstrip("-") if zone.startswith(region) else zone
    return f"{r['provider']} {region} zone {short or zone}"


def rooms(findings: list[FindingRecord]) -> list[tuple[str, list[FindingRecord]]]:
    """Failed CKV_CNLIC_301 findings by the room they add, the room adding most resources first; [] when
    none names a room (other rules)."""
    groups: dict[str, list[FindingRecord]] = {}
    for f in findings:
        name = f.adds_room
        if name is not None:
            groups.setdefault(name, []).append(f)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def room_line(name: str, n: int, lang: str) -> str:
    return label("adds_room_one" if n == 1 else "adds_room", lang, room=name, n=n)
