"""The link catalog (data/links.yaml, schema links.schema.json): which types are links and where their ends
are (CKV_CNLIC_401), which are leased lines and who their carrier is (CKV_CNLIC_404), and the vocabularies
those attributes use. Loaded once; the Context carries it to the rules."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from permitguard import datafiles
from permitguard.errors import CatalogError

MAINLAND, OUTSIDE = "mainland", "outside"
UNKNOWN, OWN, IGNORE = "unknown", "own", "ignore"  # what an omitted end means


@dataclass(frozen=True)
class End:
    """One attribute holding an end of a link: region ids, names of a `places` vocabulary, a peer's
    address, or a reference to a customer/local gateway."""

    attr: str
    kind: str  # region | place | address | gateway
    vocabulary: str | None = None
    absent: str = UNKNOWN
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    ends: tuple[End, ...]
    own_location: bool = True  # the resource's own location is one end


@dataclass(frozen=True)
class Carrier:
    key: str
    en: str
    zh: str


@dataclass(frozen=True)
class LeasedLine:
    attr: str
    vocabulary: str  # closed | free_text


def _word(text: str) -> str:
    """A carrier word as compared: case, blanks, hyphens and underscores aside."""
    return re.sub(r"[\s_\-]+", "", text).casefold()


class LinkCatalog:
    def __init__(self, doc: dict) -> None:
        self.places: dict[str, dict[str, str]] = {k: dict(v["values"]) for k, v in doc["places"].items()}
        self.links = {
            t: Link(tuple(End(e["attr"], e["kind"], e.get("vocabulary"), e.get("absent", UNKNOWN),
                              tuple(e.get("unless", ()))) for e in spec["ends"]),
                    spec.get("own_location", True))
            for t, spec in doc["cross_border"].items()
        }
        self.carriers = {k: Carrier(k, v["en"], v["zh"]) for k, v in doc["carriers"].items()}
        self._aliases = {_word(a): k for k, v in doc["carriers"].items() for a in v["aliases"]}
        self._unspecific = {_word(w) for w in doc["unspecific_carriers"]}
        self.lines = {t: LeasedLine(v["attr"], v["vocabulary"]) for t, v in doc["leased_lines"].items()}
        self.not_offered: dict[str, dict[str, str]] = {k: dict(v) for k, v in doc["not_offered"].items()}
        missing = sorted({e.vocabulary for link in self.links.values() for e in link.ends
                          if e.vocabulary and e.vocabulary not in self.places})
        if missing:
            raise CatalogError(f"links.yaml: ends name vocabularies that `places` does not hold: {missing}")

    def link(self, tf_type: str) -> Link | None:
        return self.links.get(tf_type)

    def line(self, tf_type: str) -> LeasedLine | None:
        return self.lines.get(tf_type)

    def carrier(self, word: str) -> Carrier | None:
        """The basic-telecom carrier a word names (`CT`, `China Telecom`, `chinatelecom`), else None."""
        key = self._aliases.get(_word(word))
        return self.carriers[key] if key else None

    def unspecific(self, word: str) -> bool:
        """Whether a carrier word names no carrier in particular (`CO`, `ChinaOther`)."""
        return _word(word) in self._unspecific

    def place(self, vocabulary: str, value: str) -> str | None:
        """mainland / outside for a named place of `vocabulary` (exact, else ignoring case); None: unknown."""
        values = self.places[vocabulary]
        if value in values:
            return values[value]
        return next((v for k, v in values.items() if k.casefold() == value.strip().casefold()), None)

    @classmethod
    def load(cls) -> LinkCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> LinkCatalog:
    return LinkCatalog(datafiles.load_data("links.yaml", "links.schema.json"))
