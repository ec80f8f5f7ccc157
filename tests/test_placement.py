"""placement.place: zone first, then the resource's own region attribute, then its provider's region; a value
that cannot be read or a region id the catalog does not know gives no location, and says why."""
from __future__ import annotations

from helpers import make
from permitguard import placement as pl
from permitguard.model import Unknown, is_sensitive, sensitive


def _place(ctx, resource):
    return pl.place(resource, ctx.types.get(resource.type), ctx.regions)


def test_global_and_child_types_have_no_location_whatever_they_set(ctx):
    for type_ in ("alicloud_ram_role", "azurerm_subnet"):
        p = _place(ctx, make(type_, provider_region="cn-hongkong", region="cn-hongkong"))
        assert (p.kind, p.location, p.locations) == (ctx.types.get(type_).placement, None, ())
        assert p.kind in pl.NO_LOCATION


def test_the_zone_wins_over_the_region_attribute_and_the_provider(ctx):
    p = _place(ctx, make("aws_instance", provider_region="cn-north-1", region="cn-north-1",
                         availability_zone="cn-northwest-1a"))
    assert (p.kind, p.location.region, p.location.zone, p.what) == (
        pl.LOCATED, "cn-northwest-1", "cn-northwest-1a", "zone")
    assert (p.located_from, p.value) == ("attribute availability_zone", "cn-northwest-1a")


def test_the_region_attribute_wins_over_the_provider_region(ctx):
    p = _place(ctx, make("aws_instance", provider_region="cn-north-1", region="cn-northwest-1"))
    assert (p.location.region, p.located_from, p.what) == ("cn-northwest-1", "attribute region", "region")


def test_the_provider_region_locates_a_resource_that_names_none_and_says_where_it_came_from(ctx):
    p = _place(ctx, make("aws_instance", provider_region="cn-north-1"))
    assert (p.kind, p.location.region, p.located_from) == (pl.LOCATED, "cn-north-1", "provider test")


def test_an_unknown_zone_id_never_falls_back_to_the_region(ctx):
    p = _place(ctx, make("alicloud_instance", provider_region="cn-beijing", availability_zone="xx-nowhere-z"))
    assert (p.kind, p.what, p.value, p.location) == (pl.UNKNOWN_REGION, "zone", "xx-nowhere-z", None)


def test_a_zone_known_only_at_apply_sits_in_the_region_its_provider_names(ctx):
    p = _place(ctx, make("alicloud_instance", provider_region="cn-beijing", availability_zone=Unknown()))
    assert (p.kind, p.location.region, p.location.zone, p.zone_unknown) == (
        pl.LOCATED, "cn-beijing", None, True)
    assert p.why == "zone known only after apply (attribute availability_zone)"


def test_a_zone_and_a_region_both_unknown_are_unresolved_for_the_zones_reason(ctx):
    r = make("alicloud_instance", provider_region=Unknown("unresolved reference var.r"),
             availability_zone=Unknown())
    p = _place(ctx, r)
    assert (p.kind, p.why, p.located_from) == (
        pl.UNRESOLVED, "known only after apply", "attribute availability_zone")


def test_an_unresolved_provider_region_says_why_and_none_at_all_is_no_region(ctx):
    p = _place(ctx, make("aws_instance", provider_region=Unknown("unresolved reference var.region")))
    assert (p.kind, p.why) == (pl.UNRESOLVED, "unresolved reference var.region")
    assert _place(ctx, make("aws_instance")).kind == pl.NO_REGION
    assert _place(ctx, make("aws_instance", provider_region="")).kind == pl.NO_REGION


def test_an_unknown_provider_region_id_is_kept_for_the_message(ctx):
    p = _place(ctx, make("aws_instance", provider_region="cn-atlantis-1"))
    assert (p.kind, p.value, p.located_from) == (pl.UNKNOWN_REGION, "cn-atlantis-1", "provider test")


def test_azure_logical_zones_name_no_region_and_the_location_attribute_locates(ctx):
    p = _place(ctx, make("azurerm_linux_virtual_machine", zone="1", location="chinanorth3"))
    assert (p.kind, p.location.region, p.located_from) == (pl.LOCATED, "chinanorth3", "attribute location")


def test_every_zone_of_a_multi_zone_resource_is_a_location_and_the_first_is_the_main_one(ctx):
    r = make("alicloud_cs_managed_kubernetes", zone_ids=["cn-beijing-h", "cn-hongkong-b", "cn-beijing-h"])
    p = _place(ctx, r)
    assert [loc.zone for loc in p.locations] == ["cn-beijing-h", "cn-hongkong-b"]
    assert (p.location.zone, p.value) == ("cn-beijing-h", "cn-beijing-h")


def test_one_unknown_zone_among_several_leaves_the_resource_unlocated(ctx):
    r = make("alicloud_cs_managed_kubernetes", zone_ids=["cn-beijing-h", "atlantis-1"])
    assert (_place(ctx, r).kind, _place(ctx, r).value) == (pl.UNKNOWN_REGION, "atlantis-1")


def test_a_location_found_from_a_sensitive_value_keeps_its_ids_sensitive_and_its_place_plain(ctx):
    p = _place(ctx, make("alicloud_instance", availability_zone=sensitive("cn-hongkong-b")))
    loc = p.location
    assert is_sensitive(loc.region) and is_sensitive(loc.zone)
    assert (loc.territory, loc.province, is_sensitive(loc.territory)) == ("hk", "CN-HK", False)


def test_the_trail_names_the_provider_steps_only_when_the_provider_located_it(ctx):
    from permitguard.model import TrailStep

    by_provider = TrailStep("provider_block", "provider aws", "providers.tf", 1)
    r = make("aws_vpc", provider_region="cn-north-1")
    p = _place(ctx, type(r)(**{**r.__dict__, "trail": (by_provider,)}))
    assert p.trail == (by_provider, TrailStep("region_value", "provider test = cn-north-1"),
                       TrailStep("location", "aws cn-north-1 → mainland, CN-BJ, Beijing"))
    zoned = make("aws_instance", provider_region="cn-north-1", availability_zone="cn-northwest-1a")
    p = _place(ctx, type(zoned)(**{**zoned.__dict__, "trail": (by_provider,), "file": "m.tf", "line": 4}))
    assert p.trail == (TrailStep("zone_value", "attribute availability_zone = cn-northwest-1a", "m.tf", 4),
                       TrailStep("location", "aws cn-northwest-1a → region cn-northwest-1 → mainland, CN-NX, "
                                             "Zhongwei (unverified)"))


def test_the_trail_of_an_unknown_region_says_why_and_names_no_location(ctx):
    p = _place(ctx, make("aws_vpc", provider_region=Unknown("var.region is not set")))
    assert [s.kind for s in p.trail] == ["region_value", "unresolved"]
    assert p.trail[1].what == "var.region is not set"
    p = _place(ctx, make("aws_vpc", region="mars-1"))
    assert [(s.kind, s.what) for s in p.trail] == [
        ("region_value", "attribute region = mars-1"),
        ("unknown_region", "aws mars-1: not in the region catalog"),
    ]
