"""read_directory: a Terraform directory → Resources, through Checkov's parser and graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitguard.errors import InputError
from permitguard.model import Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.terraform_hcl import read_directory

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def residency() -> dict:
    return {r.address: r for r in read_directory(FIXTURES / "CKV_CNLIC_101", types=TYPES).resources}


def where(resource) -> tuple:
    return resource.provider_region, resource.provider_region_from


def test_default_provider_in_another_file_region_from_variable_default(residency):
    assert where(residency["alicloud_vpc.pass_default_provider"]) == (
        "cn-beijing",
        "provider alicloud (providers.tf:12)",
    )


def test_alias_chosen_with_provider_meta_argument(residency):
    assert where(residency["alicloud_vpc.fail_alias_hk"]) == (
        "cn-hongkong",
        "provider alicloud.hk (providers.tf:16)",
    )


def test_region_from_tfvars_and_from_locals(residency):
    assert residency["alicloud_vpc.fail_tfvars_singapore"].provider_region == "ap-southeast-1"
    assert residency["alicloud_vpc.pass_locals_shanghai"].provider_region == "cn-shanghai"


def test_module_providers_map_reaches_nested_modules(residency):
    for address in (
        "module.pass_module_sh.alicloud_vpc.net",
        "module.pass_module_sh.module.inner.alicloud_vpc.inner",
    ):
        assert where(residency[address]) == ("cn-shanghai", "provider alicloud.sh (providers.tf:26)")
    assert (
        residency["module.pass_module_inherits.module.inner.alicloud_vpc.inner"].provider_region
        == "cn-beijing"
    )


def test_azurerm_provider_has_no_region_resources_carry_location(residency):
    r = residency["azurerm_resource_group.fail_azure_hk"]
    assert (r.provider_region, r.attributes["location"], r.cloud) == (None, "eastasia", "azurerm")


def test_file_relative_to_the_scanned_directory_and_start_line(residency):
    r = residency["module.fail_module_hk.module.inner.alicloud_vpc.inner"]
    assert (r.file, r.line, r.type) == ("modules/net/inner/main.tf", 1, "alicloud_vpc")
    assert (residency["alicloud_vpc.fail_alias_hk"].file, residency["alicloud_vpc.fail_alias_hk"].line) == (
        "main.tf",
        7,
    )


def test_checkov_skip_comments_become_suppressions():
    source = read_directory(FIXTURES / "CKV_CNLIC_101", types=TYPES)
    module_wide = "module being moved out of Hong Kong, see ticket OPS-2"
    assert source.suppressions == {
        ("alicloud_vpc.skip_hk", "CKV_CNLIC_101"): "exit from Hong Kong approved, see ticket OPS-1",
        ("module.skip_module_hk.alicloud_vpc.net", "CKV_CNLIC_101"): module_wide,
        ("module.skip_module_hk.module.inner.alicloud_vpc.inner", "CKV_CNLIC_101"): module_wide,
    }
    assert source.files == 4 and source.kind == "terraform"


def test_unresolved_variable_region_is_unknown_never_a_value():
    found = {r.address: r for r in read_directory(FIXTURES / "CKV_CNLIC_103", types=TYPES).resources}
    region = found["alicloud_vpc.fail_unresolved_variable"].provider_region
    assert isinstance(region, Unknown) and region.why.startswith("unresolved reference `var.unset_region` (")
    assert region.why.endswith("var.unset_region has no value (no default, and no terraform.tfvars, "
                               "*.auto.tfvars or --var-file sets it)")
    assert found["alicloud_vpc.fail_provider_without_region"].provider_region is None
    assert (
        found["huaweicloud_vpc.fail_no_provider_block"].provider_region_from
        == "provider huaweicloud (no provider block)"
    )
    zone = found["alicloud_instance.pass_zone_unresolved_in_provider_region"].attributes["availability_zone"]
    assert zone.why.startswith('unresolved reference `"${var.unset_region}-a"` (main.tf:')  # as written
    assert zone.why.endswith("var.unset_region has no value (no default, and no terraform.tfvars, "
                             "*.auto.tfvars or --var-file sets it)")


def _write(tmp_path: Path, text: str, name: str = "main.tf") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_aws_default_tags_are_merged_into_tags_all(tmp_path):
    source = read_directory(
        _write(
            tmp_path,
            """
provider "aws" {
  region = "cn-north-1"
  default_tags {
    tags = { "license-service" = "idc", owner = "ops" }
  }
}
resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
  tags       = { owner = "net" }
}
resource "aws_security_group_rule" "r" {
  type = "ingress"
}
""",
        ), types=TYPES
    )
    vpc, rule = source.resources
    assert vpc.attributes["tags_all"] == {"license-service": "idc", "owner": "net"}
    assert "tags_all" not in rule.attributes  # the type takes no tags


def test_count_zero_is_no_resource_and_counted_ones_are_indexed(tmp_path):
    source = read_directory(
        _write(
            tmp_path,
            """
