"""Resource-type catalog: what rules need to know about a Terraform resource type, as data.

Data: ``permitguard/data/resource_types.yaml``, validated against ``schemas/resource_types.schema.json``
(plus cross-entry checks: declared cloud, token package, unique tokens). For each Terraform type it records
placement (global | regional | zonal | child), its footprint (``room``: occupies machine-room capacity, so
the filing rules judge it; ``logical``: configuration only, filing rules not applicable), the attributes
holding region, zone and tags, the bridged Pulumi tokens, whether the type is control-plane, the attributes
granting trust, the ingress / API-endpoint shape the rule engine reads, and the provider defaults of
attributes that decide a verdict when omitted (``defaults``: value and documented source; applied once, by
``permitguard.context.Subject.attributes``, see ``permitguard.resources.defaults``). Per cloud (Terraform
provider name) it records the bridged and native Pulumi packages, the provider-configuration keys holding the
region, and the defaults types inherit.

    catalog = ResourceTypeCatalog.load()          # packaged catalog, parsed once; CatalogError if invalid
    # (each front door loads it into its Context once per run; code below the front doors is handed it)
    catalog.get("alicloud_instance").zone_attrs   # ("availability_zone",)
    catalog.get("alicloud_security_group_rule").occupies_room   # False (footprint "logical")
    catalog.by_pulumi_token("aws:ec2/instance:Instance").type   # "aws_instance"
    catalog.cloud_of_pulumi_package("azure-native")   # "azurerm" (is_native_pulumi_package: True)
    catalog.pulumi_provider_package("pulumi:providers:alicloud")   # "alicloud"
    catalog.provider_region_attrs("azurerm")      # ("location",): provider config keys holding the region
    catalog.get("aws_eks_cluster").defaults[0].describe()   # "vpc_config.endpoint_public_access = true"
    catalog.uncatalogued("alicloud_brand_new")     # True: judged for location only, not exposure or trust

Placements ``global``, ``child`` (judged through its parent: Azure subnets, NSG rules) and ``cluster`` (an
object inside a Kubernetes cluster, located where the cluster is declared) mean no location (location rules
do not apply): such types get empty region_attrs and zone_attrs. Attribute paths may be dotted through nested
blocks; read them with ``permitguard.resources.paths.values_at`` / ``lookup``.

Fallback for a type absent from the catalog: ``get(tf_type)`` never raises. It returns
``TypeInfo(known=False, placement="regional", footprint=None, control_plane=False, no trust, ingress or
endpoint, no Pulumi tokens)`` whose cloud is the prefix of the type before its first "_", and whose
region_attrs, zone_attrs and tags_attr are that cloud's defaults — or, for a cloud the catalog does not know,
("region", "location"), ("availability_zone", "zone", "zone_id", "zones", "availability_zones") and "tags".
A cloud listed under ``providers_without_location`` (random, tls, kubernetes…) gives that placement
(global, child or cluster) instead, with no region or zone attributes.
``pulumi_fallback(token)`` does the same for a Pulumi token absent from the catalog: type is the token,
cloud is the Terraform provider of the token's package (``cloud_of_pulumi_package``), or the package name
itself when the package is unknown. Unknown is not pass: rules must treat ``known=False`` with care
(``permitguard.rules.uncatalogued`` says how the control-plane rules do; the filing rules keep their duty).
"""
from permitguard.resources.catalog import ResourceTypeCatalog
from permitguard.resources.info import (
    GENERIC_REGION_ATTRS,
    GENERIC_TAGS_ATTR,
    GENERIC_ZONE_ATTRS,
    LOGICAL,
    ROOM,
    TrustSpec,
    TypeInfo,
)
from permitguard.resources.paths import lookup, values_at

__all__ = [
    "GENERIC_REGION_ATTRS",
    "GENERIC_TAGS_ATTR",
    "GENERIC_ZONE_ATTRS",
    "LOGICAL",
    "ROOM",
    "ResourceTypeCatalog",
    "TrustSpec",
    "TypeInfo",
    "lookup",
    "values_at",
]
