"""Unusable options and outputs are one `permitguard: error:` line; an input named twice is judged once."""
from __future__ import annotations

import json
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")
PLAN = str(ROOT / "tests/fixtures/CKV_CNLIC_101/plan.json")
VIOLATING = str(ROOT / "infra/terraform/alicloud-violating")
SCAN = str(ROOT / "tests/fixtures/report/scan.json")


def test_an_output_that_cannot_be_written_is_unusable_input(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    out = str(tmp_path / "file" / "deeper" / "scan.json")
    for args in (["scan", PLAN, "--format", "json", "--output", out], ["scan", PLAN, "--json-output", out],
                 ["report", SCAN, "--output", out], ["scan", PLAN, "--output", str(tmp_path)]):
        run = cli(*args, "--license", PROFILE)
        assert run.exit_status == 2, args
        assert run.stderr.startswith("permitguard: error: ") and run.stderr.count("\n") == 1, run.stderr
        assert ": cannot write: " in run.stderr


def test_a_malformed_as_of_from_the_environment_is_unusable_input():
    for command in (["scan", PLAN], ["report", SCAN]):
        run = cli(*command, "--license", PROFILE, environ={"PERMITGUARD_AS_OF": "2026-02-30"})
        assert (run.exit_status, run.stderr) == (
            2, "permitguard: error: $PERMITGUARD_AS_OF '2026-02-30' is not a date (YYYY-MM-DD)\n")


def _scan(*paths: str) -> dict:
    run = cli("scan", *paths, "--license", PROFILE, "--format", "json", "--as-of", "2026-11-28",
              "--generated-at", "2026-11-28T00:00:00Z")
    assert run.exit_status == 1, run.stderr
    return json.loads(run.stdout)


def test_an_input_named_twice_is_judged_once():
    once = _scan(VIOLATING)
    twice = _scan(VIOLATING, VIOLATING + "/", VIOLATING + "/main.tf")
    assert twice["findings"] == once["findings"] and twice["summary"] == once["summary"]
    assert [i["path"] for i in twice["inputs"]] == [VIOLATING, VIOLATING + "/main.tf"]
    assert _scan(PLAN, PLAN)["summary"] == _scan(PLAN)["summary"]
