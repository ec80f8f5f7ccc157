"""`scan plan.json --repo-root-for-plan-enrichment DIR`: plan findings point at the .tf lines that declare
them and honour the configuration's `checkov:skip` comments, as Checkov does with the same option."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests/fixtures/CKV_CNLIC_101/plan.json"
SOURCE = ROOT / "tests/fixtures/plan_sources/CKV_CNLIC_101"
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def _config_with_a_skip(tmp_path: Path) -> Path:
    config = tmp_path / "config"
    shutil.copytree(SOURCE, config)
    main = config / "main.tf"
    main.write_text(
        main.read_text().replace(
            'resource "aws_vpc" "fail_hk" {',
            'resource "aws_vpc" "fail_hk" {\n  # checkov:skip=CKV_CNLIC_101:exit approved, ticket OPS-7',
        ),
        encoding="utf-8",
    )
    return config


def _findings(run) -> dict[tuple[str, str], dict]:
    return {(f["rule_id"], f["resource"]["address"]): f for f in json.loads(run.stdout)["findings"]}


def test_plan_findings_get_the_declaring_file_and_line_and_its_suppressions(tmp_path):
    config = _config_with_a_skip(tmp_path)
    run = cli(
        "scan",
        str(PLAN),
        "--license",
        PROFILE,
        "--format",
        "json",
        "--as-of",
        "2026-11-28",
        "--repo-root-for-plan-enrichment",
        str(config),
    )
    found = _findings(run)
    hk = found[("CKV_CNLIC_101", "aws_vpc.fail_hk")]
    assert (hk["status"], hk["suppressed"]) == ("failed", "exit approved, ticket OPS-7")
    assert (hk["resource"]["file"], hk["resource"]["line"]) == (f"{config}/main.tf", 57)
    counted = found[("CKV_CNLIC_101", "aws_vpc.pass_counted[1]")]["resource"]
    assert counted["file"] == f"{config}/main.tf" and isinstance(counted["line"], int)
    assert found[("CKV_CNLIC_102", "aws_vpc.fail_hk")]["suppressed"] is None  # only the rule named


def test_without_enrichment_plan_findings_point_at_the_plan_and_nothing_is_suppressed(tmp_path):
    found = _findings(
        cli("scan", str(PLAN), "--license", PROFILE, "--format", "json", "--as-of", "2026-11-28")
    )
    hk = found[("CKV_CNLIC_101", "aws_vpc.fail_hk")]
    assert (hk["suppressed"], hk["resource"]["file"], hk["resource"]["line"]) == (None, str(PLAN), None)
