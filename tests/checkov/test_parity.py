"""Checkov and the CLI path (read_directory / read_plan + engine.evaluate) agree on every fixture:
the same (rule, address, status) set, not-applicable left out (Checkov does not report it) and
suppressed findings compared as SKIPPED."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import cli_results
from permitguard.context import Context
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.terraform_hcl import read_directory
from permitguard.sources.terraform_plan import read_plan

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

RULE_DIRS = sorted(
    p for p in (Path(__file__).resolve().parents[1] / "fixtures").glob("CKV_CNLIC_*") if p.is_dir()
)
TARGETS = [(d.name, "hcl") for d in RULE_DIRS] + [
    (d.name, "plan") for d in RULE_DIRS if (d / "plan.json").is_file()
]


@pytest.mark.parametrize(("folder", "kind"), TARGETS, ids=[f"{f}-{k}" for f, k in TARGETS])
def test_checkov_and_cli_agree(checkov_runs, change_date, folder, kind):
    path = next(d for d in RULE_DIRS if d.name == folder)
    source = read_plan(path / "plan.json") if kind == "plan" else read_directory(path, types=TYPES)
    ctx = Context.load(as_of=change_date(folder), environ={}, cwd=str(Path(__file__).parent))
    assert checkov_runs[(folder, kind)].results == cli_results(source, ctx)
