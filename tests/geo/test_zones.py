"""Zone -> region parsing, one scenario per provider convention, and zone-level exceptions."""

import pytest

from permitguard.geo import RegionCatalog


@pytest.mark.parametrize(
    ("provider", "zone", "region"),
    [
        ("alicloud", "cn-hangzhou-h", "cn-hangzhou"),
        ("alicloud", "ap-southeast-1a", "ap-southeast-1"),
        ("tencentcloud", "ap-guangzhou-3", "ap-guangzhou"),
        ("tencentcloud", "ap-shanghai-fsi-1", "ap-shanghai-fsi"),
        ("huaweicloud", "cn-north-4a", "cn-north-4"),
        ("aws", "cn-north-1a", "cn-north-1"),
        ("baiducloud", "cn-bj-d", "bj"),
        ("ucloud", "cn-bj2-02", "cn-bj2"),
        ("volcengine", "cn-beijing-a", "cn-beijing"),
        ("jdcloud", "cn-east-2a", "cn-east-2"),
        ("ksyun", "cn-beijing-6a", "cn-beijing-6"),
        ("ksyun", "cn-beijing-fin-a", "cn-beijing-fin"),
        ("google", "asia-east2-a", "asia-east2"),
    ],
)
def test_zone_naming_convention_gives_region(provider, zone, region):
    assert RegionCatalog.load().region_of_zone(provider, zone) == region


def test_aws_az_ids_give_china_regions():
    catalog = RegionCatalog.load()
    assert [catalog.region_of_zone("aws", az) for az in ("cnn1-az1", "cnnw1-az1")] == [
        "cn-north-1",
        "cn-northwest-1",
    ]


def test_tencent_numeric_zone_ids_from_the_documented_table():
    catalog = RegionCatalog.load()
    assert [catalog.region_of_zone("tencentcloud", zone) for zone in ("100003", "460001", "100009")] == [
        "ap-guangzhou",
        "ap-beijing-fsi",
        None,
    ]


def test_azure_logical_zone_alone_has_no_region():
    assert RegionCatalog.load().region_of_zone("azurerm", "1") is None


def test_azure_logical_zone_is_kept_on_the_regions_location():
    location = RegionCatalog.load().resolve("azurerm", region="China North 3", zone="2")
    assert (location.region, location.zone, location.province) == ("chinanorth3", "2", "CN-HE")


def test_volcengine_datong_zone_of_cn_beijing_is_in_shanxi():
    location = RegionCatalog.load().resolve("volcengine", zone="cn-beijing-datong-b")
    assert (location.region, location.zone, location.territory, location.province, location.city) == (
        "cn-beijing",
        "cn-beijing-datong-b",
        "mainland",
        "CN-SX",
        "Datong",
    )


def test_volcengine_zone_exception_wins_over_the_given_region():
    location = RegionCatalog.load().resolve("volcengine", region="cn-beijing", zone="cn-beijing-datong-a")
    assert (location.province, location.city) == ("CN-SX", "Datong")


def test_volcengine_unlisted_datong_like_zone_is_unknown():
    assert RegionCatalog.load().resolve("volcengine", zone="cn-beijing-datong-c") is None


def test_zone_wins_over_region_when_it_parses():
    location = RegionCatalog.load().resolve("alicloud", region="cn-beijing", zone="cn-heyuan-a")
    assert (location.region, location.zone, location.city) == ("cn-heyuan", "cn-heyuan-a", "Heyuan")


def test_unparseable_zone_falls_back_to_the_region_without_zone():
    location = RegionCatalog.load().resolve("alicloud", region="cn-beijing", zone="beijing-zone-x")
    assert (location.region, location.zone) == ("cn-beijing", None)


def test_zone_of_unknown_region_is_unknown():
    assert RegionCatalog.load().region_of_zone("alicloud", "cn-atlantis-a") is None


def test_ctyun_zones_are_never_parsed():
    assert RegionCatalog.load().region_of_zone("ctyun", "cn-huadong1-jsnj1A-public-ctcloud") is None


def test_zone_of_unknown_provider_is_unknown():
    assert RegionCatalog.load().region_of_zone("oraclecloud", "cn-hangzhou-h") is None


def test_jdcloud_zone_location_is_unverified_because_the_naming_is_third_party():
    location = RegionCatalog.load().resolve("jdcloud", zone="cn-north-1a")
    assert (location.region, location.unverified) == ("cn-north-1", True)


def test_only_providers_whose_data_says_so_have_logical_zones():
    from permitguard.geo import RegionCatalog

    catalog = RegionCatalog.load()
    assert catalog.is_logical_zone("azurerm", "2") and not catalog.is_logical_zone("tencentcloud", "2")
    assert not catalog.is_logical_zone("nonexistent", "2")
