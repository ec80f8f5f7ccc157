"""Location.describe / describe_zh: the text policies put in their messages."""

from permitguard.geo import RegionCatalog


def _resolve(provider, region=None, zone=None):
    return RegionCatalog.load().resolve(provider, region=region, zone=zone)


def test_describe_region():
    assert _resolve("alicloud", "cn-heyuan").describe() == "alicloud cn-heyuan → Guangdong (CN-GD), Heyuan"


def test_describe_zh_region():
    assert _resolve("alicloud", "cn-heyuan").describe_zh() == "alicloud cn-heyuan → 广东省 (CN-GD)，Heyuan"


def test_describe_zone_exception():
    assert _resolve("volcengine", zone="cn-beijing-datong-a").describe() == (
        "volcengine cn-beijing-datong-a (region cn-beijing) → Shanxi (CN-SX), Datong"
    )


def test_describe_zh_zone_exception():
    assert _resolve("volcengine", zone="cn-beijing-datong-a").describe_zh() == (
        "volcengine cn-beijing-datong-a (地域 cn-beijing) → 山西省 (CN-SX)，Datong"
    )


def test_describe_province_not_established():
    assert _resolve("azurerm", "chinaeast3").describe() == (
        "azurerm chinaeast3 → mainland China, province not established [unverified]"
    )


def test_describe_zh_province_not_established():
    assert (
        _resolve("azurerm", "chinaeast3").describe_zh()
        == "azurerm chinaeast3 → 中国大陆，省份未确定（未经核实）"
    )


def test_describe_foreign_region():
    assert (
        _resolve("alicloud", "ap-southeast-1").describe()
        == "alicloud ap-southeast-1 → outside China, Singapore"
    )


def test_describe_hong_kong():
    assert _resolve("aws", "ap-east-1").describe() == "aws ap-east-1 → Hong Kong (CN-HK), Hong Kong"


def test_describe_mainland_without_city():
    assert _resolve("azurerm", "chinanorth3").describe() == "azurerm chinanorth3 → Hebei (CN-HE)"
