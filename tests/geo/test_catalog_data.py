"""The packaged catalog files: schema-valid, complete, and internally consistent."""

import json
from importlib.resources import files

import pytest
import yaml
from jsonschema import Draft202012Validator

from permitguard.geo import Provinces, RegionCatalog

DATA = files("permitguard") / "data"
SCHEMAS = files("permitguard") / "schemas"
REQUIRED_PROVIDERS = {
    "alicloud",
    "tencentcloud",
    "huaweicloud",
    "aws",
    "azurerm",
    "volcengine",
    "baiducloud",
    "ucloud",
    "ksyun",
    "jdcloud",
    "google",
    "ctyun",
}
# rows of the providers' global region lists (territory foreign), on top of the 247 reference rows
GLOBAL_LISTS = {"aws": 42, "google": 47, "azurerm": 61}  # google: 41 regions + 6 storage multi/dual-regions


def _yaml(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(
    ("data_file", "schema_file"),
    [("regions.yaml", "regions.schema.json"), ("provinces.yaml", "provinces.schema.json")],
)
def test_packaged_data_is_valid_against_its_schema(data_file, schema_file):
    errors = [f"{e.json_path}: {e.message}" for e in _validator(schema_file).iter_errors(_yaml(data_file))]
    assert errors == []


def test_catalog_keeps_all_247_reference_rows_of_12_providers():
    rows = _yaml("regions.yaml")["regions"]
    # the global aws / google / azurerm lists are all `foreign`; no reference row of those is
    global_lists = [row for row in rows if row["provider"] in GLOBAL_LISTS and row["territory"] == "foreign"]
    assert len(rows) - len(global_lists) == 247
    assert {row["provider"] for row in rows} == REQUIRED_PROVIDERS


def test_catalog_has_the_global_aws_google_and_azure_lists():
    rows = _yaml("regions.yaml")["regions"]
    counts = {
        provider: sum(1 for row in rows if row["provider"] == provider and row["territory"] == "foreign")
        for provider in GLOBAL_LISTS
    }
    assert counts == GLOBAL_LISTS


def test_every_provider_of_the_catalog_has_zone_rules_and_regions():
    catalog = RegionCatalog.load()
    assert set(catalog.providers()) == REQUIRED_PROVIDERS
    assert all(catalog.regions(provider) for provider in catalog.providers())


def test_every_row_has_source_territory_and_known_province():
    provinces = Provinces.load()
    for row in _yaml("regions.yaml")["regions"]:
        assert row["source"].strip(), row
        assert row["territory"] in {"mainland", "hk", "mo", "tw", "foreign"}, row
        assert row["province"] is None or row["province"] in provinces, row


def test_province_territory_matches_row_territory():
    provinces = Provinces.load()
    for row in _yaml("regions.yaml")["regions"]:
        if row["province"] is not None:
            assert provinces.territory_of(row["province"]) == row["territory"], row


def test_unverified_rows_name_their_unverified_fields():
    rows = [row for row in _yaml("regions.yaml")["regions"] if row.get("unverified")]
    assert len(rows) == 41
    assert all(row["unverified_fields"] for row in rows)


def test_province_table_has_34_divisions_including_hk_mo_tw():
    divisions = _yaml("provinces.yaml")["provinces"]
    assert len(divisions) == 34
    assert {code: divisions[code]["territory"] for code in ("CN-HK", "CN-MO", "CN-TW")} == {
        "CN-HK": "hk",
        "CN-MO": "mo",
        "CN-TW": "tw",
    }


def test_easily_confused_iso_codes():
    names = {
        code: Provinces.load().name(code)
        for code in ("CN-HE", "CN-HB", "CN-HA", "CN-HN", "CN-HI", "CN-SX", "CN-SN", "CN-NM")
    }
    assert names == {
        "CN-HE": "Hebei",
        "CN-HB": "Hubei",
        "CN-HA": "Henan",
        "CN-HN": "Hunan",
        "CN-HI": "Hainan",
        "CN-SX": "Shanxi",
        "CN-SN": "Shaanxi",
        "CN-NM": "Inner Mongolia",
    }


def test_every_zone_pattern_example_resolves_to_its_region():
    catalog = RegionCatalog.load()
    for provider, spec in _yaml("regions.yaml")["providers"].items():
        for rule in spec["zone_patterns"]:
            for zone, region in rule["examples"].items():
                assert catalog.region_of_zone(provider, zone) == region, (provider, zone)


def test_load_is_cached():
    assert RegionCatalog.load() is RegionCatalog.load()
