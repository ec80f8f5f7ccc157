"""A broken catalog file is refused with a CatalogError that names every problem by its JSON path."""

from importlib.resources import files

import pytest
import yaml

from permitguard.errors import CatalogError
from permitguard.geo import RegionCatalog


def _packaged():
    return yaml.safe_load((files("permitguard") / "data" / "regions.yaml").read_text(encoding="utf-8"))


def _write(tmp_path, data):
    path = tmp_path / "regions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _error(path):
    with pytest.raises(CatalogError) as caught:
        RegionCatalog.load(path)
    return str(caught.value)


def test_a_copy_of_the_packaged_catalog_loads_from_a_path(tmp_path):
    catalog = RegionCatalog.load(_write(tmp_path, _packaged()))
    assert catalog.resolve("alicloud", "cn-heyuan").city == "Heyuan"


def test_schema_errors_are_all_listed_with_their_json_paths(tmp_path):
    data = _packaged()
    data["regions"][3]["territory"] = "mainlnd"
    del data["regions"][5]["source"]
    message = _error(_write(tmp_path, data))
    assert message.splitlines()[1:] == [
        "  $.regions[3].territory: 'mainlnd' is not one of ['mainland', 'hk', 'mo', 'tw', 'foreign']",
        "  $.regions[5]: 'source' is a required property",
    ]


def test_message_names_the_file(tmp_path):
    data = _packaged()
    data["regions"][0]["extra"] = 1
    path = _write(tmp_path, data)
    assert _error(path).splitlines()[0] == f"region catalog {path} is invalid (1 error):"


def test_hong_kong_row_must_carry_cn_hk(tmp_path):
    data = _packaged()
    row = next(i for i, r in enumerate(data["regions"]) if r["territory"] == "hk")
    data["regions"][row]["province"] = "CN-GD"
    assert f"  $.regions[{row}].province: 'CN-HK' was expected" in _error(_write(tmp_path, data))


def test_unknown_province_code_is_refused(tmp_path):
    data = _packaged()
    data["regions"][0]["province"] = "CN-XX"
    assert "  $.regions[0].province: 'CN-XX' is not in the province table" in _error(_write(tmp_path, data))


def test_duplicate_azure_region_after_normalisation_is_refused(tmp_path):
    data = _packaged()
    first = next(i for i, r in enumerate(data["regions"]) if r["region"] == "chinaeast2")
    data["regions"].append(dict(data["regions"][first], region="China East 2"))
    last = len(data["regions"]) - 1
    assert f"  $.regions[{last}].region: 'China East 2' repeats $.regions[{first}]" in _error(
        _write(tmp_path, data)
    )


def test_row_of_a_provider_without_rules_is_refused(tmp_path):
    data = _packaged()
    data["regions"][0]["provider"] = "oraclecloud"
    assert "  $.regions[0].provider: 'oraclecloud' has no usable entry in providers" in _error(
        _write(tmp_path, data)
    )


def test_invalid_zone_pattern_is_refused(tmp_path):
    data = _packaged()
    data["providers"]["google"]["zone_patterns"][0]["pattern"] = "(?P<region>.+"
    assert "$.providers.google.zone_patterns[0].pattern" in _error(_write(tmp_path, data))


def test_zone_pattern_without_region_group_is_refused(tmp_path):
    data = _packaged()
    data["providers"]["google"]["zone_patterns"][0]["pattern"] = ".+-[a-z]"
    assert (
        "  $.providers.google.zone_patterns[0].pattern: "
        "has no named group 'region' and the rule names no 'region'" in _error(_write(tmp_path, data))
    )


def test_zone_pattern_example_that_does_not_hold_is_refused(tmp_path):
    data = _packaged()
    data["providers"]["ucloud"]["zone_patterns"][0]["examples"]["cn-bj2-02"] = "cn-bj1"
    assert (
        "  $.providers.ucloud.zone_patterns[0].examples.cn-bj2-02: zone 'cn-bj2-02' gives region 'cn-bj2', "
        "not 'cn-bj1'" in _error(_write(tmp_path, data))
    )


def test_zone_exception_to_unknown_region_is_refused(tmp_path):
    data = _packaged()
    data["providers"]["volcengine"]["zone_exceptions"][0]["region"] = "cn-atlantis"
    assert (
        "  $.providers.volcengine.zone_exceptions[0].region: "
        "'cn-atlantis' is not a volcengine region of the catalog" in _error(_write(tmp_path, data))
    )


def test_unparseable_yaml_is_refused(tmp_path):
    path = tmp_path / "regions.yaml"
    path.write_text("providers: [unclosed\n", encoding="utf-8")
    assert _error(path).startswith(f"region catalog {path}: not valid YAML (line 2, column 1): ")


def test_missing_file_is_refused(tmp_path):
    path = tmp_path / "absent.yaml"
    assert _error(path).startswith(f"region catalog {path}: cannot read it:")