resource "alicloud_vpc" "none" {
  count = 0
}
resource "alicloud_vpc" "two" {
  count = 2
}
""",
        ), types=TYPES
    )
    assert [r.address for r in source.resources] == ["alicloud_vpc.two[0]", "alicloud_vpc.two[1]"]


def test_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such directory"):
        read_directory(tmp_path / "absent", types=TYPES)
    with pytest.raises(InputError, match="not a directory"):
        read_directory(_write(tmp_path, "x") / "main.tf", types=TYPES)


def test_directory_without_terraform_files_raises_input_error(tmp_path):
    (tmp_path / ".terraform").mkdir()
    _write(tmp_path / ".terraform", 'resource "aws_vpc" "v" {}')
    with pytest.raises(InputError, match="no Terraform files"):
        read_directory(tmp_path, types=TYPES)


def test_an_unparseable_file_is_one_part_and_the_rest_is_judged(tmp_path):
    _write(tmp_path, 'resource "alicloud_vpc" "ok" {\n  cidr_block = "10.0.0.0/8"\n}\n', "ok.tf")
    _write(tmp_path, 'resource "alicloud_vpc" "broken" {\n  cidr_block =\n}\n', "broken.tf")
    found = {r.address: r for r in read_directory(tmp_path, types=TYPES).resources}
    assert set(found) == {"alicloud_vpc.ok", "broken.tf"}
    part = found["broken.tf"]
    assert part.type == "terraform_file" and part.attributes["reason"] == "unparsed"
    assert "broken.tf:2" in part.attributes["why"]  # the parser's own position


def test_a_remote_module_not_downloaded_is_one_part_and_the_rest_is_judged(tmp_path):
    _write(tmp_path, 'module "vpc" {\n  source  = "alibaba/vpc/alicloud"\n  version = "1.11.0"\n}\n'
                     'resource "alicloud_vpc" "own" {}\n')
    found = {r.address: r for r in read_directory(tmp_path, types=TYPES).resources}
    assert set(found) == {"module.vpc", "alicloud_vpc.own"}
    part = found["module.vpc"]
    assert (part.type, part.file, part.line) == ("terraform_module_call", "main.tf", 1)
    assert part.attributes["source"] == "alibaba/vpc/alicloud"
    assert part.attributes["reason"] == "not_downloaded"


def test_a_downloaded_module_is_read_from_terraform_init_s_record(tmp_path):
    _write(tmp_path, 'provider "alicloud" {\n  region = "cn-beijing"\n}\n'
                     'module "vpc" {\n  source  = "alibaba/vpc/alicloud"\n  version = "1.11.0"\n}\n')
    copy = tmp_path / ".terraform" / "modules" / "vpc"
    copy.mkdir(parents=True)
    _write(copy, 'resource "alicloud_vpc" "this" {\n  cidr_block = "10.0.0.0/8"\n}\n')
    (tmp_path / ".terraform" / "modules" / "modules.json").write_text(
        '{"Modules": [{"Key": "", "Source": "", "Dir": "."}, {"Key": "vpc", "Source": '
        '"registry.terraform.io/alibaba/vpc/alicloud", "Version": "1.11.0", '
        '"Dir": ".terraform/modules/vpc"}]}',
        encoding="utf-8")
    (vpc,) = read_directory(tmp_path, types=TYPES).resources
    assert (vpc.address, vpc.provider_region) == ("module.vpc.alicloud_vpc.this", "cn-beijing")
    assert vpc.file == ".terraform/modules/vpc/main.tf"


def test_a_missing_local_module_directory_says_so(tmp_path):
    _write(tmp_path, 'module "net" {\n  source = "./nowhere"\n}\n')
    (part,) = read_directory(tmp_path, types=TYPES).resources
    assert (part.address, part.attributes["reason"], part.attributes["why"]) == (
        "module.net", "not_found", "nowhere")


def test_resources_of_modules_called_with_count_zero_do_not_exist(tmp_path):
    (tmp_path / "m").mkdir()
    _write(tmp_path / "m", 'resource "alicloud_vpc" "v" {\n  cidr_block = "10.0.0.0/8"\n}\n')
    source = read_directory(_write(tmp_path, """
module "none" {
  source = "./m"
  count  = 0
}
module "empty" {
  source   = "./m"
  for_each = toset([])
}
module "one" {
  source = "./m"
  count  = 1
}
"""), types=TYPES)
    assert [r.address for r in source.resources] == ["module.one[0].alicloud_vpc.v"]


def test_each_root_directory_resolves_its_own_providers_and_variables():
    """envs/dev and envs/prod are two configurations: neither takes the other's provider or tfvars."""
    source = read_directory(FIXTURES / "multi_root", types=TYPES)
    assert sorted((r.file, r.address, r.provider_region) for r in source.resources) == [
        ("envs/dev/main.tf", "alicloud_vpc.fail_dev_hk", "cn-hongkong"),
        ("envs/dev/main.tf", "alicloud_vpc.main", "cn-hongkong"),
        ("envs/prod/main.tf", "alicloud_vpc.main", "cn-beijing"),
        ("envs/prod/main.tf", "alicloud_vpc.pass_prod_beijing", "cn-beijing"),
        ("modules/net/main.tf", "module.net.alicloud_vswitch.net", "cn-beijing"),
        ("modules/net/main.tf", "module.net.alicloud_vswitch.net", "cn-hongkong"),
    ]
    # a skip on envs/dev's alicloud_vpc.main must not hide envs/prod's: an address of several roots is
    # suppressed only where every root skips it
    assert source.suppressions == {}


def test_terraform_json_configuration_is_read_like_hcl(tmp_path):
    _write(tmp_path, 'provider "alicloud" {\n  region = "cn-beijing"\n}\n')
    (tmp_path / "backend.tf.json").write_text('{"terraform": {"backend": {"local": {}}}}', encoding="utf-8")
    assert read_directory(tmp_path, types=TYPES).resources == []  # settings only: nothing to check or hide
    (tmp_path / "hk.tf.json").write_text(
        '{"resource": {"alicloud_vpc": {"fail_json": {"vpc_name": "a"}}}}', encoding="utf-8")
    (vpc,) = read_directory(tmp_path, types=TYPES).resources
    assert (vpc.address, vpc.provider_region, vpc.file) == (
        "alicloud_vpc.fail_json", "cn-beijing", "hk.tf.json")
