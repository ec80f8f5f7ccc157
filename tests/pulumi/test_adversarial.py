"""Adversarial review of the Pulumi front door: programs it had not seen (tests/pulumi/programs: components
with `providers`, providers from Config and from Outputs, v7 per-resource `region`, unknown tags, import_,
packages without location, dynamic providers, secret provider regions) give the same findings through the
pack and `permitguard scan`; and the regressions this review found."""
from __future__ import annotations

import json
from pathlib import Path

import mock_programs
import pytest
import yaml
from mock_programs import AS_OF, pack_findings
from pack_client import Pack, request, violations
from test_parity import scan_findings

from helpers import cli
from permitguard.rule_catalog import RuleCatalog

HERE = Path(__file__).resolve().parent / "programs"
NAMES = sorted(p.name for p in HERE.iterdir() if (p / "Pulumi.yaml").is_file())
POLICIES = [meta.name for meta in RuleCatalog.load()]
SECRET = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"
HK = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-hongkong"})
STACK = "urn:pulumi:dev::demo::"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def expected(name: str) -> set[tuple[str, str]]:
    data = yaml.safe_load((HERE / name / "expected_findings.yaml").read_text())
    return {(rule, urn) for rule, urns in data["failed"].items() for urn in urns}


@pytest.mark.parametrize("name", NAMES)
def test_unseen_programs_pack_and_cli_agree(pack, tmp_path, name):
    program = mock_programs.run(HERE / name)
    found = pack_findings(pack, program)
    assert {level for rule, _, level in found if rule != "CKV_CNLIC_602"} == {"mandatory"}  # 602: advisory
    assert {level for rule, _, level in found if rule == "CKV_CNLIC_602"} <= {"advisory"}
    pack_failed = {(rule, urn) for rule, urn, _ in found}
    assert pack_failed == expected(name)
    assert scan_findings(tmp_path, program, default_provider_steps=True) == pack_failed
    assert scan_findings(tmp_path, program, default_provider_steps=False) == pack_failed


def test_unusable_profile_blocks_even_when_the_first_policy_is_advisory():
    """Before: the one report went to the first policy (advisory) and the preview went through unjudged."""
    pack = Pack.start(env={"PERMITGUARD_AS_OF": AS_OF, "PERMITGUARD_LICENSE": ""})
    try:
        pack.configure_stack()
        config = {name: {"license": "/nonexistent/permitguard.yaml"} for name in POLICIES}
        config["cnlic-100-configuration-unreadable"]["enforcementLevel"] = "advisory"  # the pack's first
        pack.configure(config)
        first = violations(pack.analyze(request("alicloud:ecs/instance:Instance", "a", {}, HK)))
        second = violations(pack.analyze(request("alicloud:ecs/instance:Instance", "b", {}, HK)))
    finally:
        pack.stop()
    message = ("permitguard cannot judge this stack: licence profile /nonexistent/permitguard.yaml: "
               "cannot read: No such file or directory")
    assert [(name, level) for name, level, _ in first] == [
        ("cnlic-100-configuration-unreadable", "advisory"), ("cnlic-101-outside-mainland", "mandatory")]
    assert all(text.endswith(message) for _, _, text in first) and second == []


NOT_SET_ZH = "未在 provider 配置中设置（仅在环境变量中给出的值对策略不可见）"


@pytest.mark.parametrize(("props", "zh"), [
    ({"version": "3.101.0"}, f"{NOT_SET_ZH}: stack config alicloud:region"),
    ({"region": {SECRET[0]: SECRET[1], "value": "cn-hongkong"}}, "为机密值（其值从不显示，因此无法判定）"),
])
def test_provider_region_missing_or_secret_is_explained_in_chinese_too(pack, props, zh):
    """Before: the Chinese line kept the English reason (`stack config … is not set`, `a secret (…)`)."""
    response = pack.analyze(request("alicloud:oss/bucket:Bucket", "b", {}, (HK[0], HK[1], props)))
    [(name, level, text)] = violations(response)
    assert (name, level) == ("cnlic-103-location-unknown", "mandatory")
    chinese = text.splitlines()[2]
    origin = "default provider default_3_101_0, stack config alicloud:region"
    assert f"无法确定资源位置：{zh}（{origin}）" in chinese
    assert "cn-hongkong" not in text


