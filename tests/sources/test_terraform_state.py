"""read_state: Terraform state → Resources as deployed (terraform.tfstate v4 written by hand; show.json is
real `terraform show -json` of it, Terraform 1.11 + AWS provider 5.100; a real plan's prior_state)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from permitguard.engine import evaluate
from permitguard.errors import InputError
from permitguard.model import Action, Status, is_sensitive, is_unknown
from permitguard.sources import terraform_plan
from permitguard.sources.deployed import as_deployed
from permitguard.sources.pulumi_stack import looks_like_stack_export
from permitguard.sources.terraform_hcl import read_directory
from permitguard.sources.terraform_state import looks_like_state, read_state

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STATE = FIXTURES / "state"
DEPLOYED = {  # every managed instance of terraform.tfstate; data.aws_region.current is read, not judged
    "aws_subnet.beijing", "aws_vpc.hk", "aws_instance.web[0]", "aws_instance.web[1]",
    "aws_instance.web[1] (deposed a1b2c3d4)", "module.data[0].aws_db_instance.db",
    'module.edge["sh"].aws_subnet.edge["a"]', 'module.edge["sh"].aws_subnet.edge["b"]',
}
SECRETS = ("hunter2-s3cret-pw", "zone-owner-secret-tag")


def by_address(name: str) -> dict:
    result = read_state(STATE / name)
    assert result.kind == "terraform_state" and as_deployed(result.kind)  # outputs say "as deployed"
    return {r.address: r for r in result.resources}


@pytest.mark.parametrize("name", ["terraform.tfstate", "show.json"])
def test_every_instance_is_read_as_deployed(name):
    found = by_address(name)
    assert set(found) == DEPLOYED
    assert {r.action for r in found.values()} == {Action.NOOP}
    assert found["aws_subnet.beijing"].attributes["availability_zone"] == "cn-north-1a"
    assert found["aws_subnet.beijing"].cloud == "aws"


def test_raw_state_names_the_provider_configuration_and_locates_by_attributes_only():
    found = by_address("terraform.tfstate")
    hk = found["aws_vpc.hk"]
    assert is_unknown(hk.provider_region)  # a state records no provider region
    assert hk.provider_region_from == 'provider["registry.terraform.io/hashicorp/aws"].hk (Terraform state)'
    assert found["module.data[0].aws_db_instance.db"].provider_region_from.startswith("module.data.provider[")


def test_sensitive_attributes_are_judged_but_never_shown(ctx):
    for name in ("terraform.tfstate", "show.json"):
        db = by_address(name)["module.data[0].aws_db_instance.db"]
        assert is_sensitive(db.attributes["password"]) and is_sensitive(db.attributes["tags"]["owner"])
        assert not is_sensitive(db.attributes["tags"]["license-service"])
        assert set(SECRETS) <= db.hidden
        texts = json.dumps([[f.message_en, f.message_zh, f.region, f.zone, f.room, f.service]
                            for r in by_address(name).values() for f in evaluate(r, ctx)], ensure_ascii=False)
        assert not any(s in texts for s in SECRETS)


def verdicts(resource, ctx) -> dict[str, Status]:
    return {f.rule_id: f.status for f in evaluate(resource, ctx)}


def test_verdicts_match_the_configuration_for_resources_located_by_their_own_zone(ctx):
    hcl = {r.address: r for r in read_directory(STATE / "config", types=ctx.types).resources}
    for name in ("terraform.tfstate", "show.json"):
        state = by_address(name)
        for address in ("aws_subnet.beijing", "aws_instance.web[0]", "aws_instance.web[1]"):
            assert verdicts(state[address], ctx) == verdicts(hcl[address], ctx), (name, address)
        assert verdicts(state["aws_instance.web[1]"], ctx)["CKV_CNLIC_101"] is Status.FAILED  # Hong Kong
        deposed = state["aws_instance.web[1] (deposed a1b2c3d4)"]
        assert verdicts(deposed, ctx)["CKV_CNLIC_101"] is Status.FAILED


def test_a_resource_with_no_location_of_its_own_fails_closed(ctx):
    found = {f.rule_id: f for f in evaluate(by_address("terraform.tfstate")["aws_vpc.hk"], ctx)}
    assert found["CKV_CNLIC_103"].status is Status.FAILED
    assert "Terraform state" in found["CKV_CNLIC_103"].message_en


def test_a_real_plans_prior_state_reads_like_the_state_file(tmp_path):
    plan = json.loads((FIXTURES / "CKV_CNLIC_101" / "plan.json").read_text())
    shown = {"format_version": "1.0", "terraform_version": plan["terraform_version"],
             "values": plan["prior_state"]["values"]}
    (tmp_path / "state.json").write_text(json.dumps(shown))
    from_plan = {r.address for r in read_state(tmp_path / "state.json").resources}
    raw = {r.address for r in read_state(FIXTURES / "plan_sources/CKV_CNLIC_101/prior-state.json").resources}
    assert from_plan == raw and from_plan


def test_sniffing_tells_states_from_plans_and_stack_exports():
    plan = json.loads((FIXTURES / "CKV_CNLIC_101" / "plan.json").read_text())
    assert not looks_like_state(plan)  # a plan carries prior_state, but is read as a plan
    for name in ("terraform.tfstate", "show.json"):
        doc = json.loads((STATE / name).read_text())
        assert looks_like_state(doc) and not looks_like_stack_export(doc)
    assert not as_deployed(terraform_plan.read_plan(FIXTURES / "CKV_CNLIC_101" / "plan.json").kind)
    with pytest.raises(InputError, match="a Terraform state, not a plan"):
        terraform_plan.read_plan(STATE / "show.json")  # so a state must be sniffed before a plan


def raw(*resources) -> dict:
    return {"version": 4, "serial": 1, "lineage": "x", "resources": list(resources)}


def vpc(**changes) -> dict:
    base = {"mode": "managed", "type": "aws_vpc", "name": "v",
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [{"attributes": {"cidr_block": "10.0.0.0/16"}, "sensitive_attributes": []}]}
    return {**base, **changes}


@pytest.mark.parametrize("doc, why", [
    (raw(vpc(mode="ephemeral")), "mode 'ephemeral'"),
    (raw(vpc(provider="aws")), "not a provider configuration address"),
    (raw(vpc(module="modules/net")), "not a module address"),
    (raw(vpc(each="set")), "`each` 'set'"),
    (raw(vpc(instances={"0": {}})), "`instances` is not a list"),
    (raw(vpc(each="list", instances=[{"index_key": "a", "attributes": {}}])), "does not fit `each`"),
    (raw(vpc(instances=[{"attributes": [1]}])), "`attributes` is a list"),
    (raw(vpc(instances=[{"attributes": {}, "sensitive_attributes": [["password"]]}])), "not a path"),
    (raw(vpc(instances=[{"attributes": {}, "status": "gone"}])), "`status` 'gone'"),
    (raw(vpc(instances=[{"attributes_flat": {"id": "x"}}])), "attributes_flat"),
    (raw(vpc(instances=[7])), "not an object"),
    (raw(17), "not an object"),
    ({"format_version": "1.0", "values": {"root_module": {"resources": [{"mode": "data"}]}}}, "no `address`"),
    ({"format_version": "1.0", "values": {"root_module": {"resources": [
        {"address": "a.b", "mode": "managed", "type": "a", "values": "x"}]}}}, "`values` is a string"),
    ({"format_version": "1.0", "values": {"root_module": {"child_modules": [3]}}}, "module that is not"),
])
def test_entries_terraform_does_not_write_are_could_not_evaluate_parts(tmp_path, ctx, doc, why):
    (tmp_path / "s.json").write_text(json.dumps(doc))
    (part,) = read_state(tmp_path / "s.json").resources
    assert part.type == terraform_plan.PART and why in part.attributes["why"]
    found = {f.rule_id: f for f in evaluate(part, ctx)}
    assert found["CKV_CNLIC_100"].status is Status.FAILED and why in found["CKV_CNLIC_100"].message_en
    assert {f.status for r, f in found.items() if r != "CKV_CNLIC_100"} == {Status.NOT_APPLICABLE}


def test_a_repeated_address_is_judged_twice_and_named():
    doc = raw(vpc(), vpc())
    path = Path(__import__("tempfile").mkdtemp()) / "s.json"
    path.write_text(json.dumps(doc))
    found = [r.address for r in read_state(path).resources]
    assert found[0] == "aws_vpc.v" and "aws_vpc.v (resources[1].instances[0])" in found
    assert any(a.startswith("resources[1].instances[0] (aws_vpc.v)") for a in found)


def test_a_for_each_key_is_quoted_as_terraform_quotes_it(tmp_path):
    key = 'é "q"\\'  # `terraform show -json` of such a state: module.edge["sh"].aws_subnet.edge["é \"q\"\\"]
    instances = [{"index_key": key, "attributes": {}}]
    (tmp_path / "s.json").write_text(json.dumps(raw(vpc(each="map", instances=instances))))
    (r,) = read_state(tmp_path / "s.json").resources
    assert r.address == 'aws_vpc.v["é \\"q\\"\\\\"]'


def test_sensitive_paths_into_lists_and_sets_mark_what_they_lead_to(tmp_path):
    index = {"type": "index", "value": {"value": 1, "type": "number"}}
    element = {"type": "index", "value": {"value": {"k": "v"}, "type": ["object", {"k": "string"}]}}
    attrs = {"ingress": [{"cidr": "10.0.0.0/8"}, {"cidr": "192.168.7.0/24"}], "set": [{"k": "v"}], "a": "x"}
    paths = [[{"type": "get_attr", "value": "ingress"}, index, {"type": "get_attr", "value": "cidr"}],
             [{"type": "get_attr", "value": "set"}, element]]
    (tmp_path / "s.json").write_text(json.dumps(raw(vpc(instances=[
        {"attributes": attrs, "sensitive_attributes": paths}]))))
    (r,) = read_state(tmp_path / "s.json").resources
    first, second = r.attributes["ingress"]
    assert not is_sensitive(first["cidr"]) and is_sensitive(second["cidr"])
    assert is_sensitive(r.attributes["set"][0]["k"]) and not is_sensitive(r.attributes["a"])
    assert r.hidden == {"192.168.7.0/24", "v"}


def test_tainted_and_whole_number_keys_are_read_as_terraform_reads_them(tmp_path):
    (tmp_path / "s.json").write_text(json.dumps(raw(vpc(each="list", instances=[
        {"index_key": 2.0, "status": "tainted", "attributes": {}},
        {"index_key": 2, "deposed": "toolong99", "attributes": {}}]))))
    found = [r.address for r in read_state(tmp_path / "s.json").resources]
    assert found[0] == "aws_vpc.v[2]"
    assert found[1].startswith("resources[0].instances[1] (aws_vpc.v)")  # Terraform's keys are 8 characters


@pytest.mark.parametrize("text, why", [
    ('{"version": 4, "resources": [', "not valid JSON"),
    ('{"version": 3, "serial": 1, "modules": []}', "format version 3"),
    ('{"version": 4, "resources": {}}', "`resources` is not a list"),
    ('{"format_version": "2.0", "values": {}}', "format_version '2.0'"),
    ('{"format_version": "1.0", "values": []}', "`values` is not an object"),
    ('{"format_version": "1.0", "values": {}}', "not a Terraform state: `values` has no `root_module`"),
    ('{"version": 4, "serial": 1e999}', "not a JSON number"),
    ('{"version": 4, "serial": ' + "9" * 5000 + "}", "digits"),
    ('{"version": 4, "resources": [' + "[" * 100000 + "]" * 100000 + "]}", "too deeply"),
    ('[1, 2]', "not a Terraform state"),
    ('{"lineage": "x"}', "not a Terraform state"),
])
def test_unusable_documents_are_one_line(tmp_path, text, why):
    (tmp_path / "s.json").write_text(text)
    with pytest.raises(InputError) as err:
        read_state(tmp_path / "s.json")
    assert why in str(err.value) and "\n" not in str(err.value)


def test_deeply_nested_values_json_can_hold_are_read(tmp_path):
    deep = {"a": None}
    for _ in range(600):
        deep = {"a": deep}
    doc = raw(vpc(instances=[{"attributes": {"tags": deep}, "sensitive_attributes": []}]))
    (tmp_path / "s.json").write_text(json.dumps(doc))
    assert {r.address for r in read_state(tmp_path / "s.json").resources} == {"aws_vpc.v"}


def test_checkov_reads_no_resource_of_either_state_shape():
    """Why the README sends auditors to `permitguard scan`: Checkov's plan runner finds nothing to check in
    a state (no resource, no error), so a Checkov run over one passes silently."""
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.plan_runner import Runner

    for name in ("terraform.tfstate", "show.json"):
        report = Runner().run(root_folder=None, files=[str(STATE / name)], runner_filter=RunnerFilter(
            framework=["terraform_plan"], download_external_modules=False))
        assert not report.resources and not report.passed_checks and not report.failed_checks
        assert not report.parsing_errors
