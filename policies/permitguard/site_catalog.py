"""The site catalog (data/sites.yaml, schema sites.schema.json): which types put a website on the internet
from mainland China, where their host names are, when one is no such site, and which related resource carries
the filing tag of a type that cannot carry tags (CKV_CNLIC_501). The ICP filing number's format is the
licence schema's (`$defs/icp_filing_number`), the one definition the profile's `icp_filings` are also
validated by. Loaded once; the Context carries it to the rules."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from permitguard import datafiles
from permitguard.errors import CatalogError


@dataclass(frozen=True)
class Condition:
    attr: str
    values: tuple[str, ...] = ()  # casefolded; empty: `given` (set and not empty)
    step: int | None = None  # the step of `via` whose resource holds the attribute; None: the site itself


@dataclass(frozen=True)
class Step:
    attr: str
    types: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Record:
    name: str
    zone: str
    apex: str = "@"
    default_name: str | None = None


@dataclass(frozen=True)
class Site:
    hosts: tuple[str, ...] = ()
    record: Record | None = None
    record_attr: str | None = None
    websites: frozenset[str] = frozenset()  # casefolded record types that are websites; empty: any
    not_sites: tuple[Condition, ...] = ()
    via: tuple[Step, ...] = ()
    lends_tag: bool = False


def normalised(number: str) -> str:
    """A filing number as compared: full-width digits and hyphen as ASCII (NFKC), blanks removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", number))


class SiteCatalog:
    def __init__(self, doc: dict, number_pattern: str) -> None:
        self.sites = {t: _site(spec) for t, spec in doc["sites"].items()}
        self.not_offered: dict[str, str] = dict(doc["not_offered"])
        self.number = re.compile(number_pattern)
        bad = sorted(t for t, s in self.sites.items()
                     if (s.lends_tag and not s.via) or any(c.step is not None and c.step >= len(s.via)
                                                            for c in s.not_sites))
        if bad:
            raise CatalogError(f"sites.yaml: a condition or lends_tag needs a `via` step it lacks: {bad}")

    def site(self, tf_type: str) -> Site | None:
        return self.sites.get(tf_type)

    def well_formed(self, number: str) -> bool:
        return self.number.fullmatch(normalised(number)) is not None

    @classmethod
    def load(cls) -> SiteCatalog:
        return _load_default()


def _site(spec: dict) -> Site:
    rec = spec.get("record")
    kinds = spec.get("record_types") or {}
    return Site(
        hosts=tuple(spec.get("hosts", ())),
        record=Record(rec["name"], rec["zone"], rec.get("apex", "@"), rec.get("default_name"))
        if rec else None,
        record_attr=kinds.get("attr"),
        websites=frozenset(t.casefold() for t in kinds.get("websites", ())),
        not_sites=tuple(Condition(c["attr"], tuple(str(v).casefold() for v in c.get("in", ())), c.get("step"))
                        for c in spec.get("not_sites", ())),
        via=tuple(Step(v["attr"], tuple(v["types"]), tuple(v["keys"])) for v in spec.get("via", ())),
        lends_tag=bool(spec.get("lends_tag")),
    )


@functools.lru_cache(maxsize=1)
def _load_default() -> SiteCatalog:
    pattern = datafiles.schema("license.schema.json")["$defs"]["icp_filing_number"]["pattern"]
    return SiteCatalog(datafiles.load_data("sites.yaml", "sites.schema.json"), pattern)
