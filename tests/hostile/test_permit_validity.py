"""CKV_CNLIC_701 (SP-12): a permit not yet valid or expired on the change date fails every located
resource (mandatory) in all three front doors; in the renewal window (the last renewal_notice_days before
expiry) the rule passes with the deadline in its message and every CLI output carries one scan-level
advisory; `license validate` says which. Bundled permit: valid 2024-09-10 → 2029-07-25, renewal by
2029-04-26."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import cli
from hostile.support import BUNDLED, ROOT, checkov_suite, edit, pack_client, profile, scan, write_tf

RULE = "CKV_CNLIC_701"
POLICY = "cnlic-701-permit-not-in-force"
TF = '''provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_instance" "web" {
  availability_zone = "cn-beijing-h"
  instance_type     = "ecs.g7.large"
}

resource "alicloud_ram_role" "ops" {
  name     = "ops"
  document = "{\\"Statement\\": []}"
}
'''

DATES = {
    # change date: (exit status, 701 verdict on the located instance, scan-level advisory reason or None)
    "2024-09-09": (1, ("failed", "not_yet_valid"), "not_yet_valid"),
    "2024-09-10": (0, ("passed", "valid"), None),
    "2026-11-28": (0, ("passed", "valid"), None),
    "2029-04-25": (0, ("passed", "valid"), None),
    "2029-04-26": (0, ("passed", "renewal_window"), "renewal_window"),
    "2029-07-25": (0, ("passed", "renewal_window"), "renewal_window"),
    "2029-07-26": (1, ("failed", "expired"), "expired"),
    "2031-01-01": (1, ("failed", "expired"), "expired"),
}


@pytest.fixture(scope="module")
def terraform(tmp_path_factory) -> Path:
    return write_tf(tmp_path_factory.mktemp("validity") / "tf", TF)


@pytest.mark.parametrize("day", DATES)
def test_cli_scan_judges_the_permit_on_the_change_date(terraform, day):
    status, verdict, notice = DATES[day]
    result = scan(terraform, "--license", str(BUNDLED), "--as-of", day)
    web = result.finding(RULE, "alicloud_instance.web")
    assert (result.exit_status, (web["status"], web["reason"])) == (status, verdict)
    assert result.finding(RULE, "alicloud_ram_role.ops")["status"] == "not_applicable"  # no location
    assert [a["reason"] for a in result.doc.get("advisories", [])] == ([notice] if notice else [])
    if verdict[0] == "failed":
        assert web["enforcement"] == "mandatory" and web["clauses"] == ["SP-12"]


def test_renewal_window_message_and_advisory_carry_the_deadline(terraform):
    result = scan(terraform, "--license", str(BUNDLED), "--as-of", "2029-05-01")
    web = result.finding(RULE, "alicloud_instance.web")
    assert "renewal was due by 2029-04-26" in web["message"]["en"]
    assert "应于 2029-04-26 前" in web["message"]["zh"]
    (notice,) = result.doc["advisories"]
    assert (notice["rule_id"], notice["enforcement"], notice["deadline"]) == (RULE, "advisory", "2029-04-26")
    assert "85 days after the change date 2029-05-01" in notice["message"]["en"]
    assert result.doc["summary"]["findings"]["blocking"] == 0  # an advisory, not a finding


def test_text_summary_and_findings_document_carry_the_advisory(terraform, tmp_path):
    out = tmp_path / "scan.json"
    run = cli("scan", str(terraform), "--license", str(BUNDLED), "--as-of", "2029-05-01",
              "--json-output", str(out))
    assert run.exit_status == 0
    assert "advisory CKV_CNLIC_701: Permit B1-20195402 expires on 2029-07-25" in run.stdout
    from permitguard import datafiles
    assert datafiles.schema_errors("findings.schema.json", json.loads(out.read_text())) == []
    report = cli("report", str(out), "--format", "text")
    assert "advisory CKV_CNLIC_701" in report.stdout and "2029-04-26" in report.stdout


@pytest.mark.parametrize(("day", "status", "words"), [
    ("2026-11-28", 0, "permit B1-20195402 is in force on 2026-11-28"),
    ("2029-05-01", 0, "warning: CKV_CNLIC_701: Permit B1-20195402 expires on 2029-07-25"),
    ("2029-07-26", 1, "error: CKV_CNLIC_701: Permit B1-20195402 expired on 2029-07-25"),
    ("2024-01-01", 1, "error: CKV_CNLIC_701: Permit B1-20195402 is valid from 2024-09-10"),
])
def test_license_validate_says_whether_the_permit_is_in_force(day, status, words):
    run = cli("license", "validate", str(BUNDLED), "--as-of", day)
    assert run.exit_status == status and words in run.stdout + run.stderr
    assert "renewal due by 2029-04-26" in run.stdout


def test_license_validate_takes_the_date_from_the_environment():
    run = cli("license", "validate", str(BUNDLED), environ={"PERMITGUARD_AS_OF": "2030-01-01"})
    assert run.exit_status == 1 and "expired on 2029-07-25" in run.stderr


# ---- Checkov ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "result"), [("2029-07-26", "FAILED"), ("2029-05-01", "PASSED"),
                                             ("2024-09-09", "FAILED")])
def test_checkov_check_fails_the_located_resource_outside_validity(terraform, monkeypatch, day, result):
    helpers = checkov_suite()
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", day)
    monkeypatch.chdir(ROOT)
    outcome = helpers.run_checkov(terraform)
    assert outcome.parsing_errors == []
    assert {(a, r) for c, a, r in outcome.results if c == RULE} == {("alicloud_instance.web", result)}
    if result == "FAILED":
        details = " ".join(outcome.details[(RULE, "alicloud_instance.web")])
        assert "permit B1-20195402" in details and "Enforcement: mandatory" in details


# ---- Pulumi pack ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pack_at():
    Pack = pack_client().Pack

    started: dict[str, object] = {}

    def start(day: str):
        if day not in started:
            pack = Pack.start(env={"PERMITGUARD_AS_OF": day, "PERMITGUARD_LICENSE": ""})
            pack.configure_stack()
            pack.configure({})
            started[day] = pack
        return started[day]

    yield start
    for pack in started.values():
        pack.stop()


@pytest.mark.parametrize(("day", "violated"), [("2029-07-26", True), ("2029-05-01", False),
                                               ("2024-09-09", True)])
def test_pulumi_pack_reports_a_mandatory_violation_outside_validity(pack_at, day, violated):
    request, violations = pack_client().request, pack_client().violations
    instance = request("alicloud:ecs/instance:Instance", "web", {"availabilityZone": "cn-beijing-h"},
                       ("pulumi:providers:alicloud", "bj", {"region": "cn-beijing"}))
    found = [(level, message) for name, level, message in violations(pack_at(day).analyze(instance))
             if name == POLICY]
    assert bool(found) is violated
    if violated:
        ((level, message),) = found
        assert level == "mandatory" and "permit B1-20195402" in message and "SP-12" in message


def test_the_clause_matrix_puts_701_under_sp12(terraform):
    run = cli("scan", str(terraform), "--license", str(BUNDLED), "--as-of", "2029-08-01",
              "--format", "markdown")
    (row,) = [line for line in run.stdout.splitlines() if line.startswith("| **SP-12**")]
    assert "`CKV_CNLIC_701` 0/1/0/1" in row and "FAIL" in row


def test_dates_at_the_edge_of_the_calendar_are_judged_not_crashed(tmp_path):
    """A permit of year 1 with a 90-day notice: the deadline would fall before 0001-01-01."""
    text = edit("  expires: 2029-07-25", "  expires: 0001-01-02")
    text = edit("  issued: 2024-09-10", "  issued: 0001-01-01", text)
    example = ROOT / "infra" / "terraform" / "alicloud-compliant"
    result = scan(example, "--license", str(profile(tmp_path, text)), "--as-of", "2026-11-28")
    assert result.exit_status == 1
    reasons = {f["reason"] for f in result.doc["findings"] if f["rule_id"] == "CKV_CNLIC_701"}
    assert reasons == {"expired", "global_type"}  # every located resource fails; a RAM role has no place
