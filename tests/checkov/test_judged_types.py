"""The Terraform types each Checkov check is registered for (permitguard.checkov.judged_types): the data file
is what the rules' type gates give, and no resource a rule judges is of a type its check is not handed."""
from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from permitguard import engine
from permitguard.checkov import checks, judged_types
from permitguard.context import TypeOf
from permitguard.model import Status
from permitguard.peers import JOINED_KINDS, Peers
from permitguard.rules import RULES
from permitguard.rules.configuration import PART_TYPES
from permitguard.sources import readers
from permitguard.sources.documents import Documents

ROOT = Path(__file__).resolve().parents[2]
TERRAFORM = sorted([p for p in (ROOT / "infra" / "terraform").iterdir() if p.is_dir()]
                   + [p for p in (ROOT / "tests" / "fixtures").glob("CKV_CNLIC_*") if p.is_dir()]
                   + list((ROOT / "tests" / "fixtures").glob("CKV_CNLIC_*/plan.json")))


def test_the_data_file_is_what_the_type_gates_give():
    assert judged_types.load() == judged_types.compute(), (
        "data/checkov_types.json is stale: run `python -m permitguard.checkov.judged_types --write`")


def test_a_rule_is_registered_per_type_only_when_its_gate_spares_every_type_no_catalog_names(ctx):
    registered = judged_types.load()
    assert set(registered) == set(ctx.rules.ids())
    per_type = {rid for rid, types in registered.items() if types != [judged_types.EVERY_TYPE]}
    assert {"CKV_CNLIC_401", "CKV_CNLIC_501", "CKV_CNLIC_603"} <= per_type
    assert "CKV_CNLIC_101" not in per_type and "CKV_CNLIC_201" not in per_type  # every type / unknown types
    for rid in per_type:
        gate = RULES[rid].type_gate
        for made_up in ("alicloud_not_a_type", "aws_not_a_type", "zz_not_a_type", "cloudflare_record"):
            assert gate(TypeOf(made_up, "terraform", ctx.types.get(made_up)), ctx) is not None, (rid, made_up)


def test_an_unreadable_list_registers_every_check_on_every_type():
    assert checks.supported_resources("CKV_CNLIC_401", {}) == ["*"]
    assert checks.supported_resources("CKV_CNLIC_401", {"CKV_CNLIC_401": ["aws_vpn_connection"]}) == [
        "aws_vpn_connection"]


@pytest.mark.parametrize("path", TERRAFORM, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_resource_a_rule_judges_is_of_a_type_its_check_is_handed(ctx, path):
    registered = judged_types.load()
    result = readers.read(path, ctx.types, Documents(), (), None)
    peers = Peers(result.resources, ctx.types) if result.kind in JOINED_KINDS else None
    for resource in result.resources:
        if resource.type in PART_TYPES:
            continue  # module calls and files: the module check
        for f in engine.evaluate(resource, ctx, peers=peers):
            patterns = checks.supported_resources(f.rule_id, registered)
            handed = any(fnmatch.fnmatchcase(resource.type, p) for p in patterns)
            assert handed or f.status is Status.NOT_APPLICABLE, (f.rule_id, resource.address, f.reason)



def test_no_gate_reads_the_licence_profile(ctx):
    """The per-type lists are worked out once with the bundled profile: every gate must answer the same under
    any other permit (here one with other services, accounts, rooms and dates)."""
    from permitguard.context import Context

    other = Context.load(str(ROOT / "tests/fixtures/licenses/other-idc.yaml"), as_of=ctx.as_of, environ={})
    for rid, rule in RULES.items():
        gate = getattr(rule, "type_gate", None)
        if gate is None:
            continue
        for t in judged_types.named_types():
            assert gate(TypeOf(t, "terraform", ctx.types.get(t)), ctx) == gate(
                TypeOf(t, "terraform", other.types.get(t)), other), (rid, t)
