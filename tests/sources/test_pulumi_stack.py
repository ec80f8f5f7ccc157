"""read_stack_export: `pulumi stack export` → Resources as deployed. The fixtures are exports of the example
programs (infra/pulumi) run under Pulumi's mocks (tests/pulumi/mock_programs.stack_export)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from permitguard.engine import evaluate
from permitguard.errors import InputError
from permitguard.model import Action, Status, is_sensitive, is_unknown
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import terraform_plan
from permitguard.sources.deployed import as_deployed
from permitguard.sources.pulumi_preview import read_preview
from permitguard.sources.pulumi_stack import looks_like_stack_export, read_stack_export
from permitguard.sources.terraform_state import looks_like_state

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pulumi"))
import mock_programs  # noqa: E402

pytestmark = [pytest.mark.filterwarnings(f"ignore::DeprecationWarning:{package}.*")
              for package in ("pulumi_aws", "pulumi_azure", "pulumi_alicloud")]

TYPES = ResourceTypeCatalog.load()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pulumi_stack"
SHOWN = FIXTURES / "alicloud-violating.show-secrets.json"  # `pulumi stack export --show-secrets`
SECRET_ZONE = "urn:pulumi:dev::alicloud-violating::alicloud:ecs/instance:Instance::secret-zone"


@pytest.fixture(scope="module")
def programs():
    return {name: mock_programs.run(mock_programs.PROGRAMS / name) for name in mock_programs.names()}


def by_urn(doc: dict) -> dict:
    """The export's resources by URN (the mocks resolve outputs concurrently: registration order varies)."""
    return {e["urn"]: e for e in doc["deployment"]["resources"]}


def test_fixtures_are_the_exports_of_the_example_programs(programs):
    for name, program in programs.items():
        assert by_urn(json.loads((FIXTURES / f"{name}.json").read_text())) == by_urn(
            mock_programs.stack_export(program))
    shown = mock_programs.stack_export(programs["alicloud-violating"], show_secrets=True)
    assert by_urn(json.loads(SHOWN.read_text())) == by_urn(shown)


def findings(resources, ctx) -> dict[str, set[tuple[str, Status]]]:
    return {r.address: {(f.rule_id, f.status) for f in evaluate(r, ctx)} for r in resources}


@pytest.mark.parametrize("name", mock_programs.names())
def test_every_resource_is_judged_as_its_preview_is(tmp_path, ctx, programs, name):
    (tmp_path / "preview.json").write_text(json.dumps(mock_programs.preview_document(programs[name])))
    preview = findings(read_preview(tmp_path / "preview.json", types=TYPES).resources, ctx)
    result = read_stack_export(FIXTURES / f"{name}.json", types=TYPES)
    assert result.kind == "pulumi_stack" and as_deployed(result.kind)  # outputs say "as deployed"
    assert {r.action for r in result.resources} == {Action.NOOP}
    assert findings(result.resources, ctx) == preview


def test_every_exported_resource_is_accounted_for():
    doc = json.loads((FIXTURES / "aws-china.json").read_text())
    read = {r.address for r in read_stack_export(FIXTURES / "aws-china.json", types=TYPES).resources}
    exported = {e["urn"] for e in doc["deployment"]["resources"]}
    left = exported - read  # the stack and components (nothing to locate) and providers setting no region
    assert all(not e["custom"] or e["type"].startswith("pulumi:providers:")
               for e in doc["deployment"]["resources"] if e["urn"] in left)
    assert read <= exported and read


def test_encrypted_secrets_are_unknown_and_shown_secrets_are_judged_never_shown(ctx):
    exported = read_stack_export(FIXTURES / "alicloud-violating.json", types=TYPES)
    hidden = {r.address: r for r in exported.resources}
    assert is_unknown(hidden[SECRET_ZONE].attributes["availability_zone"])
    shown = {r.address: r for r in read_stack_export(SHOWN, types=TYPES).resources}
    zone = shown[SECRET_ZONE].attributes["availability_zone"]
    assert is_sensitive(zone) and zone == "cn-shenzhen-a" and "cn-shenzhen-a" in shown[SECRET_ZONE].hidden
    found = evaluate(shown[SECRET_ZONE], ctx)
    assert {f.rule_id: f.status for f in found}["CKV_CNLIC_101"] is Status.PASSED  # judged on the value
    text = json.dumps([[f.message_en, f.message_zh, f.region, f.zone] for f in found], ensure_ascii=False)
    assert "cn-shenzhen-a" not in text and "(sensitive)" in text


def export(*resources, **deployment) -> dict:
    return {"version": 3, "deployment": {"manifest": {}, "resources": list(resources), **deployment}}


PROVIDER = {"urn": "urn:pulumi:dev::p::pulumi:providers:alicloud::hk", "custom": True,
            "type": "pulumi:providers:alicloud", "id": "1", "inputs": {"region": "cn-hongkong"}}


def vpc(**changes) -> dict:
    return {"urn": "urn:pulumi:dev::p::alicloud:vpc/network:Network::v", "custom": True,
            "type": "alicloud:vpc/network:Network", "inputs": {"cidrBlock": "10.0.0.0/8"}, "outputs": {},
            "provider": PROVIDER["urn"] + "::1", **changes}


