"""The store catalog (data/stores.yaml, schema stores.schema.json): which types are data stores, which of
their attributes and of their companion resources make them public or encrypted, and the providers'
defaults (CKV_CNLIC_602). Loaded once; the Context carries it to the rules."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from permitguard import datafiles
from permitguard.errors import CatalogError

EVERY_STORE = "*"  # a companion's join that applies to every store of its cloud (an account-wide block)


@dataclass(frozen=True)
class Public:
    """An attribute whose value can make a store public (kind: values | flag | policy_document |
    text_contains | any), through a channel a block can switch off."""

    attr: str
    channel: str
    kind: str
    values: tuple[str, ...] = ()
    default: bool | None = None


@dataclass(frozen=True)
class Block:
    attr: str
    when: bool = True


@dataclass(frozen=True)
class Companion:
    type: str
    join: str
    public: tuple[Public, ...] = ()
    blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    encryption: tuple[str, ...] = ()


@dataclass(frozen=True)
class Store:
    type: str
    name: str
    public: tuple[Public, ...]
    blocks: dict[str, tuple[Block, ...]]
    encryption: tuple[str, ...]
    encrypted_by_default: bool
    encryption_source: str
    companions: dict[str, Companion]


def _publics(items: list[dict]) -> tuple[Public, ...]:
    return tuple(Public(p["attr"], p["channel"], p["kind"], tuple(p.get("values", ())), p.get("default"))
                 for p in items)


def _blocks(spec: dict) -> dict[str, tuple[Block, ...]]:
    return {channel: tuple(Block(b["attr"], b.get("when", True)) for b in items)
            for channel, items in spec.items()}


class StoreCatalog:
    def __init__(self, doc: dict) -> None:
        self.stores: dict[str, Store] = {}
        self._companion_store: dict[str, str] = {}
        problems = []
        for tf_type, spec in doc["stores"].items():
            companions = {
                c_type: Companion(c_type, c["join"], _publics(c.get("public", [])),
                                  _blocks(c.get("blocks", {})), tuple(c.get("encryption", ())))
                for c_type, c in spec.get("companions", {}).items()
            }
            enc = spec["encryption"]
            store = Store(tf_type, spec["name"], _publics(spec["public"]), _blocks(spec.get("blocks", {})),
                          tuple(enc["attrs"]), enc["by_default"], enc["source"], companions)
            self.stores[tf_type] = store
            channels = {p.channel for p in store.public}
            channels |= {p.channel for c in companions.values() for p in c.public}
            blocked = set(store.blocks) | {ch for c in companions.values() for ch in c.blocks}
            if blocked - channels:
                problems.append(f"{tf_type}: blocks name channels no public attribute uses: "
                                f"{sorted(blocked - channels)}")
            for c_type in companions:
                if c_type in self._companion_store or c_type in doc["stores"]:
                    problems.append(f"{c_type}: a companion of two stores, or a store itself")
                self._companion_store[c_type] = tf_type
        if problems:
            raise CatalogError("stores.yaml: " + "; ".join(problems))

    def store(self, tf_type: str) -> Store | None:
        return self.stores.get(tf_type)

    def store_of_companion(self, tf_type: str) -> Store | None:
        """The store type a companion type configures, else None."""
        found = self._companion_store.get(tf_type)
        return self.stores[found] if found else None

    @classmethod
    def load(cls) -> StoreCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> StoreCatalog:
    return StoreCatalog(datafiles.load_data("stores.yaml", "stores.schema.json"))
