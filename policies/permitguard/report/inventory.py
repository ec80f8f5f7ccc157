"""Where the resources sit, by province/city, against the licensed coverage: table rows and an SVG chart.

A resource's colour is the residency rules' verdict on it (inside, outside, not established); the coverage
squares ask the licence in the document whether each business type is licensed at that place.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from permitguard.geo import Location
from permitguard.license import Coverage
from permitguard.report.labels import label

if TYPE_CHECKING:
    from permitguard.geo import Provinces
    from permitguard.report.record import FindingRecord
    from permitguard.rule_catalog import RuleCatalog

VERDICTS = ("inside", "outside", "unknown", "not_judged")
SQUARE = {True: "covered", False: "not_covered"}
TERRITORY_ORDER = {"mainland": 0, "hk": 1, "mo": 2, "tw": 3, "foreign": 4}


@dataclass
class Place:
    key: tuple
    name: dict[str, str]
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    coverage: list[tuple[str, bool | None]] = field(default_factory=list)  # (service code, licensed here?)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _verdict(findings: list[FindingRecord], residency: set[str]) -> str:
    mine = [f for f in findings if f.rule_id in residency]
    failed = [f for f in mine if f.status == "failed"]
    if failed:
        return "unknown" if all(f.undetermined for f in failed) else "outside"
    return "inside" if any(f.status == "passed" for f in mine) else "not_judged"


def _key(findings: list[FindingRecord]) -> tuple:
    located = next((f.resource for f in findings if f.resource.territory), None)
    if located:
        r = located
        city = r.city or (r.region if r.territory != "mainland" else None)
        return (TERRITORY_ORDER.get(r.territory, 9), r.territory, r.province or "", city or "")
    if any(f.reason == "global_type" for f in findings):
        return (10, "global", "", "")
    if any(f.undetermined for f in findings):
        return (11, "unknown", "", "")
    return (12, "missing", "", "")


def _name(key: tuple, provinces: Provinces) -> dict[str, str]:
    _, territory, province, city = key
    special = {"global": "loc_global", "unknown": "loc_unknown", "missing": "loc_missing"}
    if territory in special:
        return {lang: label(special[territory], lang) for lang in ("en", "zh")}
    out = {}
    for lang in ("en", "zh"):
        place = provinces.name(province, lang) if province else None
        place = place or provinces.territory_label(territory, lang)
        same = city and city.casefold() in {(provinces.name(province, "en") or "").casefold(),
                                            provinces.territory_label(territory, "en").casefold()}
        out[lang] = f"{place} · {city}" if city and not same else place
    return out


def _covers(cov: dict[str, Any], key: tuple) -> bool | None:
    _, territory, province, city = key
    if territory in ("global", "unknown", "missing"):
        return None
    coverage = Coverage(bool(cov.get("nationwide")), frozenset(cov.get("provinces", [])),
                        frozenset(c.casefold() for c in cov.get("cities", [])))
    loc = Location(provider="", region="", zone=None, territory=territory, province=province or None,
                   city=city or None, name=None, unverified=False, source="report")
    return coverage.covers(loc)


def places(findings: list[FindingRecord], services: dict[str, Any], catalog: RuleCatalog,
           provinces: Provinces) -> list[Place]:
    """The places of the findings' resources; `services`: the document's licence services."""
    residency = {m.id for m in catalog if m.family == "residency"}
    by_resource: dict[tuple, list[FindingRecord]] = defaultdict(list)
    for f in findings:  # one resource per (file, address), as the document's summary counts them
        by_resource[(f.resource.file, f.resource.address)].append(f)
    out: dict[tuple, Place] = {}
    for mine in by_resource.values():
        key = _key(mine)
        place = out.get(key) or out.setdefault(key, Place(key, _name(key, provinces)))
        place.counts[_verdict(mine, residency)] += 1
    for place in out.values():
        place.coverage = [(s["code"], _covers(s, place.key)) for s in services.values()]
    return [out[k] for k in sorted(out)]


def chart(rows: list[Place], lang: str, services: list[str], limit: int = 40) -> dict[str, Any]:
    """Geometry for templates/inventory.svg.j2: one bar per place, coverage squares at the right."""
    shown = rows[:limit]
    rest = sum(p.total for p in rows[limit:])
    widest = max((p.total for p in shown), default=1) or 1
    left, bar_w, row_h, top = 300, 420, 22, 46
    cov_x = left + bar_w + 70
    out_rows = []
    for i, p in enumerate(shown):
        y, x, segments = top + i * row_h, left, []
        for verdict in VERDICTS:
            w = p.counts[verdict] * bar_w / widest
            if w:
                segments.append({"x": round(x, 1), "w": round(max(w, 1.5), 1), "cls": verdict,
                                 "n": p.counts[verdict]})
                x += w
        squares = [{"x": cov_x + j * 56, "cls": SQUARE.get(c, "none"), "code": code}
                   for j, (code, c) in enumerate(p.coverage)]
        out_rows.append({"y": y, "name": p.name if lang == "both" else {lang: p.name[lang]},
                         "segments": segments, "total": p.total, "end": round(x, 1), "squares": squares})
    height = top + len(shown) * row_h + 90
    return {"width": cov_x + 56 * max(len(services), 1) + 20, "height": height, "left": left,
            "rows": out_rows, "rest": rest,
            "services": [{"x": cov_x + j * 56, "code": s} for j, s in enumerate(services)],
            "legend_y": height - 60, "legend_step": 240 if lang == "both" else 170}
