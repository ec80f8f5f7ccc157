"""The example programs of infra/pulumi, run under Pulumi's mocks and fed to the pack over gRPC: the
pack's diagnostics are exactly each program's expected_findings.yaml, each at its rule's default level
(mandatory, advisory for CKV_CNLIC_402/403/601/602/603)."""
from __future__ import annotations

import mock_programs
import pytest
from mock_programs import PROGRAMS, expected, pack_findings

from permitguard.rule_catalog import RuleCatalog

NAMES = mock_programs.names()


def test_every_program_has_its_stack_config_and_expected_findings():
    assert len(NAMES) >= 4
    for name in NAMES:
        assert (PROGRAMS / name / "__main__.py").is_file() and (PROGRAMS / name / "Pulumi.dev.yaml").is_file()
        assert (PROGRAMS / name / "expected_findings.yaml").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_pack_gives_exactly_the_expected_findings(pack, programs, name):
    found = pack_findings(pack, programs[name])
    assert {(rule, urn) for rule, urn, _ in found} == expected(name)
    catalog = RuleCatalog.load()
    assert all(level == catalog[rule].enforcement for rule, _, level in found)


def test_default_providers_are_registered_as_the_engine_registers_them(programs):
    program = programs["alicloud-violating"]
    defaults = [reg for reg, _ in mock_programs.resolved(program) if reg.name.startswith("default_")]
    assert len(defaults) == 1
    assert defaults[0].type == "pulumi:providers:alicloud"
    assert defaults[0].inputs["region"] == "cn-hongkong" and defaults[0].inputs["version"]


def test_programs_use_explicit_providers_and_the_china_partition(programs):
    tokens = {reg.type for program in programs.values() for reg in program.registrations}
    assert {"pulumi:providers:alicloud", "pulumi:providers:aws"} <= tokens
    aws = [reg for reg in programs["aws-china"].registrations if reg.type == "aws:iam/role:Role"]
    assert any("arn:aws-cn:" in reg.inputs["assumeRolePolicy"] for reg in aws)
