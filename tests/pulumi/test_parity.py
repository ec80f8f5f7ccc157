"""Both doors agree: the pack (gRPC) and `permitguard scan` on the `pulumi preview --json` document built
from the same registrations give the same failed findings, with or without the default provider steps
(then the document's stack `config` gives the default providers' regions)."""
from __future__ import annotations

import json

import mock_programs
import pytest
from mock_programs import AS_OF, expected, normalised, pack_findings

from helpers import cli

NAMES = mock_programs.names()


def scan_findings(tmp_path, program, default_provider_steps: bool) -> set[tuple[str, str]]:
    path = tmp_path / "preview.json"
    path.write_text(json.dumps(mock_programs.preview_document(program, default_provider_steps)))
    run = cli("scan", str(path), "--format", "json", "--as-of", AS_OF)
    assert run.exit_status in (0, 1), run.stderr
    doc = json.loads(run.stdout)
    assert doc["inputs"][0]["kind"] == "pulumi_preview"
    failed = {(f["rule_id"], normalised(f["resource"]["address"]))
              for f in doc["findings"] if f["status"] == "failed"}
    assert (run.exit_status == 1) == bool(failed)
    return failed


@pytest.mark.parametrize("name", NAMES)
def test_pack_and_cli_agree(pack, programs, tmp_path, name):
    program = programs[name]
    pack_failed = {(rule, urn) for rule, urn, _ in pack_findings(pack, program)}
    assert scan_findings(tmp_path, program, default_provider_steps=True) == pack_failed == expected(name)


@pytest.mark.parametrize("name", NAMES)
def test_stack_config_stands_in_for_missing_default_provider_steps(programs, tmp_path, name):
    without_defaults = {(rule, urn) for rule, urn in expected(name) if not urn.endswith("::default")}
    assert scan_findings(tmp_path, programs[name], default_provider_steps=False) == without_defaults
