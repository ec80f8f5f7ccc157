"""permitguard.terraform: a root module evaluated as Terraform evaluates it (tfparse in a worker), with
unknowns kept unknown and what could not be read named."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitguard.model import OWN_ACCOUNT, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.terraform.evaluate import evaluate_root
from permitguard.terraform.roots import find_roots

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in


def write(directory: Path, text: str, name: str = "main.tf") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def by_address(root: Path, **kw) -> dict:
    return {r.address: r for r in evaluate_root(root, **kw, types=TYPES).resources}


def test_environment_variables_never_reach_values(tmp_path, monkeypatch):
    monkeypatch.setenv("TF_VAR_region", "cn-hongkong")
    root = write(
        tmp_path,
        'variable "region" {}\nprovider "alicloud" {\n  region = var.region\n}\n'
        'resource "alicloud_vpc" "v" {}\n',
    )
    (vpc,) = evaluate_root(root, types=TYPES).resources
    assert isinstance(vpc.provider_region, Unknown)
    assert vpc.provider_region.why == (
        "unresolved reference `var.region` (main.tf:3): var.region has no value "
        "(no default, and no terraform.tfvars, *.auto.tfvars or --var-file sets it)"
    )


def test_tfvars_auto_tfvars_and_var_files_in_terraform_s_order(tmp_path):
    root = write(
        tmp_path,
        'variable "region" {}\nprovider "alicloud" {\n  region = var.region\n}\n'
        'resource "alicloud_vpc" "v" {}\n',
    )
    write(root, 'region = "cn-shanghai"\n', "terraform.tfvars")
    assert evaluate_root(root, types=TYPES).resources[0].provider_region == "cn-shanghai"
    write(root, 'region = "cn-beijing"\n', "b.auto.tfvars")
    write(root, '{"region": "cn-shenzhen"}', "a.auto.tfvars.json")
    assert evaluate_root(root, types=TYPES).resources[0].provider_region == "cn-beijing"  # lexical: b after a
    extra = write(tmp_path / "elsewhere", 'region = "cn-hangzhou"\n', "prod.tfvars") / "prod.tfvars"
    assert evaluate_root(root, (extra,), types=TYPES).resources[0].provider_region == "cn-hangzhou"


def test_count_and_for_each_instances_with_their_own_values_and_none_for_zero(tmp_path):
    write(
        tmp_path / "m",
        'variable "rules" {\n  default = []\n}\n'
        'resource "alicloud_security_group_rule" "r" {\n  count = length(var.rules)\n'
        '  cidr_ip = lookup(var.rules[count.index], "cidr", "0.0.0.0/0")\n'
        '  port_range = "${var.rules[count.index].port}/${var.rules[count.index].port}"\n}\n',
    )
    root = write(
        tmp_path / "root",
        'module "sg" {\n  source = "../m"\n'
        '  rules = [{ port = 22 }, { port = 443, cidr = "10.0.0.0/8" }]\n}\n'
        'module "none" {\n  source = "../m"\n}\n'
        'module "off" {\n  source = "../m"\n  count = 0\n}\n',
    )
    found = by_address(root)
    assert set(found) == {
        "module.sg.alicloud_security_group_rule.r[0]",
        "module.sg.alicloud_security_group_rule.r[1]",
    }
    assert found["module.sg.alicloud_security_group_rule.r[0]"].attributes["cidr_ip"] == "0.0.0.0/0"
    assert found["module.sg.alicloud_security_group_rule.r[1]"].attributes["port_range"] == "443/443"
    assert found["module.sg.alicloud_security_group_rule.r[0]"].file == "../m/main.tf"


def test_module_call_providers_map_and_an_alias_never_passed(tmp_path):
    write(
        tmp_path / "m",
        'resource "alicloud_vpc" "v" {}\nresource "alicloud_vpc" "dr" {\n  provider = alicloud.dr\n}\n',
    )
    root = write(
        tmp_path / "root",
        'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n'
        'provider "alicloud" {\n  alias = "bj"\n  region = "cn-beijing"\n}\n'
        'module "a" {\n  source = "../m"\n  providers = { alicloud = alicloud.bj }\n}\n'
        'module "b" {\n  source = "../m"\n}\n',
    )
    found = by_address(root)
    assert found["module.a.alicloud_vpc.v"].provider_region == "cn-beijing"
    assert found["module.b.alicloud_vpc.v"].provider_region == "cn-hangzhou"  # the default is inherited
    dr = found["module.b.alicloud_vpc.dr"].provider_region
    assert isinstance(dr, Unknown) and "not passed to module.b" in dr.why  # never an alias's region


def test_an_unreadable_module_is_a_problem_and_what_depends_on_it_is_unknown(tmp_path):
    root = write(
        tmp_path,
        'module "regions" {\n  source = "example/regions/azurerm"\n}\n'
        'locals {\n  where = try(module.regions.names[0], "chinanorth2")\n}\n'
        'resource "azurerm_resource_group" "g" {\n  name = "g"\n  location = local.where\n}\n'
        'resource "azurerm_resource_group" "h" {\n  name = "h"\n'
        '  location = try(module.regions.names[1], "chinaeast2")\n}\n',
    )
    evaluation = evaluate_root(root, types=TYPES)
    (problem,) = evaluation.problems
    assert (problem.kind, problem.address, problem.line, problem.reason) == (
        "module",
        "module.regions",
        1,
        "not_downloaded",
    )
    for resource in evaluation.resources:  # never the literal fallback of try()
        location = resource.attributes["location"]
        assert isinstance(location, Unknown) and location.why.endswith("module.regions could not be read")


def test_own_account_data_sources_are_first_party_other_data_is_unknown(tmp_path):
    root = write(
        tmp_path,
        'data "alicloud_account" "me" {}\ndata "alicloud_zones" "z" {}\n'
        'resource "alicloud_ram_role" "r" {\n  name = "r"\n'
        "  document = jsonencode({ Statement = [{ Principal = { RAM = "
        '["acs:ram::${data.alicloud_account.me.id}:root"] } }] })\n}\n'
        'resource "alicloud_instance" "i" {\n  availability_zone = data.alicloud_zones.z.zones[0].id\n}\n',
    )
    found = by_address(root)
    principal = found["alicloud_ram_role.r"].attributes["document"]["Statement"][0]["Principal"]["RAM"]
    assert principal == [f"acs:ram::{OWN_ACCOUNT}:root"]
    zone = found["alicloud_instance.i"].attributes["availability_zone"]
    assert isinstance(zone, Unknown) and zone.why.startswith("known only after apply: read from data source")
    assert "written `data.alicloud_zones.z.zones[0].id` (main.tf:" in zone.why


def test_policy_documents_of_data_sources_are_rendered_unless_they_merge_others(tmp_path):
    root = write(
        tmp_path,
        'data "aws_caller_identity" "me" {}\n'
        'data "aws_iam_policy_document" "t" {\n  statement {\n    actions = ["sts:AssumeRole"]\n'
        '    principals {\n      type = "AWS"\n'
        "      identifiers = [data.aws_caller_identity.me.account_id]\n    }\n  }\n}\n"
        'data "aws_iam_policy_document" "m" {\n'
        "  source_policy_documents = [data.aws_iam_policy_document.t.json]\n}\n"
        'resource "aws_iam_role" "a" {\n  assume_role_policy = data.aws_iam_policy_document.t.json\n}\n'
        'resource "aws_iam_role" "b" {\n  assume_role_policy = data.aws_iam_policy_document.m.json\n}\n',
    )
    found = by_address(root)
    assert found["aws_iam_role.a"].attributes["assume_role_policy"] == {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": [OWN_ACCOUNT]}}],
    }
    merged = found["aws_iam_role.b"].attributes["assume_role_policy"]
    assert isinstance(merged, Unknown) and "merges source_policy_documents" in merged.why


def test_dynamic_blocks_are_expanded(tmp_path):
    root = write(
        tmp_path,
        'variable "open" {\n  default = { ssh = 22, web = 443 }\n}\n'
        'resource "aws_security_group" "s" {\n  dynamic "ingress" {\n'
        "    for_each = var.open\n    content {\n      from_port = ingress.value\n"
        '      to_port = ingress.value\n      protocol = "tcp"\n'
        '      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    )
    (sg,) = evaluate_root(root, types=TYPES).resources
    assert sorted(b["from_port"] for b in sg.attributes["ingress"]) == [22, 443]


def test_a_file_that_does_not_parse_is_a_problem_with_the_parser_s_words(tmp_path):
    root = write(tmp_path, 'resource "alicloud_vpc" "ok" {}\n')
    write(root, 'resource "alicloud_vpc" "bad" {\n  cidr_block =\n}\n', "bad.tf")
    evaluation = evaluate_root(root, types=TYPES)
    assert [r.address for r in evaluation.resources] == ["alicloud_vpc.ok"]
    (problem,) = evaluation.problems
    assert (problem.kind, problem.address) == ("file", "bad.tf") and "bad.tf:" in problem.why


def test_checkov_skip_comments_on_resources_and_on_module_calls(tmp_path):
    write(tmp_path / "m", 'resource "alicloud_vpc" "v" {}\n')
    root = write(
        tmp_path / "root",
        'module "a" {\n  # checkov:skip=CKV_CNLIC_301:room filed on paper\n'
        '  source = "../m"\n}\n'
        'resource "alicloud_vpc" "own" {\n  # checkov:skip=CKV_CNLIC_103,CKV_CNLIC_101\n}\n',
    )
    skips = evaluate_root(root, types=TYPES).suppressions
    assert skips == {
        ("module.a.alicloud_vpc.v", "CKV_CNLIC_301"): "room filed on paper",
        ("alicloud_vpc.own", "CKV_CNLIC_103"): "",
        ("alicloud_vpc.own", "CKV_CNLIC_101"): "",
    }


def test_roots_are_directories_no_other_directory_calls(tmp_path):
    write(tmp_path, 'resource "alicloud_vpc" "v" {}\n')
    write(tmp_path / "modules" / "net", 'resource "alicloud_vswitch" "s" {}\n')
    write(tmp_path, 'module "net" {\n  source = "./modules/net"\n}\n', "net.tf")
    write(tmp_path / "examples" / "basic", 'module "x" {\n  source = "../.."\n}\n')
    write(tmp_path / ".terraform" / "modules" / "y", 'resource "alicloud_vpc" "copy" {}\n')
    assert find_roots(tmp_path) == [(tmp_path / "examples" / "basic").resolve()]
    assert find_roots(tmp_path / "modules" / "net") == [(tmp_path / "modules" / "net").resolve()]


@pytest.mark.parametrize(
    "text", ["", "# only a comment\n", 'terraform {\n  required_version = ">= 1.5"\n}\n']
)
def test_files_without_resources_are_no_problem(tmp_path, text):
    root = write(tmp_path, text)
    assert evaluate_root(root, types=TYPES).problems == []


def test_a_module_called_with_count_is_one_problem_not_one_per_instance(tmp_path):
    root = write(
        tmp_path, 'module "remote" {\n  source = "git::https://example.invalid/x.git"\n  count = 3\n}\n'
    )
    assert [p.address for p in evaluate_root(root, types=TYPES).problems] == ["module.remote"]


def test_a_worker_that_dies_on_one_root_loses_only_that_root(tmp_path, monkeypatch):
    from permitguard.errors import InputError
    from permitguard.terraform import evaluate, loader

    good = write(tmp_path / "good", 'resource "alicloud_vpc" "v" {}\n')
    bad = write(tmp_path / "bad", 'resource "alicloud_vpc" "w" {}\n')
    real = loader.run_evaluator_many

    def dies_on_bad(requests, stop_on_error=False):
        if any(root == bad.resolve() for root, _ in requests):
            raise InputError(f"{bad}: the Terraform evaluator failed: panic")
        return real(requests, stop_on_error)

    monkeypatch.setattr(evaluate, "run_evaluator_many", dies_on_bad)
    first, second = evaluate.evaluate_roots([good, bad], types=TYPES)
    assert [r.address for r in first.resources] == ["alicloud_vpc.v"]
    assert isinstance(second, InputError) and "panic" in str(second)


def test_a_called_directory_with_its_own_backend_or_tfvars_is_a_root_as_well(tmp_path):
    write(
        tmp_path,
        'terraform {\n  required_version = ">= 1.5"\n  backend "oss" {}\n}\nresource "alicloud_vpc" "v" {}\n',
    )
    write(tmp_path / "examples" / "basic", 'module "x" {\n  source = "../.."\n}\n')
    assert find_roots(tmp_path) == [tmp_path.resolve(), (tmp_path / "examples" / "basic").resolve()]
    (tmp_path / "main.tf").write_text('resource "alicloud_vpc" "v" {}\n', encoding="utf-8")
    write(tmp_path, 'region = "cn-hongkong"\n', "terraform.tfvars")
    assert find_roots(tmp_path)[0] == tmp_path.resolve()


def test_a_merge_of_written_out_maps_keeps_its_known_keys_when_one_value_cannot_be_known(tmp_path):
    root = write(
        tmp_path,
        'variable "svc" {}\nvariable "common" {}\nprovider "alicloud" {\n  region = "cn-beijing"\n}\n'
        'locals {\n  base = { team = "net" }\n}\n'
        'resource "alicloud_vpc" "merged" {\n'
        '  tags = merge(local.base, { "license-service" = var.svc, env = "prod" })\n}\n'
        'resource "alicloud_vpc" "overridden" {\n'
        '  tags = merge({ env = var.svc }, { env = "prod" })\n}\n'
        'resource "alicloud_vpc" "opaque" {\n  tags = merge(var.common, { env = "prod" })\n}\n'
        'resource "alicloud_vpc" "indexed" {\n  tags = merge({ env = var.svc }, { a = "b" })["env"]\n}\n',
    )
    found = by_address(root)
    merged = found["alicloud_vpc.merged"].attributes["tags"]
    assert merged["team"] == "net" and merged["env"] == "prod" and "prior-filing" not in merged
    service = merged["license-service"]
    assert isinstance(service, Unknown) and "var.svc has no value" in service.why
    assert found["alicloud_vpc.overridden"].attributes["tags"] == {"env": "prod"}  # later known wins
    assert isinstance(found["alicloud_vpc.opaque"].attributes["tags"], Unknown)  # keys of var.common unknown
    assert isinstance(found["alicloud_vpc.indexed"].attributes["tags"], Unknown)  # not one call of merge
