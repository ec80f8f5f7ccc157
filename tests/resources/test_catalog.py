"""ResourceTypeCatalog look-ups: known types, the documented fallbacks, Pulumi packages and providers."""

from permitguard.resources import ResourceTypeCatalog, TrustSpec, TypeInfo

CATALOG = ResourceTypeCatalog.load()


def _info(name, cloud, placement, region_attrs, zone_attrs, tags_attr, **rest):
    facts = dict(pulumi_tokens=(), control_plane=False, trust=(), ingress=None, endpoint=None, known=True)
    return TypeInfo(name, cloud, placement, region_attrs, zone_attrs, tags_attr, **(facts | rest))


def _fallback(name, cloud, region_attrs, zone_attrs, tags_attr):
    return _info(name, cloud, "regional", region_attrs, zone_attrs, tags_attr, known=False)


def test_known_type_states_only_what_differs_from_its_cloud():
    assert CATALOG.get("huaweicloud_vpc") == _info(
        "huaweicloud_vpc",
        "huaweicloud",
        "regional",
        ("region",),
        ("availability_zone",),
        "tags",
        pulumi_tokens=("huaweicloud:Vpc/vpc:Vpc",),
        footprint="logical",
    )


def test_global_type_gets_no_location_attributes():
    assert CATALOG.get("aws_iam_role") == _info(
        "aws_iam_role",
        "aws",
        "global",
        (),
        (),
        "tags",
        pulumi_tokens=("aws:iam/role:Role",),
        control_plane=True,
        trust=(TrustSpec("assume_role_policy", "policy_document"),),
        footprint="logical",
    )


def test_unknown_type_of_a_known_cloud_gets_that_clouds_defaults():
    assert CATALOG.get("alicloud_brand_new_thing") == _fallback(
        "alicloud_brand_new_thing", "alicloud", (), ("availability_zone", "zone_id"), "tags"
    )


def test_unknown_type_of_an_unknown_cloud_gets_generic_defaults():
    assert CATALOG.get("google_compute_instance") == _fallback(
        "google_compute_instance",
        "google",
        ("region", "location"),
        ("availability_zone", "zone", "zone_id", "zones", "availability_zones"),
        "tags",
    )


def test_by_pulumi_token_finds_the_terraform_type():
    assert CATALOG.by_pulumi_token("alicloud:vpc/switch:Switch").type == "alicloud_vswitch"
    assert (
        CATALOG.by_pulumi_token("azure:lighthouse/definition:Definition").type
        == "azurerm_lighthouse_definition"
    )


def test_by_pulumi_token_returns_none_for_an_unknown_token():
    assert CATALOG.by_pulumi_token("aws:ec2/notAThing:NotAThing") is None


def test_pulumi_fallback_of_a_native_package_token_uses_its_cloud():
    assert CATALOG.pulumi_fallback("azure-native:compute:VirtualMachine") == _fallback(
        "azure-native:compute:VirtualMachine", "azurerm", ("location",), ("zone", "zones"), "tags"
    )


def test_pulumi_fallback_of_an_unknown_package_uses_generic_defaults():
    assert CATALOG.pulumi_fallback("cloudflare:index/record:Record") == _fallback(
        "cloudflare:index/record:Record",
        "cloudflare",
        ("region", "location"),
        ("availability_zone", "zone", "zone_id", "zones", "availability_zones"),
        "tags",
    )


def test_cloud_of_pulumi_package():
    packages = [
        "alicloud",
        "azure",
        "aws",
        "tencentcloud",
        "huaweicloud",
        "azure-native",
        "aws-native",
        "gcp",
    ]
    assert [CATALOG.cloud_of_pulumi_package(p) for p in packages] == [
        "alicloud",
        "azurerm",
        "aws",
        "tencentcloud",
        "huaweicloud",
        "azurerm",
        "aws",
        None,
    ]


def test_native_packages_are_told_apart_from_bridged_ones():
    assert [CATALOG.is_native_pulumi_package(p) for p in ("azure-native", "aws-native", "azure", "gcp")] == [
        True,
        True,
        False,
        False,
    ]


def test_pulumi_provider_resource_tokens():
    tokens = [
        "pulumi:providers:alicloud",
        "pulumi:providers:azure-native",
        "pulumi:providers:",
        "aws:ec2/vpc:Vpc",
    ]
    assert [CATALOG.pulumi_provider_package(t) for t in tokens] == ["alicloud", "azure-native", None, None]


def test_provider_region_attrs_per_cloud():
    clouds = ["alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm", "azuread", "google"]
    assert [CATALOG.provider_region_attrs(c) for c in clouds] == [
        ("region",),
        ("region",),
        ("region",),
        ("region",),
        ("location",),
        (),
        (),
    ]


def test_clouds_are_the_terraform_provider_names():
    assert CATALOG.clouds() == ["alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm", "volcengine",
                                "baiducloud", "ksyun", "ucloud", "azuread"]


def test_providers_without_location_are_global_or_in_a_cluster():
    assert (CATALOG.get("random_id").placement, CATALOG.get("null_resource").placement) == (
        "global",
        "global",
    )
    assert CATALOG.get("kubernetes_deployment").placement == "cluster"  # located with its cluster
    assert CATALOG.pulumi_fallback("kubernetes:apps/v1:Deployment").placement == "cluster"
    assert CATALOG.get("cloudflare_record").placement == "regional"  # unknown provider: judged, fails closed
