"""The VPN catalog (data/vpn.yaml, schema vpn.schema.json): which types set a VPN's cryptography and what
counts as state-approved commercial cryptography there (CKV_CNLIC_402), and which types declare VPN client
pools or hand VPN clients a way to the internet (CKV_CNLIC_403). Loaded once; the Context carries it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from permitguard import datafiles


@dataclass(frozen=True)
class Setting:
    """One cryptographic setting (a negotiation phase's cipher or hash, a gateway's type or flavor)."""

    name: str
    paths: tuple[str, ...]
    sm: tuple[str, ...]
    default: str | None

    def is_sm(self, value: str) -> bool:
        return value.strip().casefold() in {v.casefold() for v in self.sm}


@dataclass(frozen=True)
class Because:
    """Why a rule does not apply to a type, in both languages (a verdict fact, rendered per language)."""

    en: str
    zh: str


@dataclass(frozen=True)
class OnlyWhen:
    attr: str
    value: Any
    default: Any
    otherwise: Because


@dataclass(frozen=True)
class Cryptography:
    settings: tuple[Setting, ...]
    only_when: OnlyWhen | None = None


@dataclass(frozen=True)
class Egress:
    """How one type may give VPN clients the internet: kind full_tunnel | route | switch | snat."""

    kind: str
    attr: str  # the first of `paths`, named in messages when none is set
    split: str | None = None
    egress: Any = None  # a switch: the value that gives clients the internet
    default: Any = None  # a switch: its provider default
    paths: tuple[str, ...] = ()  # every spelling of the attribute (HCL block, Pulumi's plural block)

    def __post_init__(self) -> None:
        if not self.paths:
            object.__setattr__(self, "paths", (self.attr,))


class VpnCatalog:
    def __init__(self, doc: dict) -> None:
        self.cryptography = {
            t: Cryptography(
                tuple(Setting(s["name"], tuple(s["paths"]), tuple(s["sm"]), s["default"])
                      for s in spec["settings"]),
                OnlyWhen(**{**spec["only_when"], "otherwise": Because(**spec["only_when"]["otherwise"])})
                if "only_when" in spec else None,
            )
            for t, spec in doc["cryptography"].items()
        }
        self.no_sm_option = {t: Because(**v) for t, v in doc["no_sm_option"].items()}
        egress = doc["client_egress"]
        self.pools: dict[str, tuple[str, ...]] = {t: tuple(p) for t, p in egress["pools"].items()}
        self.egress: dict[str, Egress] = {}
        for kind, key in (("full_tunnel", "full_tunnel"), ("route", "routes"), ("switch", "switches"),
                          ("snat", "snat")):
            for t, spec in egress[key].items():
                paths = tuple(spec.get("paths") or [spec["attr"]])
                self.egress[t] = Egress(kind, paths[0], spec.get("split"), spec.get("egress"),
                                        spec.get("default"), paths)
        self.not_egress = {t: Because(**v) for t, v in egress["not_egress"].items()}

    def crypto_types(self) -> list[str]:
        """Every type CKV_CNLIC_402 names: judged, or not applicable for want of an SM option."""
        return [*self.cryptography, *self.no_sm_option]

    def egress_types(self) -> list[str]:
        """Every type CKV_CNLIC_403 names: pools, egress evidence, or not applicable with a reason."""
        return list(dict.fromkeys([*self.pools, *self.egress, *self.not_egress]))

    @classmethod
    def load(cls) -> VpnCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> VpnCatalog:
    return VpnCatalog(datafiles.load_data("vpn.yaml", "vpn.schema.json"))
