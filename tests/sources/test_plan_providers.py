"""plan_providers: the provider region of a plan's resource, from `configuration.provider_config`, through
module calls, their `providers` maps, aliases, variables and module arguments; what a plan does not record
is Unknown, never a guess."""
from __future__ import annotations

import pytest

from permitguard.model import Sensitive, Unknown
from permitguard.sources.plan_providers import cloud_of, module_names, provider_region

ALI = "registry.terraform.io/aliyun/alicloud"


def rc(module: str = "", type_: str = "alicloud_vpc") -> dict:
    return {"type": type_, "provider_name": ALI, "module_address": module or None}


def constant(region, module: str = "") -> dict:
    return {"name": "alicloud", "module_address": module or None,
            "expressions": {"region": {"constant_value": region}}}


def reference(ref: str, module: str = "") -> dict:
    return {"name": "alicloud", "module_address": module or None,
            "expressions": {"region": {"references": [ref]}}}


def plan(providers: dict, calls: dict | None = None, variables: dict | None = None,
         root_vars: dict | None = None) -> dict:
    return {"configuration": {"provider_config": providers,
                              "root_module": {"module_calls": calls or {}, "variables": root_vars or {}}},
            "variables": variables or {}}


def call(providers: dict | None = None, calls: dict | None = None, args: dict | None = None,
         variables: dict | None = None) -> dict:
    return {"providers": providers or {}, "expressions": args or {},
            "module": {"module_calls": calls or {}, "variables": variables or {}}}


def test_cloud_of_is_the_last_part_of_the_provider_name_else_the_type_prefix():
    assert cloud_of({"provider_name": ALI, "type": "aws_vpc"}) == "alicloud"
    assert cloud_of({"provider_name": "alicloud", "type": "aws_vpc"}) == "alicloud"
    assert cloud_of({"type": "tencentcloud_vpc"}) == "tencentcloud"
    assert cloud_of({"provider_name": "", "type": "aws_vpc"}) == "aws"


@pytest.mark.parametrize("address, names", [
    (None, ()),
    ("", ()),
    ("module.edge", ("edge",)),
    ("module.edge[0]", ("edge",)),
    ('module.edge["a"].module.net', ("edge", "net")),
    ('module.edge["x]y.module.z"].module.net[2]', ("edge", "net")),  # a for_each key is only a key
    ('module.edge["q\\"z"]', ("edge",)),
])
def test_module_names_are_the_calls_without_instance_keys(address, names):
    assert module_names(address) == names


def test_a_root_resource_takes_its_providers_constant_region():
    assert provider_region(rc(), plan({"alicloud": constant("cn-shanghai")}), None) == (
        "cn-shanghai", "provider alicloud (plan provider_config)")


def test_the_configured_provider_config_key_names_the_alias_used():
    found = plan({"alicloud": constant("cn-shanghai"), "alicloud.hk": constant("cn-hongkong")})
    assert provider_region(rc(), found, {"provider_config_key": "alicloud.hk"}) == (
        "cn-hongkong", "provider alicloud.hk (plan provider_config)")


def test_a_root_variable_takes_the_plans_variable_value():
    found = plan({"alicloud": reference("var.region")}, variables={"region": {"value": "cn-beijing"}})
    assert provider_region(rc(), found, None)[0] == "cn-beijing"


def test_a_map_variable_is_followed_into_its_attribute():
    found = plan({"alicloud": reference("var.where.region")},
                 variables={"where": {"value": {"region": "cn-qingdao"}}})
    assert provider_region(rc(), found, None)[0] == "cn-qingdao"


def test_a_sensitive_root_variable_gives_a_sensitive_region():
    found = plan({"alicloud": reference("var.region")}, variables={"region": {"value": "cn-hongkong"}},
                 root_vars={"region": {"sensitive": True}})
    region = provider_region(rc(), found, None)[0]
    assert isinstance(region, Sensitive) and region == "cn-hongkong" and "cn-hongkong" not in repr(region)


def test_a_local_or_a_resource_attribute_the_plan_does_not_record_is_unknown():
    for ref in ("local.region", "data.alicloud_regions.current.ids"):
        region = provider_region(rc(), plan({"alicloud": reference(ref)}), None)[0]
        assert isinstance(region, Unknown) and region.why == f"unresolved reference {ref}"


def test_a_region_that_is_not_a_string_is_unknown():
    region = provider_region(rc(), plan({"alicloud": constant(["cn-hangzhou"])}), None)[0]
    assert isinstance(region, Unknown) and region.why == "region ['cn-hangzhou']"


def test_no_provider_configuration_is_no_region():
    assert provider_region(rc(), plan({}), None) == (None, "provider alicloud (no provider configuration)")
    assert provider_region(rc(), plan({"alicloud": {"name": "alicloud"}}), None)[0] is None  # sets none


def test_a_module_without_a_providers_map_inherits_its_callers_default_provider():
    found = plan({"alicloud": constant("cn-shenzhen")}, calls={"edge": call()})
    assert provider_region(rc("module.edge"), found, None) == (
        "cn-shenzhen", "provider alicloud (plan provider_config)")


def test_an_instance_key_of_a_module_call_does_not_change_its_provider():
    found = plan({"alicloud": constant("cn-shenzhen"), "alicloud.hk": constant("cn-hongkong")},
                 calls={"edge": call(providers={"alicloud": "alicloud.hk"})})
    for module in ("module.edge", 'module.edge["a"]', "module.edge[3]"):
        assert provider_region(rc(module), found, None)[0] == "cn-hongkong", module


def test_a_providers_map_passes_an_alias_down_two_levels():
    inner = call(providers={"alicloud": "alicloud.down"})
    found = plan({"alicloud": constant("cn-shenzhen"), "alicloud.hk": constant("cn-hongkong")},
                 calls={"edge": call(providers={"alicloud.down": "alicloud.hk"}, calls={"net": inner})})
    assert provider_region(rc('module.edge["a"].module.net[0]'), found, None) == (
        "cn-hongkong", "provider alicloud.hk (plan provider_config)")


def test_an_aliased_configuration_not_passed_to_the_module_is_unknown():
    found = plan({"alicloud": constant("cn-shenzhen")}, calls={"edge": call()})
    key = "module.edge:alicloud.hk"
    region, origin = provider_region(rc("module.edge"), found, {"provider_config_key": key})
    assert isinstance(region, Unknown) and region.why == f"provider {key} is not passed to its module"
    assert origin == f"provider {key}"


def test_a_modules_own_provider_block_uses_the_module_arguments():
    found = plan({"module.edge:alicloud": reference("var.region_in", "module.edge")},
                 calls={"edge": call(args={"region_in": {"references": ["var.region"]}},
                                     variables={"region_in": {}})},
                 variables={"region": {"value": "cn-hangzhou"}})
    assert provider_region(rc('module.edge["k"]'), found, None) == (
        "cn-hangzhou", "provider module.edge:alicloud (plan provider_config)")


def test_a_module_variable_without_an_argument_takes_its_default():
    found = plan({"module.edge:alicloud": reference("var.where", "module.edge")},
                 calls={"edge": call(variables={"where": {"default": "cn-beijing"}})})
    assert provider_region(rc("module.edge"), found, None)[0] == "cn-beijing"


def test_a_sensitive_module_variable_stays_sensitive():
    found = plan({"module.edge:alicloud": reference("var.where", "module.edge")},
                 calls={"edge": call(variables={"where": {"default": "cn-beijing", "sensitive": True}})})
    assert isinstance(provider_region(rc("module.edge"), found, None)[0], Sensitive)
