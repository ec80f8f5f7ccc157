"""Configurations written to make the Terraform evaluation pass what it should not (found by attacking
it): each must be judged as a reviewer judges it, through the CLI path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from permitguard import engine
from permitguard.context import Context
from permitguard.model import Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.terraform_hcl import read_directory
from permitguard.terraform.evaluate import evaluate_root

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-28"


def write(directory: Path, text: str, name: str = "main.tf") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def verdicts(root: Path) -> dict[tuple[str, str], tuple[Status, bool]]:
    ctx = Context.load(environ={"PERMITGUARD_AS_OF": AS_OF}, cwd=str(Path(__file__).parent))
    out = {}
    for resource in read_directory(root, types=TYPES).resources:
        for f in engine.evaluate(resource, ctx):
            out[(f.rule_id, resource.address)] = (f.status, ctx.rules[f.rule_id].undetermined(f.reason))
    return out


SSH = 'type = "ingress"\n  ip_protocol = "tcp"\n  port_range = "22/22"\n  security_group_id = "sg-1"\n'


def test_a_repository_s_own_python_files_never_run_in_the_evaluator(tmp_path):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = "cn-hongkong"\n}\n'
        f'resource "alicloud_security_group_rule" "r" {{\n  {SSH}  cidr_ip = "0.0.0.0/0"\n}}\n',
    )
    write(root, "def load_from_path(*a, **k):\n    return {}\n", "tfparse.py")
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(
        [str(bin_dir / "permitguard"), "scan", ".", "--as-of", AS_OF],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "CKV_CNLIC_101" in done.stdout and "CKV_CNLIC_202" in done.stdout


@pytest.mark.parametrize("variable", ['variable "env" {}', 'variable "env" {\n  type = bool\n}'])
def test_a_variable_with_no_value_is_unknown_inside_a_conditional(tmp_path, variable):
    condition = 'var.env == "prod"' if "bool" not in variable else "var.env"
    root = write(
        tmp_path,
        f'{variable}\nprovider "alicloud" {{\n  region = {condition} ? "cn-hongkong" : '
        f'"cn-beijing"\n}}\nresource "alicloud_oss_bucket" "b" {{}}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_103", "alicloud_oss_bucket.b")] == (Status.FAILED, True)


def test_a_value_passed_into_a_module_from_an_unreadable_module_is_unknown(tmp_path):
    write(
        tmp_path / "m",
        'variable "cidr" {}\nresource "alicloud_security_group_rule" "r" {\n'
        f"  {SSH}  cidr_ip = var.cidr\n}}\n",
    )
    root = write(
        tmp_path / "root",
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n'
        'module "net" {\n  source = "example/net/alicloud"\n}\n'
        'module "sg" {\n  source = "../m"\n'
        '  cidr = try(module.net.admin_cidr, "10.0.0.0/8")\n}\n',
    )
    resources = evaluate_root(root, types=TYPES).resources
    (rule,) = [r for r in resources if r.type == "alicloud_security_group_rule"]
    cidr = rule.attributes["cidr_ip"]
    assert (
        isinstance(cidr, Unknown) and "module.net could not be read (passed to module.sg as cidr)" in cidr.why
    )


def test_a_trust_document_whose_statement_came_out_null_is_read_as_written(tmp_path):
    root = write(
        tmp_path,
        'provider "aws" {\n  region = "cn-north-1"\n}\ndata "aws_caller_identity" "me" {}\n'
        'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n'
        '    Statement = [{\n      Effect = "Allow"\n      Principal = { AWS = [\n'
        '        "arn:aws-cn:iam::${data.aws_caller_identity.me.account_id}:root",\n'
        '        "arn:aws-cn:iam::999999999999:root" ] }\n    }]\n  })\n}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_201", "aws_iam_role.r")] == (Status.FAILED, False)


@pytest.mark.parametrize(
    "principal",
    ['"acs:ram::9999${data.alicloud_account.me.id}:root"', '"acs:ram::${data.alicloud_account.me.id}0:root"'],
)
def test_the_own_account_counts_only_as_the_whole_account_id(tmp_path, principal):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = "cn-beijing"\n}\ndata "alicloud_account" "me" {}\n'
        'resource "alicloud_ram_role" "r" {\n  name = "r"\n  document = jsonencode({ Statement = '
        f'[{{ Effect = "Allow", Principal = {{ RAM = [{principal}] }} }}] }})\n}}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_201", "alicloud_ram_role.r")][0] is Status.FAILED


def test_a_function_that_comes_out_null_is_unknown_not_omitted(tmp_path):
    root = write(
        tmp_path,
        'provider "aws" {\n  region = "cn-north-1"\n}\nresource "aws_iam_role" "r" {\n'
        '  assume_role_policy = file("${path.module}/generated.json")\n}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_201", "aws_iam_role.r")] == (Status.FAILED, True)


def test_an_override_file_is_one_part_scan_the_plan(tmp_path):
    root = write(
        tmp_path, 'provider "alicloud" {\n  region = "cn-beijing"\n}\nresource "alicloud_oss_bucket" "b" {}\n'
    )
    write(root, 'provider "alicloud" {\n  region = "cn-hongkong"\n}\n', "override.tf")
    parts = [r for r in read_directory(root, types=TYPES).resources if r.type == "terraform_file"]
    assert [(p.address, p.attributes["reason"]) for p in parts] == [("override.tf", "override")]


def test_a_comment_in_a_providers_map_is_not_an_entry(tmp_path):
    write(tmp_path / "m", 'resource "alicloud_oss_bucket" "b" {}\n')
    root = write(
        tmp_path / "root",
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n'
        'provider "alicloud" {\n  alias = "hk"\n  region = "cn-hongkong"\n}\n'
        'module "m" {\n  source = "../m"\n'
        "  providers = { alicloud = alicloud.hk # was: alicloud = alicloud\n  }\n}\n",
    )
    (bucket,) = evaluate_root(root, types=TYPES).resources
    assert bucket.provider_region == "cn-hongkong"


def test_a_module_whose_only_file_does_not_parse_is_a_part(tmp_path):
    write(tmp_path / "m", 'resource "alicloud_oss_bucket" "b" {\n  bucket =\n}\n')
    root = write(tmp_path / "root", 'module "m" {\n  source = "../m"\n}\n')
    parts = [(p.kind, p.reason) for p in evaluate_root(root, types=TYPES).problems]
    assert ("file", "unparsed") in parts


def test_a_module_of_json_files_only_is_read(tmp_path):
    write(tmp_path / "m", '{"resource": {"alicloud_oss_bucket": {"b": {"bucket": "x"}}}}', "main.tf.json")
    root = write(tmp_path / "root", 'module "m" {\n  source = "../m"\n}\n')
    evaluation = evaluate_root(root, types=TYPES)
    assert [r.address for r in evaluation.resources] == ["module.m.alicloud_oss_bucket.b"]
    assert evaluation.problems == []


@pytest.mark.parametrize(
    "text",
    [
        'import {\n  to = alicloud_vpc.v\n  id = "vpc-1"\n}\n',
        'check "c" {\n  assert {\n    condition = true\n    error_message = "x"\n  }\n}\n',
        '/* resource "alicloud_vpc" "old" {} */\n',
        "moved {\n  from = alicloud_vpc.a\n  to = alicloud_vpc.b\n}\n",
    ],
)
def test_files_declaring_nothing_judged_are_no_part(tmp_path, text):
    root = write(tmp_path, 'resource "alicloud_vpc" "v" {}\n')
    write(root, text, "extra.tf")
    assert evaluate_root(root, types=TYPES).problems == []


def test_the_workspace_is_the_one_terraform_selected(tmp_path):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = terraform.workspace == "prod-hk" ? '
        '"cn-hongkong" : "cn-beijing"\n}\nresource "alicloud_oss_bucket" "b" {}\n',
    )
    write(root / ".terraform", "prod-hk", "environment")
    assert evaluate_root(root, types=TYPES).resources[0].provider_region == "cn-hongkong"


def test_count_over_a_value_that_cannot_be_known_is_a_part(tmp_path):
    root = write(
        tmp_path,
        'variable "n" {\n  type = number\n}\nprovider "alicloud" {\n  region = "cn-beijing"\n}\n'
        'resource "alicloud_oss_bucket" "b" {\n  count = var.n\n}\n',
    )
    parts = [(p.kind, p.address, p.reason) for p in evaluate_root(root, types=TYPES).problems]
    assert ("resource", "alicloud_oss_bucket.b", "instances_unknown") in parts


def test_local_modules_that_call_each_other_are_one_part_and_answer_at_once(tmp_path):
    write(tmp_path / "a", 'module "b" {\n  source = "../b"\n}\n')
    write(tmp_path / "b", 'module "a" {\n  source = "../a"\n}\n')
    write(tmp_path / "root", 'module "a" {\n  source = "../a"\n}\n')
    write(tmp_path / "other", 'resource "alicloud_oss_bucket" "b" {}\n')
    from permitguard.errors import InputError
    from permitguard.terraform.evaluate import evaluate_roots

    cycle, other = evaluate_roots([tmp_path / "root", tmp_path / "other"], types=TYPES)
    assert isinstance(cycle, InputError) and "cycle" in str(cycle)
    assert [r.address for r in other.resources] == ["alicloud_oss_bucket.b"]


def test_a_module_called_by_two_roots_is_judged_in_each(tmp_path):
    write(tmp_path / "modules" / "app", 'resource "alicloud_oss_bucket" "b" {}\n')
    for env, region in (("dev", "cn-beijing"), ("prod", "cn-hongkong")):
        write(
            tmp_path / "envs" / env,
            f'provider "alicloud" {{\n  region = "{region}"\n}}\n'
            'module "app" {\n  source = "../../modules/app"\n}\n',
        )
    import json

    from helpers import cli

    run = cli("scan", str(tmp_path), "--format", "json", "--as-of", AS_OF)
    statuses = sorted(
        f["status"]
        for f in json.loads(run.stdout)["findings"]
        if f["rule_id"] == "CKV_CNLIC_101" and f["resource"]["address"] == "module.app.alicloud_oss_bucket.b"
    )
    assert (run.exit_status, statuses) == (1, ["failed", "passed"])


def test_an_own_account_data_source_given_arguments_names_no_one_s_own_account(tmp_path):
    data = 'data "azurerm_subscription" "other" {\n  subscription_id = "0000"\n}\n'
    root = write(
        tmp_path,
        f'provider "azurerm" {{\n  features {{}}\n}}\n{data}'
        'resource "azurerm_lighthouse_definition" "l" {\n  name = "l"\n'
        '  scope = "/subscriptions/1"\n  managing_tenant_id = data.azurerm_subscription.other.tenant_id\n'
        '  authorization {\n    principal_id = "p"\n    role_definition_id = "r"\n  }\n}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_201", "azurerm_lighthouse_definition.l")] == (Status.FAILED, True)


def test_an_own_account_read_through_a_provider_that_assumes_a_role_is_not_ours(tmp_path):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n'
        'provider "alicloud" {\n  alias = "partner"\n  region = "cn-beijing"\n'
        '  assume_role {\n    role_arn = "acs:ram::5550001112223334:role/x"\n  }\n}\n'
        'data "alicloud_account" "partner" {\n  provider = alicloud.partner\n}\n'
        'resource "alicloud_ram_role" "r" {\n  name = "r"\n  document = jsonencode({ Statement = '
        '[{ Effect = "Allow", Principal = { RAM = '
        '["acs:ram::${data.alicloud_account.partner.id}:root"] } }] })\n}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_201", "alicloud_ram_role.r")][0] is Status.FAILED


def test_checkov_s_var_files_reach_the_shared_evaluation(tmp_path, monkeypatch):
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.runner import Runner

    root = write(
        tmp_path,
        'variable "region" {\n  default = "cn-beijing"\n}\n'
        'provider "alicloud" {\n  region = var.region\n}\nresource "alicloud_oss_bucket" "b" {}\n',
    )
    write(root, 'region = "cn-hongkong"\n', "prod.tfvars")
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    report = Runner().run(
        root_folder=str(root),
        external_checks_dir=[str(ROOT / "policies" / "checkov")],
        runner_filter=RunnerFilter(
            framework=["terraform"],
            checks=["CKV_CNLIC_101"],
            var_files=[str(root / "prod.tfvars")],
            download_external_modules=False,
        ),
    )
    assert [(c.check_id, c.resource) for c in report.failed_checks] == [
        ("CKV_CNLIC_101", "alicloud_oss_bucket.b")
    ]


def test_for_each_over_a_data_source_that_gave_no_instance_is_a_part_never_nothing(tmp_path):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = "cn-beijing"\n}\ndata "alicloud_vpcs" "v" {}\n'
        f'resource "alicloud_security_group_rule" "r" {{\n  for_each = toset(data.alicloud_vpcs.v.ids)\n'
        f'  {SSH}  cidr_ip = "0.0.0.0/0"\n}}\n',
    )
    parts = [(p.kind, p.address, p.reason) for p in evaluate_root(root, types=TYPES).problems]
    assert parts == [("resource", "alicloud_security_group_rule.r", "instances_unknown")]


def test_dynamic_blocks_over_what_is_known_only_at_apply_are_unknown(tmp_path):
    root = write(
        tmp_path,
        'provider "aws" {\n  region = "cn-north-1"\n}\ndata "aws_ssm_parameter" "p" {\n'
        '  name = "/ports"\n}\nresource "aws_security_group" "s" {\n  dynamic "ingress" {\n'
        '    for_each = toset(split(",", data.aws_ssm_parameter.p.value))\n    content {\n'
        '      from_port = ingress.value\n      to_port = ingress.value\n      protocol = "tcp"\n'
        '      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    )
    assert verdicts(root)[("CKV_CNLIC_202", "aws_security_group.s")] == (Status.FAILED, True)


def test_provider_meta_arguments_in_terraform_json_are_a_part(tmp_path):
    root = write(
        tmp_path,
        '{"provider": {"alicloud": [{"region": "cn-beijing"}, {"alias": "hk", "region": '
        '"cn-hongkong"}]}, "resource": {"alicloud_oss_bucket": {"b": {"provider": "alicloud.hk"}}}}',
        "main.tf.json",
    )
    parts = [(p.address, p.reason) for p in evaluate_root(root, types=TYPES).problems]
    assert parts == [("main.tf.json", "json_meta")]


def test_a_directory_named_like_a_terraform_file_is_passed_by(tmp_path):
    root = write(
        tmp_path,
        'provider "alicloud" {\n  region = "cn-hongkong"\n}\nresource "alicloud_oss_bucket" "b" {}\n',
    )
    (root / "x.tf").mkdir()
    assert verdicts(root)[("CKV_CNLIC_101", "alicloud_oss_bucket.b")] == (Status.FAILED, False)


def test_a_block_the_evaluator_lost_is_a_part_never_absent(tmp_path, monkeypatch):
    from permitguard.terraform import evaluate

    root = write(tmp_path, 'resource "alicloud_vpc" "kept" {}\nresource "alicloud_vpc" "lost" {}\n')
    real = evaluate.run_evaluator_many

    def drops_one(requests, stop_on_error=False):
        answers = real(requests, stop_on_error)
        answers[0]["doc"]["alicloud_vpc"] = [
            b for b in answers[0]["doc"]["alicloud_vpc"] if b["__tfmeta"]["path"] != "alicloud_vpc.lost"
        ]
        return answers

    monkeypatch.setattr(evaluate, "run_evaluator_many", drops_one)
    parts = [(p.address, p.reason) for p in evaluate.evaluate_root(root, types=TYPES).problems]
    assert parts == [("alicloud_vpc.lost", "not_evaluated")]
