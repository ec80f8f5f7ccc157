"""The global AWS / Google Cloud / Azure region lists: every region outside China is `foreign`.

Without them a region such as aws us-east-1 had no location ("location unknown"); with them it
is "outside China". China, Hong Kong and Taiwan rows keep their own territory.
"""

import json
from pathlib import Path

import pytest

from permitguard.geo import RegionCatalog


def _resolve(provider, region=None, zone=None):
    return RegionCatalog.load().resolve(provider, region=region, zone=zone)


@pytest.mark.parametrize(
    ("provider", "region", "zone", "canonical"),
    [
        ("aws", "us-east-1", None, "us-east-1"),
        ("aws", "eu-west-1", None, "eu-west-1"),
        ("aws", "us-gov-west-1", None, "us-gov-west-1"),
        ("aws", None, "us-east-1a", "us-east-1"),
        ("google", "us-central1", None, "us-central1"),
        ("google", None, "europe-west4-a", "europe-west4"),
        ("azurerm", "West Europe", None, "westeurope"),
        ("azurerm", "westeurope", "2", "westeurope"),
    ],
)
def test_global_region_is_outside_china(provider, region, zone, canonical):
    location = _resolve(provider, region=region, zone=zone)
    assert (location.region, location.zone, location.territory, location.province, location.unverified) == (
        canonical,
        zone,
        "foreign",
        None,
        False,
    )


def test_global_region_message():
    assert _resolve("aws", "us-east-1").describe() == "aws us-east-1 → outside China"
    assert _resolve("google", zone="europe-west4-a").describe() == (
        "google europe-west4-a (region europe-west4) → outside China, Eemshaven"
    )


@pytest.mark.parametrize(
    ("provider", "region", "zone"),
    [
        ("aws", "us-atlantis-1", None),
        ("aws", None, "us-atlantis-1a"),
        ("google", "mars-central1", None),
        ("google", None, "mars-central1-a"),
        ("azurerm", "Atlantis North", None),
        ("azurerm", None, "1"),
    ],
)
def test_nonsense_region_or_zone_still_has_no_location(provider, region, zone):
    assert _resolve(provider, region=region, zone=zone) is None


def test_aws_local_zone_is_not_placed_by_its_parent_region():
    # ap-northeast-1-tpe-1a is a Taipei Local Zone of the Tokyo region: the parent's place is wrong
    assert _resolve("aws", zone="ap-northeast-1-tpe-1a") is None


@pytest.mark.parametrize(
    ("provider", "region", "territory"),
    [
        ("aws", "cn-north-1", "mainland"),
        ("aws", "cn-northwest-1", "mainland"),
        ("aws", "ap-east-1", "hk"),
        ("aws", "ap-east-2", "tw"),
        ("google", "asia-east2", "hk"),
        ("google", "asia-east1", "tw"),
        ("azurerm", "East Asia", "hk"),
        ("azurerm", "China North 3", "mainland"),
    ],
)
def test_china_hong_kong_and_taiwan_rows_keep_their_territory(provider, region, territory):
    assert _resolve(provider, region).territory == territory


def _botocore_partitions():
    botocore = pytest.importorskip("botocore")
    endpoints = Path(botocore.__file__).parent / "data" / "endpoints.json"
    return json.loads(endpoints.read_text(encoding="utf-8"))["partitions"]


def test_every_region_of_the_installed_botocore_resolves():
    """Drift check: a region a newer botocore adds must be added to the catalog too."""
    catalog = RegionCatalog.load()
    missing, china = [], {}
    for partition in _botocore_partitions():
        for region, info in partition["regions"].items():
            location = catalog.resolve("aws", region)
            if location is None:
                missing.append(f"{partition['partition']}:{region}")
            elif partition["partition"] == "aws-cn":
                china[region] = (location.territory, location.name == info["description"])
            else:
                assert location.territory in {"foreign", "hk", "tw"}, region
    assert missing == []
    assert china == {"cn-north-1": ("mainland", True), "cn-northwest-1": ("mainland", True)}


def test_google_locations_are_case_insensitive_as_cloud_storage_writes_them():
    loc = _resolve("google", region="ASIA-EAST2")
    assert (loc.region, loc.territory) == ("asia-east2", "hk")


def test_cloud_storage_multi_region_is_outside_mainland():
    assert _resolve("google", region="ASIA").territory == "foreign"
