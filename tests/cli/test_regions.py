"""`permitguard regions resolve` (permitguard.cli.regions): where an id is, and unusable ids and providers."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def test_regions_resolve_heyuan_is_not_idc():
    run = cli("regions", "resolve", "alicloud", "cn-heyuan", "--license", PROFILE, "--format", "json")
    doc = json.loads(run.stdout)
    assert (doc["province"], doc["city"], doc["services"]) == ("CN-GD", "Heyuan", ["vpn", "isp"])


def test_regions_resolve_zone_exception_in_text():
    run = cli("regions", "resolve", "volcengine", "cn-beijing-datong-a", "--license", PROFILE)
    assert run.exit_status == 0
    assert "Shanxi (CN-SX)" in run.stdout and "vpn (B13)" in run.stdout and "idc" not in run.stdout


def test_regions_resolve_unknown_id_exits_2():
    run = cli("regions", "resolve", "alicloud", "cn-atlantis", "--license", PROFILE)
    assert run.exit_status == 2 and "never permitted" in run.stderr


def test_regions_resolve_unknown_provider_names_the_known_ones():
    run = cli("regions", "resolve", "aliyun", "cn-beijing", "--license", PROFILE)
    assert run.exit_status == 2 and "'aliyun' is not a provider of the region catalog" in run.stderr
    assert "alicloud" in run.stderr
