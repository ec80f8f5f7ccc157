"""read_plan: plan JSON → Resources (real plans: Terraform 1.11 + AWS provider 5.100; hand-written ones)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from permitguard.errors import InputError
from permitguard.model import Action, Unknown
from permitguard.sources.terraform_plan import read_plan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def resources(rule_id: str) -> dict:
    return {r.address: r for r in read_plan(FIXTURES / rule_id / "plan.json").resources}


def test_actions_become_change_kinds():
    real, hand = resources("CKV_CNLIC_101"), resources("CKV_CNLIC_102")
    assert real["aws_vpc.pass_beijing"].action is Action.UPDATE
    assert real["aws_vpc.na_gone_hk"].action is Action.DELETE
    assert real["aws_vpc.fail_hk"].action is Action.CREATE  # a real replace: ["delete", "create"]
    assert hand["alicloud_vpc.fail_replaced_heyuan"].action is Action.CREATE
    assert hand["alicloud_vpc.pass_noop_shenzhen"].action is Action.NOOP


def test_after_state_with_unknowns_and_before_kept():
    r = resources("CKV_CNLIC_101")["aws_vpc.pass_beijing"]
    assert r.attributes["cidr_block"] == "10.0.0.0/16"
    assert r.attributes["tags_all"] == {"Name": "beijing", "license-service": "isp"}
    assert r.before["tags"] == {"Name": "old"}
    created = resources("CKV_CNLIC_101")["aws_vpc.fail_hk"].attributes
    assert "arn" not in created  # computed, not set by the configuration: absent, not a user's unknown


def test_a_set_attribute_known_only_after_apply_is_unknown(tmp_path):
    plan = {
        "format_version": "1.2",
        "resource_changes": [
            {
                "address": "aws_subnet.s",
                "mode": "managed",
                "type": "aws_subnet",
                "name": "s",
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {
                    "actions": ["create"],
                    "before": None,
                    "after": {"cidr_block": "10.0.0.0/24"},
                    "after_unknown": {"availability_zone": True, "arn": True},
                },
            }
        ],
        "configuration": {
            "provider_config": {
                "aws": {"name": "aws", "expressions": {"region": {"constant_value": "cn-north-1"}}}
            },
            "root_module": {
                "resources": [
                    {
                        "address": "aws_subnet.s",
                        "mode": "managed",
                        "type": "aws_subnet",
                        "name": "s",
                        "provider_config_key": "aws",
                        "expressions": {"availability_zone": {"references": ["aws_vpc.v.arn", "aws_vpc.v"]}},
                    }
                ]
            },
        },
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    (r,) = read_plan(path).resources
    assert isinstance(r.attributes["availability_zone"], Unknown) and "arn" not in r.attributes


def test_nested_after_unknown_paths_are_unknown():
    tags = resources("CKV_CNLIC_102")["alicloud_vpc.fail_tag_after_apply"].attributes["tags"]
    assert isinstance(tags["license-service"], Unknown)


def test_region_from_a_root_variable():
    r = resources("CKV_CNLIC_101")["aws_vpc.pass_counted[1]"]
    assert (r.provider_region, r.provider_region_from) == (
        "cn-north-1",
        "provider aws (plan provider_config)",
    )


def test_nested_module_resources_use_the_providers_map():
    r = resources("CKV_CNLIC_101")["module.fail_hk.module.inner.aws_vpc.inner"]
    assert (r.provider_region, r.provider_region_from) == (
        "ap-east-1",
        "provider aws.hk (plan provider_config)",
    )


def test_module_declared_provider_with_module_variable_and_inheritance():
    hand = resources("CKV_CNLIC_102")
    assert hand["module.edge.alicloud_vpc.fail_idc_heyuan"].provider_region == "cn-heyuan"
    leaf = hand["module.edge.module.leaf.alicloud_vpc.pass_isp_heyuan"]
    assert (leaf.provider_region, leaf.provider_region_from) == (
        "cn-heyuan",
        "provider module.edge:alicloud (plan provider_config)",
    )
    assert hand['module.sz["a"].alicloud_vpc.pass_isp_mapped'].provider_region_from.startswith(
        "provider alicloud.heyuan"
    )


def test_region_from_a_local_cannot_be_resolved_from_a_plan():
    r = resources("CKV_CNLIC_103")["aws_vpc.fail_region_from_local"]
    assert r.provider_region == Unknown() and r.provider_region.why == "unresolved reference local.region"


def test_plans_have_terraform_addresses_and_no_file_or_line():
    found = resources("CKV_CNLIC_101")
    assert {"aws_vpc.pass_counted[0]", "module.pass_nx.module.inner.aws_vpc.inner"} <= set(found)
    assert all(
        r.file is None and r.line is None and r.source_kind == "terraform_plan" for r in found.values()
    )
    assert found["aws_vpc.pass_beijing"].cloud == "aws"


def _plan(tmp_path: Path, changes: list, **extra) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps({"format_version": "1.2", "resource_changes": changes, **extra}), encoding="utf-8"
    )
    return path


def _change(address: str, actions: list, **extra) -> dict:
    type_, name = address.split(".")
    return {
        "address": address,
        "mode": "managed",
        "type": type_,
        "name": name,
        "change": {"actions": actions, "before": None, "after": {}, "after_unknown": {}},
        **extra,
    }


def test_data_sources_and_deposed_objects_are_not_resources(tmp_path):
    data = {**_change("aws_ami.x", ["read"]), "mode": "data"}
    deposed = _change("aws_vpc.v", ["delete"], deposed="00000001")
    found = read_plan(_plan(tmp_path, [data, deposed, _change("aws_vpc.v", ["create"])])).resources
    assert [(r.address, r.action) for r in found] == [("aws_vpc.v", Action.CREATE)]


def test_provider_without_configuration_has_no_region(tmp_path):
    (r,) = read_plan(_plan(tmp_path, [_change("aws_vpc.v", ["create"])])).resources
    assert (r.provider_region, r.provider_region_from) == (None, "provider aws (no provider configuration)")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        ('{"format_version": "1.2", "resource_changes": [', "not valid JSON (truncated?)"),
        ('{"resources": []}', "not a Terraform plan"),
        ("[1, 2]", "not a Terraform plan"),
        (b"\xff\xfe{", "cannot read"),
    ],
)
def test_unusable_input_raises_input_error_with_one_line(tmp_path, content, reason):
    path = tmp_path / "plan.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_plan(path)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_truncated_real_plan_raises_input_error(tmp_path):
    text = (FIXTURES / "CKV_CNLIC_101" / "plan.json").read_text(encoding="utf-8")
    (tmp_path / "plan.json").write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_plan(tmp_path / "plan.json")


def test_a_directory_is_not_a_plan(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_plan(tmp_path)


def test_unknown_change_actions_are_a_could_not_evaluate_part(tmp_path):
    found = read_plan(_plan(tmp_path, [_change("aws_vpc.v", ["teleport"]), _change("aws_vpc.w", ["create"])]))
    part, judged = found.resources
    assert (part.address, part.type) == ("resource_changes[0] (aws_vpc.v)", "terraform_plan_entry")
    assert part.attributes["why"] == "actions ['teleport'] are not a change Terraform writes"
    assert judged.address == "aws_vpc.w"


def test_module_provider_region_follows_variables_up_the_module_calls(tmp_path):
    def provider(module: str, var: str) -> dict:
        return {
            "name": "alicloud",
            "module_address": module,
            "expressions": {"region": {"references": [var]}},
        }

    def call(args: dict, variables: dict, key: str) -> dict:
        resource = {"address": "alicloud_vpc.v", "mode": "managed", "provider_config_key": key}
        return {"expressions": args, "module": {"resources": [resource], "variables": variables}}

    configuration = {
        "provider_config": {
            "module.edge:alicloud": provider("module.edge", "var.region_in"),
            "module.dflt:alicloud": provider("module.dflt", "var.where"),
        },
        "root_module": {
            "module_calls": {
                "edge": call(
                    {"region_in": {"references": ["var.region"]}}, {"region_in": {}}, "module.edge:alicloud"
                ),
                "dflt": call({}, {"where": {"default": "cn-beijing"}}, "module.dflt:alicloud"),
            }
        },
    }
    changes = [
        _change("alicloud_vpc.v", ["create"], module_address="module.edge"),
        _change("alicloud_vpc.v", ["create"], module_address="module.dflt"),
    ]
    for change in changes:
        change["address"] = f"{change['module_address']}.alicloud_vpc.v"
    path = _plan(
        tmp_path, changes, configuration=configuration, variables={"region": {"value": "cn-hangzhou"}}
    )
    assert [r.provider_region for r in read_plan(path).resources] == ["cn-hangzhou", "cn-beijing"]


def test_an_errored_plan_is_unusable_input_not_a_partial_pass(tmp_path):
    """`terraform plan -out` saves a failed plan too (errored: true): the resources it could not plan
    (here the one whose zone came from a failing data source) are simply missing from it."""
    path = _plan(tmp_path, [_change("aws_vpc.hk", ["create"])], errored=True, complete=False)
    with pytest.raises(InputError) as err:
        read_plan(path)
    assert str(err.value) == (
        f"{path}: the plan errored (`errored: true`), so it does not hold every resource; "
        "fix the errors of `terraform plan` and scan again"
    )


def test_a_state_document_is_not_an_empty_plan(tmp_path):
    """`terraform show -json` without a plan file prints the state: `values`, no `resource_changes`."""
    path = tmp_path / "state.json"
    resource = {"address": "aws_vpc.hk", "mode": "managed", "type": "aws_vpc",
                "values": {"region": "ap-east-1"}}
    path.write_text(json.dumps({"format_version": "1.0", "terraform_version": "1.11.4",
                                "values": {"root_module": {"resources": [resource]}}}), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_plan(path)
    assert str(err.value) == (
        f"{path}: a Terraform state, not a plan: run `terraform show -json` on a saved plan"
    )


def test_a_change_whose_whole_after_state_is_unknown_is_a_part_not_an_internal_error(tmp_path):
    whole = _change("alicloud_vswitch.a", ["create"])
    whole["change"]["after_unknown"] = True  # Terraform marks attributes, never the whole object
    part, judged = read_plan(_plan(tmp_path, [whole, _change("alicloud_vpc.v", ["create"])])).resources
    assert (part.address, part.type) == ("resource_changes[0] (alicloud_vswitch.a)", "terraform_plan_entry")
    assert part.attributes["why"] == ("`change.after_unknown` is true for the whole object: not one planned "
                                      "attribute is known")
    assert judged.address == "alicloud_vpc.v"
