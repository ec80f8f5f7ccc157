"""Region look-ups, including the facts NOTES.md warns about."""

from permitguard.geo import Location, RegionCatalog


def _place(provider, region=None, zone=None):
    location = RegionCatalog.load().resolve(provider, region=region, zone=zone)
    return (location.territory, location.province, location.city)


def test_heyuan_is_guangdong_but_not_guangzhou():
    assert _place("alicloud", "cn-heyuan") == ("mainland", "CN-GD", "Heyuan")


def test_tencent_qingyuan_is_guangdong_outside_guangzhou_and_shenzhen():
    assert _place("tencentcloud", "ap-qingyuan") == ("mainland", "CN-GD", "Qingyuan")


def test_huawei_cn_east_4_is_wuhu_anhui():
    assert _place("huaweicloud", "cn-east-4") == ("mainland", "CN-AH", "Wuhu")


def test_huawei_cn_east_5_is_qingdao_shandong():
    assert _place("huaweicloud", "cn-east-5") == ("mainland", "CN-SD", "Qingdao")


def test_alicloud_zhangjiakou_is_hebei():
    assert _place("alicloud", "cn-zhangjiakou") == ("mainland", "CN-HE", "Zhangjiakou")


def test_aws_ap_east_1_is_hong_kong():
    assert _place("aws", "ap-east-1") == ("hk", "CN-HK", "Hong Kong")


def test_aws_ap_east_2_is_taiwan():
    assert _place("aws", "ap-east-2") == ("tw", "CN-TW", "Taipei")


def test_ctyun_macau_pool_is_macau():
    assert _place("ctyun", "200000002533") == ("mo", "CN-MO", "Macau")


def test_azure_chinaeast3_is_mainland_with_province_not_established():
    location = RegionCatalog.load().resolve("azurerm", "chinaeast3")
    assert (location.territory, location.province, location.city, location.unverified) == (
        "mainland",
        None,
        None,
        True,
    )


def test_azure_region_names_normalise_to_the_programmatic_id():
    catalog = RegionCatalog.load()
    regions = {
        catalog.resolve("azurerm", name).region for name in ("China East 2", "chinaeast2", "ChinaEast2")
    }
    assert regions == {"chinaeast2"}


def test_region_ids_of_other_providers_match_exactly():
    assert RegionCatalog.load().resolve("alicloud", "CN-HEYUAN") is None


def test_unknown_region_has_no_location():
    assert RegionCatalog.load().resolve("alicloud", "cn-atlantis") is None


def test_unknown_provider_has_no_location():
    assert RegionCatalog.load().resolve("oraclecloud", "cn-beijing") is None


def test_no_region_and_no_zone_has_no_location():
    assert RegionCatalog.load().resolve("alicloud") is None


def test_full_location_of_a_region():
    location = RegionCatalog.load().resolve("alicloud", "cn-heyuan")
    assert location == Location(
        provider="alicloud",
        region="cn-heyuan",
        zone=None,
        territory="mainland",
        province="CN-GD",
        city="Heyuan",
        name="China (Heyuan) 华南2（河源）",
        unverified=False,
        source="aliyun/terraform-provider-alicloud alicloud/connectivity/regions.go @81c43b67; "
        "alibabacloud.com/help/doc-detail/188196.htm + help.aliyun.com/document_detail/72379.html",
    )


def test_regions_lists_a_providers_catalog_rows_in_order():
    regions = [location.region for location in RegionCatalog.load().regions("aws")]
    # the reference rows, then the global list (botocore order)
    assert regions[:4] == ["cn-north-1", "cn-northwest-1", "ap-east-1", "ap-east-2"]
    assert regions[4:6] == ["af-south-1", "ap-northeast-1"]
    assert (len(regions), regions[-1]) == (46, "eusc-de-east-1")


def test_regions_of_unknown_provider_is_empty():
    assert RegionCatalog.load().regions("oraclecloud") == []


def test_province_name_in_english_and_chinese():
    catalog = RegionCatalog.load()
    assert (catalog.province_name("CN-GD"), catalog.province_name("CN-GD", "zh")) == ("Guangdong", "广东省")


def test_province_name_accepts_lower_case_code():
    assert RegionCatalog.load().province_name("cn-sx") == "Shanxi"


def test_province_name_of_unknown_or_non_iso_code_is_none():
    catalog = RegionCatalog.load()
    assert (catalog.province_name("CN-XX"), catalog.province_name("cn-hu")) == (None, None)
