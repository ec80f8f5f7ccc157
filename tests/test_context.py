"""Context: the profile found in the documented order, the change date pinned or today, city → province
from the region catalog, rule levels with overrides; Subject: the shared per-resource facts, each once."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import make
from permitguard.context import Context, Subject, today
from permitguard.model import Resource, Unknown

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "infra/licenses/B1-20195402.yaml"
OTHER = ROOT / "tests/fixtures/licenses/other-idc.yaml"  # permit B1-20230001
AS_OF = dt.date(2026, 11, 28)


@pytest.fixture
def local_dir(tmp_path: Path) -> Path:
    shutil.copy(OTHER, tmp_path / "permitguard.yaml")
    return tmp_path


def _found(license=None, environ=None, cwd=None) -> tuple[str, str]:
    ctx = Context.load(license, as_of=AS_OF, environ=environ or {}, cwd=cwd)
    return ctx.profile.number, ctx.profile.source


def test_the_license_option_wins_over_the_environment_and_the_working_directory(local_dir):
    environ = {"PERMITGUARD_LICENSE": str(OTHER)}
    assert _found(str(BUNDLED), environ, str(local_dir)) == ("B1-20195402", "--license")


def test_the_environment_wins_over_the_working_directory(local_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere.yaml"
    shutil.copy(BUNDLED, elsewhere)
    assert _found(None, {"PERMITGUARD_LICENSE": str(elsewhere)}, str(local_dir)) == (
        "B1-20195402", "$PERMITGUARD_LICENSE")


def test_the_working_directory_profile_wins_over_the_bundled_one(local_dir):
    assert _found(None, {}, str(local_dir)) == ("B1-20230001", "./permitguard.yaml")


def test_without_any_the_bundled_profile_is_used(tmp_path):
    assert _found(None, {}, str(tmp_path)) == ("B1-20195402", "bundled")


def test_the_change_date_is_the_one_given_else_the_pinned_one_else_today():
    pinned = {"PERMITGUARD_AS_OF": "2027-03-04"}
    assert today(pinned) == dt.date(2027, 3, 4)
    assert today({}) == dt.date.today()
    assert Context.load(str(BUNDLED), environ=pinned).as_of == dt.date(2027, 3, 4)
    assert Context.load(str(BUNDLED), as_of=AS_OF, environ=pinned).as_of == AS_OF
    with pytest.raises(ValueError):
        today({"PERMITGUARD_AS_OF": "next tuesday"})


def test_city_provinces_maps_casefolded_catalog_cities_to_their_province(ctx):
    cities = ctx.city_provinces
    assert (cities["guangzhou"], cities["shenzhen"], cities["heyuan"], cities["zhangjiakou"]) == (
        "CN-GD", "CN-GD", "CN-GD", "CN-HE")
    assert all(k == k.casefold() and v for k, v in cities.items())
    assert "hong kong" in cities  # a city with a province code of its own (CN-HK)


def test_a_rule_level_is_the_catalogs_unless_the_run_overrides_it(ctx):
    assert ctx.level("CKV_CNLIC_101") == ctx.rules["CKV_CNLIC_101"].enforcement == "mandatory"
    run = dataclasses.replace(ctx, enforcement={"CKV_CNLIC_101": "advisory"})
    assert (run.level("CKV_CNLIC_101"), run.level("CKV_CNLIC_102")) == ("advisory", "mandatory")
    loaded = Context.load(str(BUNDLED), as_of=AS_OF, environ={}, enforcement={"CKV_CNLIC_202": "disabled"})
    assert loaded.level("CKV_CNLIC_202") == "disabled"


def test_a_context_carries_every_catalog(ctx):
    assert "CN-GD" in ctx.provinces and "CKV_CNLIC_101" in ctx.rules
    assert ctx.types.get("alicloud_instance").known and ctx.regions.resolve("alicloud", region="cn-beijing")
    assert ctx.clauses is not None


def test_a_tag_key_matches_exactly_else_ignoring_case_and_blanks(ctx):
    s = Subject(make("alicloud_instance", tags={" License-Service ": "idc", "license-service": "vpn"}), ctx)
    assert s.tag("license-service") == "vpn"
    loose = Subject(make("alicloud_instance", tags={" License-Service ": "idc"}), ctx)
    assert loose.tag("license-service") == "idc"
    assert s.tag("prior-filing") is None


def test_tag_blocks_are_folded_and_a_non_map_is_unknown(ctx):
    blocks = [{"Key": "license-service", "Value": "isp"}]
    assert Subject(make("alicloud_instance", tags=blocks), ctx).tag("license-service") == "isp"
    assert isinstance(Subject(make("alicloud_instance", tags="idc"), ctx).tag("license-service"), Unknown)


def test_own_tags_count_when_the_merged_tags_are_known_only_after_apply(ctx):
    r = make("aws_instance", tags={"license-service": "idc"}, tags_all=Unknown())
    s = Subject(r, ctx)
    assert (s.tag("license-service"), isinstance(s.tag("prior-filing"), Unknown)) == ("idc", True)


def test_each_tag_is_looked_up_once_per_subject(ctx, monkeypatch):
    calls = []
    original = Subject._tag
    monkeypatch.setattr(Subject, "_tag", lambda self, key: calls.append(key) or original(self, key))
    s = Subject(make("alicloud_instance", tags={"license-service": "idc"}), ctx)
    assert [s.tag("license-service") for _ in range(3)] == ["idc"] * 3
    assert calls == ["license-service"]
    assert "_tag_cache" not in vars(s)


def test_the_shared_facts_name_the_resource_and_where_it_was_found(ctx):
    s = Subject(make("alicloud_instance", availability_zone="cn-shenzhen-a"), ctx)
    assert {k: v for k, v in s.facts.items() if k != "location"} == {
        "address": "alicloud_instance.r", "type": "alicloud_instance", "cloud": "alicloud",
        "located_from": "attribute availability_zone"}
    assert s.facts["location"] is s.placement.location and s.facts is s.facts
    assert Subject(make("alicloud_instance"), ctx).facts["location"] is None


def test_type_facts_come_from_the_pulumi_token_or_the_terraform_type(ctx):
    pulumi = Resource("urn:x", "alicloud:ecs/instance:Instance", "alicloud", source_kind="pulumi")
    assert Subject(pulumi, ctx).info.type == "alicloud_instance"
    unlisted = Resource("urn:y", "alicloud:brandnew/thing:Thing", "alicloud", source_kind="pulumi")
    assert (Subject(unlisted, ctx).info.known, Subject(unlisted, ctx).info.cloud) == (False, "alicloud")


def test_catalog_defaults_fill_omitted_attributes_and_are_listed(ctx):
    s = Subject(make("alicloud_cs_managed_kubernetes", provider_region="cn-beijing"), ctx)
    assert s.attributes["slb_internet_enabled"] is True
    assert [d.attr for d in s.defaulted] == ["slb_internet_enabled"]
    assert "slb_internet_enabled" not in s.resource.attributes
