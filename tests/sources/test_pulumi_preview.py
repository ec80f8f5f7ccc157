"""permitguard.sources.pulumi_preview: `permitguard scan preview.json` on `pulumi preview --json` output."""
from __future__ import annotations

import json

import pytest

from helpers import cli
from permitguard import engine
from permitguard.errors import InputError
from permitguard.model import Action, Status, Unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import detect, readers
from permitguard.sources.documents import Documents
from permitguard.sources.pulumi_preview import read_preview

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
STACK = "urn:pulumi:dev::demo::"
DEFAULT_ALI = STACK + "pulumi:providers:alicloud::default_3_101_0"
HK = {"availabilityZone": "cn-hongkong-b"}
DEFAULT_AWS = STACK + "pulumi:providers:aws::default_7_0_0"
INSTANCE = "alicloud:ecs/instance:Instance"
SIG = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"


def step(op: str, token: str, name: str, inputs: dict, provider: str = "", old: dict | None = None) -> dict:
    urn = f"{STACK}{token}::{name}"
    ref = f"{provider}::{UNKNOWN}" if provider else ""
    out = {"op": op, "urn": urn, "provider": ref}
    state = {"urn": urn, "type": token, "custom": token != "pulumi:pulumi:Stack", "provider": ref}
    if op not in ("delete", "delete-replaced"):
        out["newState"] = {**state, "inputs": inputs}
    if old is not None or op in ("delete", "delete-replaced"):
        out["oldState"] = {**state, "inputs": old or inputs}
    return out


def write(tmp_path, steps: list, config: dict | None = None):
    path = tmp_path / "preview.json"
    doc = {"config": config or {}, "steps": steps, "changeSummary": {"create": len(steps)}}
    path.write_text(json.dumps(doc))
    return path


def by_urn(result) -> dict:
    return {r.address: r for r in result.resources}


def test_steps_become_resources_addressed_by_urn(tmp_path):
    path = write(tmp_path, [step("create", "pulumi:pulumi:Stack", "demo-dev", {}),
                            step("create", INSTANCE, "web",
                                 {"availabilityZone": "cn-shenzhen-a"}, DEFAULT_ALI)])
    result = read_preview(path, types=TYPES)
    assert result.kind == "pulumi_preview" and result.files == 1
    web = by_urn(result)[STACK + "alicloud:ecs/instance:Instance::web"]
    assert web.type == "alicloud:ecs/instance:Instance" and web.source_kind == "pulumi"
    assert web.attributes == {"availability_zone": "cn-shenzhen-a"}
    assert len(result.resources) == 1  # the stack is not a cloud resource


def test_detect_routes_a_preview_document_to_this_reader(tmp_path):
    path = write(tmp_path, [])
    assert detect.kind_of(path, Documents()) == "pulumi_preview"
    assert readers.read(path, TYPES, Documents()).kind == "pulumi_preview"


def test_stack_config_gives_the_default_provider_region(tmp_path):
    path = write(tmp_path, [step("create", "aws:s3/bucket:Bucket", "b", {}, DEFAULT_AWS)],
                 config={"aws:region": "cn-north-1"})
    bucket = read_preview(path, types=TYPES).resources[0]
    assert bucket.provider_region == "cn-north-1"
    assert bucket.provider_region_from == "default provider default_7_0_0, stack config aws:region"


def test_resource_without_provider_reference_uses_the_default_provider_from_config(tmp_path):
    path = write(tmp_path, [step("create", "aws:s3/bucket:Bucket", "b", {})],
                 config={"aws:region": "us-east-1"})
    assert read_preview(path, types=TYPES).resources[0].provider_region == "us-east-1"


def test_provider_step_inputs_give_an_explicit_provider_region(tmp_path):
    hz = STACK + "pulumi:providers:alicloud::hz"
    path = write(tmp_path, [step("create", "pulumi:providers:alicloud", "hz", {"region": "cn-hangzhou"}),
                            step("create", "alicloud:vpc/network:Network", "vpc", {}, hz)],
                 config={"alicloud:region": "cn-hongkong"})
    resources = by_urn(read_preview(path, types=TYPES))
    assert resources[STACK + "alicloud:vpc/network:Network::vpc"].provider_region == "cn-hangzhou"
    assert resources[hz].provider_region == "cn-hangzhou"  # the provider is judged itself


