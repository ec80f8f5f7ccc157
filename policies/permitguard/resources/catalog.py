"""The resource-type catalog as objects: TypeInfo per Terraform type, look-ups by type and Pulumi token."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from permitguard.resources.defaults import Default
from permitguard.resources.info import (
    GENERIC_REGION_ATTRS,
    GENERIC_TAGS_ATTR,
    GENERIC_ZONE_ATTRS,
    GrantSpec,
    TrustSpec,
    TypeInfo,
)
from permitguard.resources.loading import read_catalog


@dataclass(frozen=True)
class _Cloud:
    name: str
    pulumi_packages: tuple[str, ...]
    native_packages: tuple[str, ...]
    provider_region_attrs: tuple[str, ...]
    region_attrs: tuple[str, ...]
    zone_attrs: tuple[str, ...]
    tags_attr: str | None


_UNKNOWN_CLOUD = _Cloud("", (), (), (), GENERIC_REGION_ATTRS, GENERIC_ZONE_ATTRS, GENERIC_TAGS_ATTR)


class ResourceTypeCatalog:
    """Facts about resource types. Build it with `load()`; look-ups never raise."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self._provider_prefix: str = doc["pulumi"]["provider_token_prefix"]
        self._clouds = {name: _cloud(name, spec) for name, spec in doc["clouds"].items()}
        self._package_cloud = {
            pkg: cloud.name
            for cloud in self._clouds.values()
            for pkg in cloud.pulumi_packages + cloud.native_packages
        }
        self._types = {name: self._known(name, entry) for name, entry in doc["types"].items()}
        self._no_location: dict[str, str] = dict(doc.get("providers_without_location", {}))
        self._by_token = {token: info for info in self._types.values() for token in info.pulumi_tokens}

    @classmethod
    def load(cls, path: Any = None) -> ResourceTypeCatalog:
        """The packaged catalog (parsed once per process), or the one at `path` (parsed on every call).
        Raises CatalogError listing every problem with its JSON path."""
        return _packaged() if path is None else cls(read_catalog(path))

    def get(self, tf_type: str) -> TypeInfo:
        """The entry of a Terraform type, or the documented fallback (known=False) for one not listed."""
        info = self._types.get(tf_type)
        return info if info is not None else self._fallback(tf_type, tf_type.split("_", 1)[0])

    def by_pulumi_token(self, token: str) -> TypeInfo | None:
        return self._by_token.get(token)

    def pulumi_fallback(self, token: str) -> TypeInfo:
        """Fallback for an unlisted Pulumi token: its cloud from the token's package (the package name
        itself when unknown), that cloud's defaults."""
        package = token.split(":", 1)[0]
        return self._fallback(token, self._package_cloud.get(package, package))

    def uncatalogued(self, name: str) -> bool:
        """True for a Terraform type or Pulumi token the catalog does not know — judged for its location
        only, not for exposure or trust. Providers without location and Pulumi provider resources are
        described (by the provider), so they are not uncatalogued."""
        if self.pulumi_provider_package(name):
            return False
        info = (self.by_pulumi_token(name) or self.pulumi_fallback(name)) if ":" in name else self.get(name)
        return not info.known and info.cloud not in self._no_location

    def cloud_of_pulumi_package(self, pkg: str) -> str | None:
        """Terraform provider name of a Pulumi package, bridged or native: "azure" -> "azurerm"."""
        return self._package_cloud.get(pkg)

    def is_native_pulumi_package(self, pkg: str) -> bool:
        """True for native packages (e.g. azure-native): their tokens have no Terraform type behind them."""
        return any(pkg in cloud.native_packages for cloud in self._clouds.values())

    def pulumi_provider_package(self, token: str) -> str | None:
        """The package of a Pulumi provider resource token ("pulumi:providers:aws" -> "aws"), else None."""
        if token.startswith(self._provider_prefix) and len(token) > len(self._provider_prefix):
            return token[len(self._provider_prefix):]
        return None

    def provider_region_attrs(self, cloud: str) -> tuple[str, ...]:
        """Keys of a provider configuration of `cloud` that hold its region; () for an unknown cloud."""
        known = self._clouds.get(cloud)
        return known.provider_region_attrs if known else ()

    def clouds(self) -> list[str]:
        return list(self._clouds)

    def types(self) -> list[TypeInfo]:
        return list(self._types.values())

    def _known(self, name: str, entry: dict[str, Any]) -> TypeInfo:
        cloud = self._clouds[name.split("_", 1)[0]]
        located = entry["placement"] not in ("global", "child", "cluster")
        return TypeInfo(
            type=name,
            cloud=cloud.name,
            placement=entry["placement"],
            region_attrs=tuple(entry.get("region_attrs", cloud.region_attrs if located else ())),
            zone_attrs=tuple(entry.get("zone_attrs", cloud.zone_attrs if located else ())),
            tags_attr=entry.get("tags_attr", cloud.tags_attr),
            pulumi_tokens=tuple(entry.get("pulumi", ())),
            control_plane=entry.get("control_plane", False),
            trust=tuple(TrustSpec(t["attr"], t["kind"]) for t in entry.get("trust", ())),
            ingress=entry.get("ingress"),
            endpoint=entry.get("endpoint"),
            known=True,
            footprint=entry["footprint"],
            defaults=tuple(Default.of(d) for d in entry.get("defaults", ())),
            bandwidth_grant=tuple(GrantSpec(g["attr"], g["kind"], g["absent"])
                                  for g in entry.get("bandwidth_grant", ())),
        )

    def _fallback(self, name: str, cloud_name: str) -> TypeInfo:
        cloud = self._clouds.get(cloud_name, _UNKNOWN_CLOUD)
        placement = self._no_location.get(cloud_name)
        return TypeInfo(
            type=name,
            cloud=cloud_name,
            placement=placement or "regional",
            region_attrs=() if placement else cloud.region_attrs,
            zone_attrs=() if placement else cloud.zone_attrs,
            tags_attr=cloud.tags_attr,
            pulumi_tokens=(),
            control_plane=False,
            trust=(),
            ingress=None,
            endpoint=None,
            known=False,
        )


def _cloud(name: str, spec: dict[str, Any]) -> _Cloud:
    return _Cloud(
        name=name,
        pulumi_packages=tuple(spec["pulumi_packages"]),
        native_packages=tuple(spec.get("pulumi_native_packages", ())),
        provider_region_attrs=tuple(spec["provider_region_attrs"]),
        region_attrs=tuple(spec["default_region_attrs"]),
        zone_attrs=tuple(spec["default_zone_attrs"]),
        tags_attr=spec["tags_attr"],
    )


@lru_cache(maxsize=1)
def _packaged() -> ResourceTypeCatalog:
    return ResourceTypeCatalog(read_catalog())
