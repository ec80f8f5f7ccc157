"""The licence profile: schema errors with paths, semantic checks, coverage questions, profile discovery."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from permitguard.errors import ProfileError
from permitguard.geo import RegionCatalog
from permitguard.license_file import find_profile, load_profile

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "infra/licenses/B1-20195402.yaml"


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _bundled() -> dict:
    return yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))


def test_bundled_profile_is_the_permit():
    p = load_profile(BUNDLED)
    assert (p.number, p.holder, str(p.issued), str(p.expires)) == (
        "B1-20195402",
        "北京掌全通信息科技有限公司",
        "2024-09-10",
        "2029-07-25",
    )
    assert p.holder_aliases == ("北京掌全通信信息科技有限公司",)
    assert {k: s.code for k, s in p.services.items()} == {"idc": "B11", "vpn": "B13", "isp": "B14"}
    assert str(p.renewal_deadline()) == "2029-04-26"


def test_coverage_guangdong_is_city_level_for_idc_only():
    p, regions = load_profile(BUNDLED), RegionCatalog.load()
    assert p.services_covering(regions.resolve("alicloud", region="cn-shenzhen")) == ["idc", "vpn", "isp"]
    assert p.services_covering(regions.resolve("alicloud", region="cn-heyuan")) == ["vpn", "isp"]
    assert p.services_covering(regions.resolve("alicloud", region="cn-hangzhou")) == ["vpn", "isp"]
    assert p.services_covering(regions.resolve("alicloud", region="cn-qingdao")) == ["vpn"]
    assert p.services_covering(regions.resolve("alicloud", region="cn-hongkong")) == []


def test_schema_errors_name_their_path(tmp_path):
    data = _bundled()
    data["license"]["services"]["idc"]["coverage"]["provinces"] = ["Beijing"]
    del data["license"]["expires"]
    with pytest.raises(ProfileError) as err:
        load_profile(_write(tmp_path, data))
    text = str(err.value)
    assert "license: 'expires' is a required property" in text
    assert "license.services.idc.coverage.provinces[0]: 'Beijing' does not match '^CN-[A-Z]{2}$'" in text


def test_semantic_errors_are_reported(tmp_path):
    data = _bundled()
    data["license"]["expires"] = "2020-01-01"
    data["organization"]["management_cidrs"] = ["10.0.0.0/33"]
    data["filings"].append(dict(data["filings"][0]))
    with pytest.raises(ProfileError) as err:
        load_profile(_write(tmp_path, data))
    text = str(err.value)
    assert "license.expires: 2020-01-01 is not after license.issued 2024-09-10" in text
    assert "organization.management_cidrs[0]" in text
    assert "filings: reference 'TE-2026-0412' appears more than once" in text


def test_unparseable_and_missing_profiles_fail_with_one_reason(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("license: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"not valid YAML \(line 2"):
        load_profile(bad)
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "absent.yaml")


def test_profile_discovery_order(tmp_path):
    assert find_profile("x.yaml", {"PERMITGUARD_LICENSE": "env.yaml"}, str(tmp_path)) == (
        Path("x.yaml"),
        "--license",
    )
    assert find_profile(None, {"PERMITGUARD_LICENSE": "env.yaml"}, str(tmp_path)) == (
        Path("env.yaml"),
        "$PERMITGUARD_LICENSE",
    )
    (tmp_path / "permitguard.yaml").write_text("{}", encoding="utf-8")
    assert find_profile(None, {}, str(tmp_path)) == (tmp_path / "permitguard.yaml", "./permitguard.yaml")
    path, how = find_profile(None, {}, str(tmp_path / "elsewhere"))
    assert how == "bundled" and path.read_bytes() == BUNDLED.read_bytes()


def test_city_level_coverage_with_unknown_city():
    from permitguard.geo import Location

    idc = load_profile(BUNDLED).services["idc"].coverage
    where = {"guangzhou": "CN-GD", "shenzhen": "CN-GD"}
    gd = Location("x", "r", None, "mainland", "CN-GD", None, None, False, "test")
    he = Location("x", "r", None, "mainland", "CN-HE", None, None, False, "test")
    assert (idc.covers(gd, where), idc.covers(he, where), idc.covers(he)) == (None, False, None)


def test_provincial_permit_number_is_accepted(tmp_path):
    data = _bundled()
    data["license"]["number"] = "浙B2-20200001"
    assert load_profile(_write(tmp_path, data)).number == "浙B2-20200001"
    data["license"]["number"] = "浙江B2-20200001"
    with pytest.raises(ProfileError) as err:
        load_profile(_write(tmp_path, data))
    assert "$.license.number: '浙江B2-20200001' does not match" in str(err.value)


def test_other_permit_city_coverage_outside_guangdong():
    p, regions = load_profile(ROOT / "tests/fixtures/licenses/other-idc.yaml"), RegionCatalog.load()
    assert p.number == "B1-20230001"
    assert p.services_covering(regions.resolve("alicloud", region="cn-hangzhou")) == ["idc"]
    assert p.services_covering(regions.resolve("baiducloud", region="su")) == ["idc"]
    assert p.services_covering(regions.resolve("alicloud", region="cn-nanjing")) == []
    assert p.services_covering(regions.resolve("tencentcloud", region="ap-shanghai")) == ["idc"]


def test_unknown_province_codes_are_refused(tmp_path):
    data = _bundled()
    data["license"]["services"]["isp"]["coverage"]["provinces"].append("CN-JZ")
    with pytest.raises(ProfileError, match=r"coverage.provinces\[12\]: 'CN-JZ' is not an ISO"):
        load_profile(_write(tmp_path, data))


def test_license_validate_warns_about_coverage_cities_no_region_is_in(tmp_path):
    from helpers import cli

    data = _bundled()
    data["license"]["services"]["idc"]["coverage"]["cities"] = ["Guangzhou", "深圳", "Shenzen"]
    run = cli("license", "validate", str(_write(tmp_path, data)))
    assert run.exit_status == 0
    warned = [line for line in run.stderr.splitlines() if line.startswith("permitguard: warning:")]
    assert len(warned) == 2 and "'shenzen'" in warned[0] and "'深圳'" in warned[1]


def test_defaults_of_a_minimal_profile_are_the_schemas(tmp_path):
    data = _bundled()
    del data["tags"], data["filing_reference_pattern"], data["organization"]["management_ports"]
    del data["license"]["renewal_notice_days"]
    p = load_profile(_write(tmp_path, data))
    assert p.tags["service"] == "license-service" and p.renewal_notice_days == 90
    assert (22, 22) in p.management_ports and (5985, 5986) in p.management_ports
    assert p.filing_pattern.match("TE-2026-0412")


def test_icp_filings_and_log_retention_sections(tmp_path):
    p = load_profile(BUNDLED)
    assert p.icp_filings == {"example-operator.cn": "京ICP备2024000001号"} and p.log_retention_days == 180
    data = _bundled()
    del data["icp_filings"], data["logs"]
    bare = load_profile(_write(tmp_path, data))
    assert bare.icp_filings == {} and bare.log_retention_days == 180  # absent: format only, six months
    data["icp_filings"] = {"Example.COM.cn": "粤ICP备12345678号-2"}
    data["logs"] = {"retention_days": 365}
    mine = load_profile(_write(tmp_path, data))
    assert mine.icp_filing_for("www.example.com.cn") == ("example.com.cn", "粤ICP备12345678号-2")
    assert mine.log_retention_days == 365


@pytest.mark.parametrize(("section", "value", "error"), [
    ("icp_filings", {"example.cn": "京ICP证000000号"},
     "icp_filings['example.cn']: '京ICP证000000号' does not match"),
    ("icp_filings", {"example.cn": "B1-20195402"}, "icp_filings['example.cn']: 'B1-20195402' does not match"),
    ("icp_filings", {"not a domain": "京ICP备12345678号"}, "icp_filings: 'not a domain' does not match"),
    ("logs", {"retention_days": 0}, "logs.retention_days: 0 is less than the minimum of 1"),
    ("logs", {"days": 180}, "logs: Additional properties are not allowed ('days' was unexpected)"),
])
def test_icp_filings_and_logs_are_validated(tmp_path, section, value, error):
    data = _bundled()
    data[section] = value
    with pytest.raises(ProfileError) as err:
        load_profile(_write(tmp_path, data))
    assert error in str(err.value)
