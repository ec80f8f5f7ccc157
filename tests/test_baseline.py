"""Baselines (permitguard.baseline): exact matching, expiry, stale entries, and the file's validation."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from permitguard import baseline
from permitguard.errors import InputError
from permitguard.model import Finding, Resource, Status, Words

TODAY = dt.date(2026, 12, 1)


def finding(rule: str, address: str, file: str | None = "live/main.tf", status: Status = Status.FAILED,
            root: str | None = None, suppressed: str | None = None) -> Finding:
    res = Resource(address=address, type="alicloud_instance", cloud="alicloud", file=file, line=3, root=root)
    return Finding(rule_id=rule, status=status, severity="HIGH", enforcement="mandatory", clauses=("SP-2",),
                   resource=res, reason="r", words=Words.of("m", "m"), suppressed=suppressed)


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "baseline.yaml"
    p.write_text(text)
    return p


ONE = """version: 1
accepted:
  - rule: CKV_CNLIC_301
    address: alicloud_instance.web
    file: live/main.tf
    reason: room filed 2026-11-20, awaiting the regulator's reply
    who: ops@example.com
    expires: 2027-03-01
"""


def test_an_entry_accepts_its_failure_with_reason_who_and_until_when(tmp_path):
    b = baseline.load(write(tmp_path, ONE))
    out = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web")], TODAY)
    (f,) = out.findings
    assert f.suppressed == ("baseline: room filed 2026-11-20, awaiting the regulator's reply "
                            "(accepted by ops@example.com until 2027-03-01)")
    assert not f.blocking and len(out.matched) == 1 and not out.stale and not out.expired


@pytest.mark.parametrize("other", [
    finding("CKV_CNLIC_301", "alicloud_instance.api"),  # the same rule on another resource
    finding("CKV_CNLIC_301", "alicloud_instance.web", file="other/main.tf"),  # the address, another file
    finding("CKV_CNLIC_101", "alicloud_instance.web"),  # another rule on the same resource
    finding("CKV_CNLIC_301", "alicloud_instance.web[0]"),  # an instance of a similar name
])
def test_a_baseline_never_hides_a_new_violation(tmp_path, other):
    b = baseline.load(write(tmp_path, ONE))
    out = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web"), other], TODAY)
    assert out.findings[1].suppressed is None and out.findings[1].blocking


def test_an_entry_naming_a_root_accepts_the_resource_of_that_root_only(tmp_path):
    b = baseline.load(write(tmp_path, ONE.replace("    file: live/main.tf\n",
                                                  "    file: live/main.tf\n    root: live/prod\n")))
    out = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web", root="live/prod"),
                             finding("CKV_CNLIC_301", "alicloud_instance.web", root="live/stage")], TODAY)
    assert [f.suppressed is not None for f in out.findings] == [True, False]


def test_an_expired_entry_accepts_nothing_and_is_reported(tmp_path):
    b = baseline.load(write(tmp_path, ONE))
    out = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web")], dt.date(2027, 3, 2))
    assert out.findings[0].suppressed is None and out.findings[0].blocking
    assert [e.address for e in out.expired] == ["alicloud_instance.web"]
    still = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web")], dt.date(2027, 3, 1))
    assert still.findings[0].suppressed  # the expiry day itself is still inside


def test_an_entry_matching_no_failure_is_stale_and_in_a_partial_scan_unseen_if_not_read(tmp_path):
    b = baseline.load(write(tmp_path, ONE))
    passed = finding("CKV_CNLIC_301", "alicloud_instance.web", status=Status.PASSED)
    assert [e.address for e in baseline.apply(b, [passed], TODAY).stale] == ["alicloud_instance.web"]
    assert [e.address for e in baseline.apply(b, [], TODAY).stale] == ["alicloud_instance.web"]
    partial = baseline.apply(b, [], TODAY, partial=True)
    assert not partial.stale and len(partial.unseen) == 1
    assert len(baseline.apply(b, [passed], TODAY, partial=True).stale) == 1  # read, and it passes now


def test_a_finding_already_suppressed_in_the_code_keeps_that_reason(tmp_path):
    b = baseline.load(write(tmp_path, ONE))
    out = baseline.apply(b, [finding("CKV_CNLIC_301", "alicloud_instance.web", suppressed="inline")], TODAY)
    assert out.findings[0].suppressed == "inline" and out.stale


@pytest.mark.parametrize("text, says", [
    ("version: 1\naccepted:\n  - rule: CKV_CNLIC_301\n    address: a\n    reason: ' '\n    who: me\n"
     "    expires: 2027-01-01\n", "$.accepted[0].reason"),
    ("version: 1\naccepted:\n  - rule: CKV_CNLIC_*\n    address: a\n    reason: x\n    who: me\n"
     "    expires: 2027-01-01\n", "$.accepted[0].rule"),
    ("version: 1\naccepted:\n  - rule: CKV_CNLIC_301\n    address: a\n    reason: x\n    who: me\n"
     "    expires: 2027-02-30\n", "$.accepted[0].expires"),
    ("version: 1\naccepted:\n  - rule: CKV_CNLIC_301\n    address: a\n    reason: x\n    who: me\n",
     "expires"),
    ("version: 2\naccepted: []\n", "$.version"),
    ("version: 1\naccepted: 5\n", "$.accepted"),
    ("- just a list\n", "$"),
    ("version: 1\naccepted: []\naccepted: []\n", "accepted"),
    (ONE + ONE.split("accepted:\n")[1], "$.accepted[1]: accepts the same failure as $.accepted[0]"),
])
def test_an_invalid_baseline_is_unusable_input_naming_each_problem(tmp_path, text, says):
    with pytest.raises(InputError, match="baseline") as err:
        baseline.load(write(tmp_path, text))
    assert says in str(err.value)


def test_a_missing_or_non_regular_baseline_is_unusable_input(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        baseline.load(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="not a regular file"):
        baseline.load(tmp_path)


def test_create_writes_one_entry_per_unsuppressed_failure_that_loads_back_and_accepts_them(tmp_path):
    found = [finding("CKV_CNLIC_301", "alicloud_instance.web"),
             finding("CKV_CNLIC_101", "alicloud_instance.web"),
             finding("CKV_CNLIC_301", "alicloud_instance.web"),  # the same failure twice: one entry
             finding("CKV_CNLIC_101", "alicloud_instance.ok", status=Status.PASSED),
             finding("CKV_CNLIC_202", "alicloud_sg_rule.x", suppressed="inline")]
    text, count = baseline.create(found, "accepted in review #12", "ops@example.com", dt.date(2027, 1, 31),
                           "B1-20195402", TODAY)
    b = baseline.load(write(tmp_path, text))
    assert count == len(b.entries) == 2
    assert [(e.rule, e.address, e.file) for e in b.entries] == [
        ("CKV_CNLIC_101", "alicloud_instance.web", "live/main.tf"),
        ("CKV_CNLIC_301", "alicloud_instance.web", "live/main.tf")]
    assert b.license == "B1-20195402"
    out = baseline.apply(b, found, TODAY)
    assert not any(f.blocking for f in out.findings) and not out.stale


@pytest.mark.parametrize("reason, who, expires, says", [
    ("", "me", dt.date(2027, 1, 1), "--reason"), ("x", " ", dt.date(2027, 1, 1), "--who"),
    ("x", "me", TODAY, "--expires"),
])
def test_create_refuses_an_entry_without_reason_owner_or_future_expiry(reason, who, expires, says):
    with pytest.raises(InputError, match=says):
        baseline.create([], reason, who, expires, None, TODAY)
