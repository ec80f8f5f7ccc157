"""`permitguard explain ADDRESS [PATH]` (permitguard.cli.explain_cmd): the trail the engine recorded for one
resource, on every kind of input — a Terraform directory (module, alias provider, tfvars, locals), a plan,
a state, a Pulumi preview — and the unusable-input answer for an address that names nothing."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")
COMPLIANT = str(ROOT / "infra/terraform/alicloud-compliant")
FIXTURE_101 = ROOT / "tests/fixtures/CKV_CNLIC_101"
ENV = {"PERMITGUARD_AS_OF": "2026-06-01"}


def explain(*args: str):
    return cli("explain", *args, "--license", PROFILE, environ=ENV)


def steps(run) -> list[tuple[str, str, str | None, int | None]]:
    doc = json.loads(run.stdout)
    (only,) = doc["resources"]
    return [(s["kind"], s["what"], s.get("file"), s.get("line")) for s in only["trail"]]


def test_module_resource_names_the_providers_entry_the_alias_block_and_the_local(tmp_path):
    run = explain("module.edge.alicloud_vpc.edge", COMPLIANT, "--format", "json")
    assert run.exit_status == 0, run.stderr
    trail = steps(run)
    base = COMPLIANT
    assert trail[:4] == [
        ("module_providers", "module.edge providers: alicloud = alicloud.sz", f"{base}/main.tf", 77),
        ("provider_block", "provider alicloud.sz", f"{base}/providers.tf", 16),
        ("provider_argument", "region = local.south_region", f"{base}/providers.tf", 18),
        ("local_value", 'local.south_region = "cn-shenzhen"', f"{base}/variables.tf", 7),
    ]
    assert ("location", "alicloud cn-shenzhen → mainland, CN-GD, Shenzhen", None, None) in trail
    assert trail[-1] == ("service_tag", "license-service = idc", f"{base}/modules/edge/main.tf", 7)


def test_tfvars_file_and_line_that_set_the_alias_region():
    run = explain("alicloud_vpc.fail_tfvars_singapore", str(FIXTURE_101), "--format", "json")
    assert run.exit_status == 1  # CKV_CNLIC_101 fails it, as `scan` says
    trail = steps(run)
    assert trail[:4] == [
        ("provider_meta", "provider = alicloud.far", f"{FIXTURE_101}/main.tf", 12),
        ("provider_block", "provider alicloud.far", f"{FIXTURE_101}/providers.tf", 21),
        ("provider_argument", "region = var.far_region", f"{FIXTURE_101}/providers.tf", 23),
        ("variables_file", 'var.far_region = "ap-southeast-1"', f"{FIXTURE_101}/terraform.tfvars", 1),
    ]
    verdicts = {v["rule_id"]: v for v in json.loads(run.stdout)["resources"][0]["verdicts"]}
    assert verdicts["CKV_CNLIC_101"]["status"] == "failed" and verdicts["CKV_CNLIC_101"]["blocking"]
    assert "outside mainland China" in verdicts["CKV_CNLIC_101"]["message"]["en"]


def test_variable_default_when_no_variables_file_sets_it():
    trail = steps(explain("alicloud_vpc.pass_default_provider", str(FIXTURE_101), "--format", "json"))
    step = ("variable_default", 'var.region default = "cn-beijing"', f"{FIXTURE_101}/providers.tf", 3)
    assert step in trail


def test_a_later_auto_tfvars_file_wins_and_is_the_one_named(tmp_path):
    (tmp_path / "main.tf").write_text('variable "region" {\n  default = "cn-beijing"\n}\n\n'
                                      'provider "alicloud" {\n  region = var.region\n}\n\n'
                                      'resource "alicloud_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n')
    (tmp_path / "terraform.tfvars").write_text('region = "cn-hangzhou"\n')
    (tmp_path / "z.auto.tfvars").write_text('# last loaded\n\nregion = "cn-shanghai"\n')
    trail = steps(explain("alicloud_vpc.v", str(tmp_path), "--format", "json"))
    assert ("variables_file", 'var.region = "cn-shanghai"', f"{tmp_path}/z.auto.tfvars", 3) in trail
    assert ("location", "alicloud cn-shanghai → mainland, CN-SH, Shanghai", None, None) in trail


def test_plan_names_the_provider_config_key_and_the_constant():
    trail = steps(explain("module.fail_hk.aws_vpc.net", str(FIXTURE_101 / "plan.json"), "--format", "json"))
    assert trail[:3] == [("plan_provider_key", "provider_config_key aws.hk", None, None),
                         ("plan_provider_config", "configuration.provider_config[aws.hk]", None, None),
                         ("plan_constant", "constant ap-east-1", None, None)]
    assert ("location", "aws ap-east-1 → hk, CN-HK, Hong Kong", None, None) in trail


def test_state_resource_located_by_its_zone_attribute():
    state = str(ROOT / "tests/fixtures/state/show.json")
    trail = steps(explain("aws_subnet.beijing", state, "--format", "json"))
    assert trail == [
        ("zone_value", "attribute availability_zone = cn-north-1a", state, None),
        ("location", "aws cn-north-1a → region cn-north-1 → mainland, CN-BJ, Beijing", None, None),
        ("service_tag", "license-service = isp", state, None),
    ]


def test_pulumi_preview_names_the_explicit_provider_and_the_stack_default(tmp_path):
    stack = "urn:pulumi:dev::demo::"
    hz = stack + "pulumi:providers:alicloud::hz"
    vpc = stack + "alicloud:vpc/network:Network::vpc"
    other = stack + "alicloud:vpc/network:Network::other"
    doc = {"config": {"alicloud:region": "cn-hongkong"}, "changeSummary": {"create": 3}, "steps": [
        {"op": "create", "urn": hz, "provider": "",
         "newState": {"urn": hz, "type": "pulumi:providers:alicloud", "custom": True,
                      "inputs": {"region": "cn-hangzhou"}}},
        {"op": "create", "urn": vpc, "provider": f"{hz}::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
         "newState": {"urn": vpc, "type": "alicloud:vpc/network:Network", "custom": True, "inputs": {}}},
        {"op": "create", "urn": other, "provider": "",
         "newState": {"urn": other, "type": "alicloud:vpc/network:Network", "custom": True, "inputs": {}}},
    ]}
    path = tmp_path / "preview.json"
    path.write_text(json.dumps(doc))
    trail = steps(explain(vpc, str(path), "--format", "json"))
    assert trail[0] == ("pulumi_provider", hz, None, None)
    assert ("location", "alicloud cn-hangzhou → mainland, CN-ZJ, Hangzhou", None, None) in trail
    run = explain(other, str(path), "--format", "json")
    trail = steps(run)
    assert trail[0][0] == "pulumi_default_provider"
    name = trail[0][1].rsplit("::", 1)[-1]
    assert trail[1][:2] == ("region_value",
                            f"default provider {name}, stack config alicloud:region = cn-hongkong")
    assert run.exit_status == 1


def test_text_output_in_chinese_labels_each_step_and_every_rule():
    run = explain("alicloud_oss_bucket.archive", COMPLIANT, "--lang", "zh")
    assert run.exit_status == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"资源: alicloud_oss_bucket.archive (alicloud_oss_bucket) {COMPLIANT}/main.tf:46"
    assert f"  1. provider 元参数: provider = alicloud.sz  ({COMPLIANT}/main.tf:46)" in lines
    assert "各规则结论" in lines
    rules = [line.split()[0] for line in lines if line.startswith("  CKV_CNLIC_")]
    assert rules == sorted(rules) and "CKV_CNLIC_101" in rules and "CKV_CNLIC_301" in rules
    assert not any("is in alicloud" in line for line in lines)  # English messages left out


def test_rule_steps_say_what_the_rule_read():
    doc = json.loads(explain("alicloud_instance.shanghai_l", COMPLIANT, "--format", "json").stdout)
    verdicts = {v["rule_id"]: v for v in doc["resources"][0]["verdicts"]}
    assert [s["kind"] for s in verdicts["CKV_CNLIC_301"]["trail"]] == ["no_filed_room", "filing_tag"]
    assert verdicts["CKV_CNLIC_301"]["trail"][1]["what"] == "prior-filing: TE-2026-0412"
    ssh = "alicloud_security_group_rule.ssh_from_mgmt"
    doc = json.loads(explain(ssh, COMPLIANT, "--format", "json").stdout)
    verdicts = {v["rule_id"]: v for v in doc["resources"][0]["verdicts"]}
    assert verdicts["CKV_CNLIC_202"]["trail"][0]["kind"] == "ingress_rule"
    assert verdicts["CKV_CNLIC_202"]["trail"][0]["what"].startswith("port 22 from ")


def test_unknown_address_exits_2_naming_the_nearest_addresses():
    run = explain("alicloud_vpc.edge", COMPLIANT)
    assert run.exit_status == 2 and run.stdout == ""
    assert run.stderr == (f"permitguard: error: alicloud_vpc.edge: no such resource in {COMPLIANT}; nearest: "
                          "module.edge.alicloud_vpc.edge, alicloud_vpc.core, alicloud_vswitch.core_h\n")


def test_address_far_from_everything_says_how_many_were_read():
    run = explain("nothing_like.this", COMPLIANT)
    assert run.exit_status == 2
    assert "no such resource" in run.stderr and "resources read; `permitguard scan" in run.stderr


def test_pulumi_stack_export_names_the_default_provider_by_urn():
    export = str(ROOT / "tests/fixtures/pulumi_stack/aws-china.json")
    urn = "urn:pulumi:dev::aws-china::aws:ec2/securityGroup:SecurityGroup::web"
    trail = steps(explain(urn, export, "--format", "json"))
    assert trail[:3] == [
        ("pulumi_default_provider", "urn:pulumi:dev::aws-china::pulumi:providers:aws::default_7_29_0", None,
         None),
        ("region_value", "default provider default_7_29_0, stack config aws:region = cn-north-1", None, None),
        ("location", "aws cn-north-1 → mainland, CN-BJ, Beijing", None, None),
    ]
