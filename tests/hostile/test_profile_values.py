"""Values that parse as YAML but are no value the profile can hold: impossible dates, integers too big
for a date computation (or for Python's int parser), bad networks and ports. Each is exit 2 naming the
field path, from `license validate`, `scan --license` and `report --license` alike; never "internal error"."""
from __future__ import annotations

import pytest

from hostile.support import ROOT, edit, profile, refused

EXAMPLE = ROOT / "infra" / "terraform" / "alicloud-compliant"
REPORT_INPUT = ROOT / "tests" / "fixtures" / "report" / "scan.json"
FILING = "    filed_on: 2026-09-30\n"

CASES = {
    # name: (profile text, the error line that must be printed)
    "30 February": (edit("  expires: 2029-07-25", "  expires: 2029-02-30"),
                    "$.license.expires: '2029-02-30' is not a 'date'"),
    "month 13": (edit("  issued: 2024-09-10", "  issued: 2024-13-10"),
                 "$.license.issued: '2024-13-10' is not a 'date'"),
    "29 February of a common year in a filing": (edit(FILING, "    filed_on: 2026-02-29\n"),
                                                 "$.filings[0].filed_on: '2026-02-29' is not a 'date'"),
    "a timestamp, not a date": (edit("  expires: 2029-07-25", "  expires: 2029-07-25T00:00:00Z"),
                                "$.license.expires: '2029-07-25T00:00:00+00:00' is not a 'date'"),
    "renewal notice of 10**30 days": (
        edit("  renewal_notice_days: 90", "  renewal_notice_days: 1000000000000000000000000000000"),
        "$.license.renewal_notice_days: 1000000000000000000000000000000 is greater than the maximum of 3650"),
    "renewal notice with 6000 digits": (
        edit("  renewal_notice_days: 90", "  renewal_notice_days: " + "9" * 6000),
        "$.license.renewal_notice_days: '999"),
    "negative renewal notice": (edit("  renewal_notice_days: 90", "  renewal_notice_days: -1"),
                                "$.license.renewal_notice_days: -1 is less than the minimum of 0"),
    "infinite renewal notice": (edit("  renewal_notice_days: 90", "  renewal_notice_days: .inf"),
                                "$.license.renewal_notice_days: inf is not of type 'integer'"),
    "expiry before issue": (edit("  expires: 2029-07-25", "  expires: 2020-01-01"),
                            "$.license.expires: 2020-01-01 is not after license.issued 2024-09-10"),
    "network with a /33": (edit("[10.0.0.0/8, 100.64.0.0/10]", "[10.0.0.0/33, 100.64.0.0/10]"),
                           "$.organization.management_cidrs[0]:"),
    "port beyond 65535": (edit("5900]", "5900, 70000-80000]"),
                          "$.organization.management_ports[8]: '70000-80000' is not a port range"),
    "unknown province": (edit("[CN-BJ, CN-TJ, CN-SH]", "[CN-BJ, CN-XX, CN-SH]"),
                         "$.license.services.idc.coverage.provinces[1]: 'CN-XX' is not an ISO 3166-2:CN"),
}


@pytest.mark.parametrize("name", CASES)
def test_license_validate_names_the_field(tmp_path, name):
    text, line = CASES[name]
    run = refused("license", "validate", str(profile(tmp_path, text)))
    assert line in run.stderr, run.stderr


@pytest.mark.parametrize(
    "name", ["30 February", "renewal notice of 10**30 days", "renewal notice with 6000 digits"])
def test_scan_and_report_refuse_the_same_profile(tmp_path, name):
    text, line = CASES[name]
    path = str(profile(tmp_path, text))
    assert line in refused("scan", str(EXAMPLE), "--license", path).stderr
    assert line in refused("report", str(REPORT_INPUT), "--license", path, "--format", "json").stderr