def replaced_provider_steps() -> list[dict]:
    """`pulumi preview --json` of a provider moved from Shenzhen to Hong Kong (create-before-delete)."""
    provider, bucket = STACK + "pulumi:providers:alicloud::main", STACK + "alicloud:oss/bucket:Bucket::b"

    def prov(region):
        return {"urn": provider, "type": "pulumi:providers:alicloud", "custom": True,
                "inputs": {"region": region}}

    new = {"urn": bucket, "type": "alicloud:oss/bucket:Bucket", "custom": True, "inputs": {"bucket": "b"},
           "provider": f"{provider}::{UNKNOWN}"}
    old = {**new, "provider": f"{provider}::old-id"}
    return [
        {"op": "create-replacement", "urn": provider, "newState": prov("cn-hongkong"),
         "oldState": prov("cn-shenzhen")},
        {"op": "replace", "urn": provider, "newState": prov("cn-hongkong"), "oldState": prov("cn-shenzhen")},
        {"op": "create-replacement", "urn": bucket, "provider": new["provider"], "newState": new,
         "oldState": old},
        {"op": "replace", "urn": bucket, "provider": new["provider"], "newState": new, "oldState": old},
        {"op": "delete-replaced", "urn": bucket, "provider": old["provider"], "oldState": old},
        {"op": "delete-replaced", "urn": provider, "oldState": prov("cn-shenzhen")},
    ]


def test_preview_replacement_is_judged_once_on_its_new_state(tmp_path):
    """Before: the bucket passed (its provider's last step, delete-replaced, gave the old Shenzhen region)
    and the provider's findings came twice (create-replacement and replace)."""
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"config": {}, "steps": replaced_provider_steps()}))
    run = cli("scan", str(path), "--format", "json", "--as-of", AS_OF)
    doc = json.loads(run.stdout)
    failed = sorted((f["rule_id"], f["resource"]["address"].rsplit("::", 1)[-1], f["resource"]["region"])
                    for f in doc["findings"] if f["status"] == "failed")
    assert run.exit_status == 1
    assert failed == [("CKV_CNLIC_101", "b", "cn-hongkong"), ("CKV_CNLIC_101", "main", "cn-hongkong"),
                      ("CKV_CNLIC_102", "b", "cn-hongkong"), ("CKV_CNLIC_102", "main", "cn-hongkong"),
                      ("CKV_CNLIC_301", "b", "cn-hongkong")]
    assert doc["summary"]["resources"] == 2


@pytest.mark.parametrize(("change", "reason"), [
    ({"inputs": [1]}, "`inputs` is not an object"),
    ({"provider": 5}, "`provider` is not a provider reference"),
])
def test_malformed_preview_step_is_unusable_input_not_an_internal_error(tmp_path, change, reason):
    urn = STACK + "alicloud:oss/bucket:Bucket::b"
    state = {"urn": urn, "type": "alicloud:oss/bucket:Bucket", "custom": True, "inputs": {}, **change}
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"config": {}, "steps": [{"op": "create", "urn": urn, "newState": state}]}))
    run = cli("scan", str(path))
    assert run.exit_status == 2
    assert run.stderr.strip() == f"permitguard: error: {path}: steps[0] ({urn}): {reason}"


def test_a_resource_differing_only_in_the_reason_it_is_unknown_is_judged_afresh(pack):
    """Before: every Unknown equals every other, so the per-request memo served the first reason again."""
    env_only = request("alicloud:oss/bucket:Bucket", "memo", {}, (HK[0], HK[1], {"version": "3.101.0"}))
    secret = request("alicloud:oss/bucket:Bucket", "memo", {},
                     (HK[0], HK[1], {"region": {SECRET[0]: SECRET[1], "value": "cn-hongkong"}}))
    first, second = violations(pack.analyze(env_only)), violations(pack.analyze(secret))
    assert "not set in the provider configuration" in first[0][2]
    assert [name for name, _, _ in second] == ["cnlic-103-location-unknown"]
    assert "the location cannot be established: a secret (its value is never shown" in second[0][2]
