"""`permitguard license validate` (permitguard.cli.license_cmd): the permit accepted, every error with its
path."""

from __future__ import annotations

from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def test_license_validate_accepts_the_permit():
    run = cli("license", "validate", PROFILE)
    assert run.exit_status == 0
    assert "valid licence profile for B1-20195402" in run.stdout


def test_license_validate_prints_every_error_with_its_path(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "license: {number: X, services: {idc: {code: B11, coverage: {cities: []}}}}\n"
        "organization: {accounts: {aws: [1]}}\n",
        encoding="utf-8",
    )
    run = cli("license", "validate", str(bad))
    assert run.exit_status == 2 and run.stdout == ""
    assert "license: 'holder' is a required property" in run.stderr
    assert "license.number: 'X' does not match" in run.stderr
    assert "organization.accounts.aws[0]: 1 is not of type 'string'" in run.stderr
    assert "Traceback" not in run.stderr
