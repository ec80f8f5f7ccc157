"""Which provider configuration a Pulumi resource uses, and the region it sets.

A resource without an explicit `provider` uses the package's default provider, which the engine
registers as `pulumi:providers:<pkg>` named `default_<version>` with the stack config `<pkg>:*` as its
properties. An explicit provider carries its own properties. The resource-type catalog names the keys
holding the region per cloud (`region`; `location` for azure). A region the configuration does not
set (e.g. one given only in an environment variable) is invisible to a policy: it is Unknown, and
the resource fails closed (location unknown) with a message saying what is missing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from permitguard.model import TrailStep, Unknown
from permitguard.pulumi import wire
from permitguard.resources import ResourceTypeCatalog

DEFAULT_PREFIX = "default"
PROVIDERS = "pulumi:providers:"
GENERIC_REGION_KEYS = ("region",)  # for a cloud the catalog does not know
# Reasons a provider region is unknown (their Chinese is in data/rules.yaml `unknown_reasons`).
NOT_SET = ("not set in the provider configuration (a value given only in an environment variable is "
           "invisible to policy)")
NO_PROVIDER = "the resource names no provider configuration"


@dataclass(frozen=True)
class ProviderInfo:
    """A provider resource as the engine hands it over: type token, name, URN, wire-format props."""

    type: str
    name: str
    urn: str = ""
    props: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_default(self) -> bool:
        return is_default_name(self.name)

    @property
    def package(self) -> str:
        """`pulumi:providers:aws` → `aws`."""
        return self.type[len(PROVIDERS):] if self.type.startswith(PROVIDERS) else self.type


def is_default_name(name: str) -> bool:
    """Whether `name` is one the engine gives a default provider: `default`, `default_4_0_0`."""
    return name == DEFAULT_PREFIX or name.startswith(DEFAULT_PREFIX + "_")


def default_name(version: str | None) -> str:
    """`default_4_0_0` for version 4.0.0, as the engine names a package's default provider."""
    return f"{DEFAULT_PREFIX}_{version.replace('.', '_').replace('-', '_')}" if version else DEFAULT_PREFIX


def default_provider(package: str, version: str | None, config: Mapping[str, Any],
                     stack: str = "", project: str = "") -> ProviderInfo:
    """The default provider the engine would register for `package`: props are the stack config
    `<package>:<key>` values (plus `version`), exactly as the engine builds them."""
    props: dict[str, Any] = {key.split(":", 1)[1]: value for key, value in config.items()
                             if key.split(":", 1)[0] == package and ":" in key}
    if version:
        props["version"] = version
    name = default_name(version)
    urn = f"urn:pulumi:{stack}::{project}::{PROVIDERS}{package}::{name}" if stack else ""
    return ProviderInfo(PROVIDERS + package, name, urn, props)


def configured(provider: ProviderInfo, keys: tuple[str, ...]) -> Any:
    """The raw value of the first region key the provider's configuration sets, else None."""
    for key in keys:
        value = provider.props.get(wire.camel(key), provider.props.get(key))
        if value is not None and value != "":
            return value
    return None


def region(provider: ProviderInfo | None, cloud: str, types: ResourceTypeCatalog) -> tuple[Any, str]:
    """(region, where it comes from) of the provider a resource of `cloud` uses: a str, an Unknown saying
    what is missing or unknown, or None when the cloud has no provider-level region at all."""
    keys = types.provider_region_attrs(cloud) if cloud in types.clouds() else GENERIC_REGION_KEYS
    if provider is None:
        return Unknown(NO_PROVIDER), "no provider"
    origin = _origin(provider, keys[0] if keys else "region")
    if not keys:
        return None, origin
    value = configured(provider, keys)
    if value is None:
        return Unknown(_missing(provider, keys[0])), origin
    return wire.scalar(value), origin


def steps(provider: ProviderInfo | None) -> tuple[TrailStep, ...]:
    """The trail of the provider a resource uses: the engine's default provider (its props are the stack
    config) or an explicit provider resource, by URN."""
    if provider is None:
        return (TrailStep("pulumi_provider", "no provider"),)
    kind = "pulumi_default_provider" if provider.is_default else "pulumi_provider"
    return (TrailStep(kind, provider.urn or provider.name),)


def _origin(provider: ProviderInfo, key: str) -> str:
    if provider.is_default:
        return f"default provider {provider.name}, stack config {provider.package}:{key}"
    return f"provider {provider.name} ({key})"


def _missing(provider: ProviderInfo, key: str) -> str:
    return f"{NOT_SET}: " + (f"stack config {provider.package}:{key}" if provider.is_default else key)