def test_region_set_nowhere_in_the_document_is_unknown(tmp_path):
    path = write(tmp_path, [step("create", "aws:s3/bucket:Bucket", "b", {})])
    bucket = read_preview(path, types=TYPES).resources[0]
    assert isinstance(bucket.provider_region, Unknown)
    assert bucket.provider_region.why.endswith("is invisible to policy): stack config aws:region")


def test_deletes_never_fail(tmp_path, ctx):
    path = write(tmp_path, [step("delete", INSTANCE, "hk", HK, DEFAULT_ALI)])
    resource = read_preview(path, types=TYPES).resources[0]
    assert resource.action is Action.DELETE
    assert {f.status for f in engine.evaluate(resource, ctx)} == {Status.NOT_APPLICABLE}


def test_update_is_judged_on_the_new_state_and_keeps_the_old_one(tmp_path):
    path = write(tmp_path, [step("update", INSTANCE, "web", HK, DEFAULT_ALI,
                                 old={"availabilityZone": "cn-shenzhen-a"})])
    resource = read_preview(path, types=TYPES).resources[0]
    assert resource.action is Action.UPDATE
    assert resource.attributes == {"availability_zone": "cn-hongkong-b"}
    assert resource.before == {"availability_zone": "cn-shenzhen-a"}


def test_secret_inputs_are_unknown(tmp_path):
    secret = {SIG: SECRET_SIG, "ciphertext": "AAABAJ"}
    path = write(tmp_path, [step("create", INSTANCE, "web", {"availabilityZone": secret}, DEFAULT_ALI)])
    assert isinstance(read_preview(path, types=TYPES).resources[0].attributes["availability_zone"], Unknown)


@pytest.mark.parametrize("text, why", [
    ('{"steps": [{"op": "create", "urn": "urn:pulumi:dev::demo::aws:s3/bucket:Bucket::b", "ne', "truncated"),
    ('{"resources": []}', "not a Terraform directory"),
    ('{"steps": {"op": "create"}}', "`steps` is not a list"),
    ('{"steps": [{"op": "create"}]}', "steps[0] is not a preview step"),
    ('{"steps": [{"op": "explode", "urn": "u"}]}', "steps[0] is not a preview step"),
    ('{"steps": [{"op": "create", "urn": "u"}]}', "'u' is not a Pulumi URN"),
    ('{"steps": [{"op": "create", "urn": "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b"}]}', "no `newState`"),
    ('{"steps": [], "config": ["aws:region"]}', "`config` is not an object"),
])
def test_unusable_documents_raise_input_error(tmp_path, text, why):
    path = tmp_path / "preview.json"
    path.write_text(text)
    with pytest.raises(InputError, match=why.replace("[", r"\[").replace("]", r"\]")):
        readers.read(path, TYPES, Documents())


def test_unreadable_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_preview(tmp_path, types=TYPES)


def test_cli_scan_of_a_preview_exits_1_on_a_violation_and_never_shows_secrets(tmp_path):
    secret = {SIG: SECRET_SIG, "plaintext": '"cn-qingdao-b"'}  # as `--show-secrets` writes it
    path = write(tmp_path, [step("create", INSTANCE, "web", HK, DEFAULT_ALI),
                            step("create", INSTANCE, "hidden", {"availabilityZone": secret}, DEFAULT_ALI)],
                 config={"alicloud:region": "cn-shenzhen"})
    run = cli("scan", str(path), "--format", "json", "--as-of", "2026-11-28")
    assert run.exit_status == 1, run.stderr
    failed = {(f["rule_id"], f["resource"]["address"].rsplit("::", 1)[-1])
              for f in json.loads(run.stdout)["findings"] if f["status"] == "failed"}
    assert ("CKV_CNLIC_101", "web") in failed  # "hidden" (a secret zone) is placed by its provider's region
    assert "qingdao" not in run.stdout.lower() and "青岛" not in run.stdout


def test_cli_scan_of_a_compliant_preview_exits_0(tmp_path):
    path = write(tmp_path, [step("create", INSTANCE, "web",
                                 {"availabilityZone": "cn-shenzhen-a"}, DEFAULT_ALI)],
                 config={"alicloud:region": "cn-shenzhen"})
    run = cli("scan", str(path), "--as-of", "2026-11-28")
    assert run.exit_status == 0, run.stdout + run.stderr
