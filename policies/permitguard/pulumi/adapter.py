"""A Pulumi resource (type token, URN, wire-format props, provider) → the normalised Resource.

Shared by the policy pack (each Analyze request) and `permitguard scan preview.json`: both doors see
the same translation. The stack and component resources (they have no provider) give None; a resource of
a cloud package that names no provider is judged, its location unknown (it is never passed unseen). A custom
resource of a package the resource-type catalog does not know is judged by the catalog's fallback (its
own zone/region attributes, else its provider's `region`): it fails closed unless the catalog says the
package has no location (random, tls…). A provider resource of a known cloud is itself a Resource,
located by the region its configuration sets; one that sets none gives None (the resources that use it
carry that failure).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from permitguard.model import Action, Resource
from permitguard.pulumi import providers as pv
from permitguard.pulumi import wire
from permitguard.resources import ResourceTypeCatalog

SOURCE_KIND = "pulumi"
ENGINE_PACKAGE = "pulumi"  # pulumi:pulumi:Stack, pulumi:pulumi:StackReference…


def to_resource(token: str, urn: str, props: Mapping[str, Any], provider: pv.ProviderInfo | None,
                types: ResourceTypeCatalog, action: Action = Action.CREATE,
                before: Mapping[str, Any] | None = None) -> Resource | None:
    package = types.pulumi_provider_package(token)
    if package is not None or token.startswith(pv.PROVIDERS):
        cloud = types.cloud_of_pulumi_package(package or "")
        if cloud is None:
            return None
        name = urn.rsplit("::", 1)[-1] if urn else token
        return provider_resource(pv.ProviderInfo(token, name, urn, props), cloud, types, action)
    package = token.split(":", 1)[0]
    if package == ENGINE_PACKAGE or (provider is None and types.cloud_of_pulumi_package(package) is None):
        return None  # the stack, a component (no provider) or the engine's own resources: nothing to locate
    # a cloud's resource naming no provider is judged: its location cannot be established (103)
    cloud = types.cloud_of_pulumi_package(package) or package
    info = types.by_pulumi_token(token) or types.pulumi_fallback(token)
    keep = tuple(a for a in (info.tags_attr, "tags_all") if a)
    region, origin = pv.region(provider, cloud, types)
    return Resource(
        address=urn, type=token, cloud=cloud, attributes=wire.attributes(props, keep),
        provider_region=region, provider_region_from=origin, action=action, trail=pv.steps(provider),
        before=wire.attributes(before, keep) if before is not None else None, source_kind=SOURCE_KIND,
    )


def provider_resource(provider: pv.ProviderInfo, cloud: str, types: ResourceTypeCatalog,
                      action: Action = Action.CREATE) -> Resource | None:
    """A provider configuration, judged for the region it sets (None when it sets none)."""
    keys = types.provider_region_attrs(cloud)
    value = pv.configured(provider, keys)
    if value is None:
        return None
    origin = pv.region(provider, cloud, types)[1]
    return Resource(address=provider.urn or provider.name, type=provider.type, cloud=cloud, attributes={},
                    provider_region=wire.scalar(value), provider_region_from=origin, action=action,
                    source_kind=SOURCE_KIND)