def read(tmp_path, doc) -> dict:
    (tmp_path / "s.json").write_text(json.dumps(doc))
    return {r.address: r for r in read_stack_export(tmp_path / "s.json", types=TYPES).resources}


def test_an_explicit_provider_locates_and_the_pending_delete_copy_is_judged(tmp_path, ctx):
    found = read(tmp_path, export(PROVIDER, vpc(), vpc(delete=True)))
    assert set(found) == {PROVIDER["urn"], vpc()["urn"], vpc()["urn"] + " (pending delete)"}
    for r in found.values():
        assert {f.rule_id: f.status for f in evaluate(r, ctx)}["CKV_CNLIC_101"] is Status.FAILED  # Hong Kong


def test_a_provider_awaiting_deletion_never_stands_for_its_live_replacement(tmp_path, ctx):
    old = {**PROVIDER, "delete": True, "inputs": {"region": "cn-shanghai"}}
    found = read(tmp_path, export(PROVIDER, vpc(), old))  # the old copy listed last
    assert {f.rule_id: f.status for f in evaluate(found[vpc()["urn"]], ctx)}["CKV_CNLIC_101"] is Status.FAILED
    assert PROVIDER["urn"] + " (pending delete)" in found


def test_a_read_resource_is_not_judged_and_a_missing_provider_fails_closed(tmp_path, ctx):
    found = read(tmp_path, export(vpc(external=True), vpc(urn=vpc()["urn"] + "2")))
    assert {f.status for f in evaluate(found[vpc()["urn"]], ctx)} == {Status.NOT_APPLICABLE}
    located = {f.rule_id: f.status for f in evaluate(found[vpc()["urn"] + "2"], ctx)}
    assert located["CKV_CNLIC_103"] is Status.FAILED


@pytest.mark.parametrize("entry, why", [
    (7, "not an object"),
    (vpc(urn="vpc"), "not a Pulumi URN"),
    (vpc(type=None), "no `type`"),
    (vpc(inputs=[1]), "`inputs` is not an object"),
    (vpc(provider=5), "`provider` is not a string"),
    (vpc(custom="yes"), "`custom` is not a boolean"),
])
def test_entries_pulumi_does_not_write_are_could_not_evaluate_parts(tmp_path, ctx, entry, why):
    (part,) = read(tmp_path, export(entry)).values()
    assert part.type == terraform_plan.PART and why in part.attributes["why"]
    assert {f.rule_id: f.status for f in evaluate(part, ctx)}["CKV_CNLIC_100"] is Status.FAILED


def test_pending_operations_are_parts(tmp_path, ctx):
    found = read(tmp_path, export(PROVIDER, pending_operations=[{"resource": vpc(), "type": "creating"}]))
    (part,) = [r for r in found.values() if r.type == terraform_plan.PART]
    assert "'creating'" in part.attributes["why"] and vpc()["urn"] in part.address


@pytest.mark.parametrize("text, why", [
    ('{"version": 3, "deployment": {"resources": [', "not valid JSON"),
    ('{"version": 2, "deployment": {}}', "version 2"),
    ('{"version": 3, "deployment": []}', "`deployment` is not an object"),
    ('{"version": 3, "deployment": {"resources": {}}}', "must be lists"),
    ('{"version": 3, "deployment": {"resources": [' + "[" * 100000 + "]" * 100000 + "]}}", "too deeply"),
    ('{"version": 3, "deployment": {"x": NaN}}', "not a JSON number"),
    ('{"deployment": {}}', "not a `pulumi stack export`"),
])
def test_unusable_documents_are_one_line(tmp_path, text, why):
    (tmp_path / "s.json").write_text(text)
    with pytest.raises(InputError) as err:
        read_stack_export(tmp_path / "s.json", types=TYPES)
    assert why in str(err.value) and "\n" not in str(err.value)


def test_sniffing_tells_stack_exports_from_previews_and_states(programs):
    doc = json.loads((FIXTURES / "aws-china.json").read_text())
    assert looks_like_stack_export(doc) and not looks_like_state(doc)
    assert not looks_like_stack_export(mock_programs.preview_document(programs["aws-china"]))


@pytest.mark.parametrize("name", ["components-aws", "packages-alicloud"])
def test_components_and_further_packages_are_judged_as_their_previews(tmp_path, ctx, name):
    """The adversarial programs (component resources, packages the catalog does not list), exported."""
    program = mock_programs.run(Path(__file__).resolve().parents[1] / "pulumi" / "programs" / name)
    (tmp_path / "preview.json").write_text(json.dumps(mock_programs.preview_document(program)))
    (tmp_path / "export.json").write_text(json.dumps(mock_programs.stack_export(program)))
    preview = findings(read_preview(tmp_path / "preview.json", types=TYPES).resources, ctx)
    exported = read_stack_export(tmp_path / "export.json", types=TYPES)
    assert findings(exported.resources, ctx) == preview and preview
