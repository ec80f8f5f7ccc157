"""permitguard.pulumi.providers and .adapter: which provider a resource uses, and the region it sets."""
from __future__ import annotations

from permitguard.model import Action, Unknown
from permitguard.pulumi import adapter
from permitguard.pulumi import providers as pv
from permitguard.resources import ResourceTypeCatalog

TYPES = ResourceTypeCatalog.load()
CONFIG = {"alicloud:region": "cn-shenzhen", "alicloud:skipRegionValidation": "true",
          "aws:region": "cn-north-1"}
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
AWS_DEFAULT = pv.default_provider("aws", "7.0.0", CONFIG)


def test_default_provider_is_built_from_stack_config_as_the_engine_builds_it():
    p = pv.default_provider("alicloud", "3.101.0", CONFIG, stack="dev", project="demo")
    assert p.type == "pulumi:providers:alicloud" and p.name == "default_3_101_0" and p.is_default
    assert p.urn == "urn:pulumi:dev::demo::pulumi:providers:alicloud::default_3_101_0"
    assert p.props == {"region": "cn-shenzhen", "skipRegionValidation": "true", "version": "3.101.0"}


def test_region_of_default_provider_says_where_it_comes_from():
    region, origin = pv.region(pv.default_provider("aws", "7.0.0", CONFIG), "aws", TYPES)
    assert region == "cn-north-1"
    assert origin == "default provider default_7_0_0, stack config aws:region"


def test_explicit_provider_region():
    hz = pv.ProviderInfo("pulumi:providers:alicloud", "hz", props={"region": "cn-hangzhou"})
    region, origin = pv.region(hz, "alicloud", TYPES)
    assert (region, origin) == ("cn-hangzhou", "provider hz (region)")


def test_azure_provider_region_is_its_location():
    default = pv.default_provider("azure", "6.0.0", {"azure:location": "chinaeast2"})
    region, _ = pv.region(default, "azurerm", TYPES)
    assert region == "chinaeast2"


def test_region_only_in_the_environment_is_unknown_and_says_so():
    region, _ = pv.region(pv.default_provider("aws", "7.0.0", {}), "aws", TYPES)
    assert isinstance(region, Unknown)
    assert region.why == f"{pv.NOT_SET}: stack config aws:region"
    assert "environment variable" in region.why


def test_unknown_or_secret_provider_region_is_unknown():
    unknown = pv.ProviderInfo("pulumi:providers:aws", "p", props={"region": UNKNOWN})
    secret = pv.ProviderInfo("pulumi:providers:aws", "p", props={"region": "[secret]"})
    assert pv.region(unknown, "aws", TYPES)[0].why == "unknown during preview"
    assert "secret" in pv.region(secret, "aws", TYPES)[0].why


def test_resource_uses_its_provider_region():
    r = adapter.to_resource("aws:s3/bucket:Bucket", "urn:b", {"bucket": "b"},
                            pv.default_provider("aws", "7.0.0", CONFIG), TYPES)
    assert r.cloud == "aws" and r.source_kind == "pulumi" and r.provider_region == "cn-north-1"
    assert r.attributes == {"bucket": "b"} and r.action is Action.CREATE


def test_provider_resource_is_judged_for_the_region_it_sets():
    r = adapter.to_resource("pulumi:providers:alicloud", "urn:pulumi:dev::p::pulumi:providers:alicloud::hk",
                            {"region": "cn-hongkong"}, None, TYPES)
    assert (r.type, r.cloud, r.provider_region) == ("pulumi:providers:alicloud", "alicloud", "cn-hongkong")
    assert r.provider_region_from == "provider hk (region)"


def test_provider_resource_without_region_is_not_judged():
    assert adapter.to_resource("pulumi:providers:aws", "urn:x::default_7_0_0", {"version": "7.0.0"}, None,
                               TYPES) is None


def test_the_stack_and_components_have_no_provider_and_are_not_resources():
    for token in ("pulumi:pulumi:Stack", "my:app:Component", "awsx:ec2:Vpc"):
        assert adapter.to_resource(token, "urn:x", {}, None, TYPES) is None


def test_engine_resources_and_providers_of_unknown_packages_are_not_judged():
    assert adapter.to_resource("pulumi:pulumi:StackReference", "urn:x", {}, AWS_DEFAULT, TYPES) is None
    assert adapter.to_resource("pulumi:providers:random", "urn:x", {"version": "4"}, None, TYPES) is None


def test_custom_resource_of_an_unknown_package_is_judged_by_the_fallback():
    provider = pv.ProviderInfo("pulumi:providers:acme", "default_1_0_0", props={"region": "cn-north-1"})
    r = adapter.to_resource("acme:compute/vm:Vm", "urn:vm", {"zone": "z1"}, provider, TYPES)
    assert (r.cloud, r.provider_region, r.attributes) == ("acme", "cn-north-1", {"zone": "z1"})


def test_update_keeps_the_before_state():
    after, before = {"tags": {"license-service": "isp"}}, {"tags": {"license-service": "idc"}}
    r = adapter.to_resource("aws:s3/bucket:Bucket", "urn:b", after, AWS_DEFAULT, TYPES, Action.UPDATE, before)
    assert r.before == {"tags": {"license-service": "idc"}} and r.action is Action.UPDATE
