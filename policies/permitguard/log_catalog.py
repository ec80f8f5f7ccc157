"""The log-store catalog (data/log_stores.yaml, schema log_stores.schema.json): which types keep logs and how
their retention is written (CKV_CNLIC_601), which types produce user and access logs and which attributes
name the store they write to. Loaded once; the Context carries it to the rules."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from permitguard import datafiles
from permitguard.errors import CatalogError

FOREVER, INHERIT, REQUIRED = "forever", "inherit", "required"


@dataclass(frozen=True)
class Inherit:
    values: frozenset[int]
    attr: str
    types: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Store:
    retention: tuple[str, ...]
    omitted: int | str  # days, or FOREVER | INHERIT | REQUIRED
    forever: frozenset[int]
    keys: dict[str, tuple[str, ...]]  # key name → the store's attributes holding it
    inherit: Inherit | None = None
    producer: bool = False  # a producer's own store (always user/access logs)


@dataclass(frozen=True)
class Writes:
    types: tuple[str, ...]
    match: tuple[tuple[str, str], ...]  # (producer attribute, store key name)


@dataclass(frozen=True)
class Producer:
    writes: tuple[Writes, ...]
    unless_attr: str | None = None
    unless: frozenset[str] = frozenset()  # casefolded
    optional: bool = False


class LogCatalog:
    def __init__(self, doc: dict) -> None:
        self.tag = doc["log_class_tag"]
        self.classes = frozenset(c.casefold() for c in doc["log_classes"])
        self.stores = {t: _store(s) for t, s in doc["stores"].items()}
        self.producers = {
            t: Producer(
                tuple(Writes(tuple(w["types"]), tuple(w["match"].items())) for w in p["writes"]),
                (p.get("unless") or {}).get("attr"),
                frozenset(v.casefold() for v in (p.get("unless") or {}).get("in", ())),
                bool(p.get("optional")),
            )
            for t, p in doc["producers"].items()
        }
        bad = sorted(
            t for t, p in self.producers.items() for w in p.writes
            if any(s not in self.stores or any(k not in self.stores[s].keys for _, k in w.match)
                   for s in w.types)
        )
        if bad:
            raise CatalogError(f"log_stores.yaml: producers write to stores or keys not catalogued: {bad}")

    def store(self, tf_type: str) -> Store | None:
        return self.stores.get(tf_type)

    def producer(self, tf_type: str) -> Producer | None:
        return self.producers.get(tf_type)

    def producers_of(self, store_type: str) -> list[tuple[str, Writes]]:
        """(producer type, how it writes) for every producer that may write to `store_type`."""
        return [(t, w) for t, p in self.producers.items() for w in p.writes if store_type in w.types]

    @classmethod
    def load(cls) -> LogCatalog:
        return _load_default()


def _store(s: dict) -> Store:
    inherit = s.get("inherit")
    return Store(
        tuple(s["retention"]),
        s["omitted"],
        frozenset(s.get("forever", ())),
        {k: tuple(v) for k, v in s["keys"].items()},
        Inherit(frozenset(inherit["values"]), inherit["attr"], tuple(inherit["types"]),
                tuple(inherit["keys"])) if inherit else None,
        bool(s.get("producer")),
    )


@functools.lru_cache(maxsize=1)
def _load_default() -> LogCatalog:
    return LogCatalog(datafiles.load_data("log_stores.yaml", "log_stores.schema.json"))
