"""Checkov over a directory of two root configurations (tests/fixtures/multi_root): each resource is
judged with its own root's provider; a module called from both roots gets the worse verdict (Checkov
reports it once)."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "multi_root"


def test_each_root_uses_its_own_provider(checkov_run, monkeypatch):
    monkeypatch.setenv("PERMITGUARD_AS_OF", "2026-11-28")
    outcome = checkov_run(FOLDER)
    assert outcome.parsing_errors == []
    assert {(a, r) for c, a, r in outcome.results if c == "CKV_CNLIC_101"} == {
        ("alicloud_vpc.fail_dev_hk", "FAILED"),
        ("alicloud_vpc.pass_prod_beijing", "PASSED"),
        ("alicloud_vpc.main", "SKIPPED"),  # envs/dev's, skipped there
        ("alicloud_vpc.main", "PASSED"),  # envs/prod's
        ("module.net.alicloud_vswitch.net", "FAILED"),  # Hong Kong through envs/dev
    }
    assert outcome.details[("CKV_CNLIC_101", "module.net.alicloud_vswitch.net")][0] == (
        "module.net.alicloud_vswitch.net is in alicloud cn-hongkong → Hong Kong (CN-HK), Hong Kong, "
        "outside mainland China (Hong Kong)."
    )
