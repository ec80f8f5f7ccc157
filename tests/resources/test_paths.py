"""Reading catalog attribute paths (plain, list-valued, dotted through blocks) out of attributes."""

from permitguard.model import Unknown
from permitguard.resources import lookup, values_at


def test_plain_attribute():
    assert values_at({"zone_id": "cn-beijing-h"}, "zone_id") == ["cn-beijing-h"]


def test_list_attribute_yields_its_elements():
    assert values_at({"zones": ["1", None, "2"]}, "zones") == ["1", "2"]


def test_dotted_path_walks_every_block_in_order():
    attributes = {"zone_mappings": [{"zone_id": "cn-hangzhou-j"}, {"zone_id": "cn-hangzhou-k"}, {}]}
    assert values_at(attributes, "zone_mappings.zone_id") == ["cn-hangzhou-j", "cn-hangzhou-k"]


def test_dotted_path_through_a_list_inside_a_block():
    attributes = {"default_node_pool": [{"zones": ["1", "3"]}]}
    assert values_at(attributes, "default_node_pool.zones") == ["1", "3"]


def test_missing_and_null_values_yield_nothing():
    assert [values_at({"zone": None}, "zone"), values_at({}, "zone"), values_at({"a": "x"}, "a.b")] == [
        [],
        [],
        [],
    ]


def test_an_unknown_block_yields_the_unknown():
    unknown = Unknown("known only after apply")
    assert values_at({"zone_mappings": unknown}, "zone_mappings.zone_id") == [unknown]


def test_lookup_takes_the_first_known_value_in_path_order():
    assert (
        lookup(
            {"zone_id": "cn-beijing-i", "availability_zone": "cn-beijing-h"}, ["availability_zone", "zone_id"]
        )
        == "cn-beijing-h"
    )


def test_lookup_passes_over_unknown_and_empty_values():
    attributes = {"availability_zone": Unknown(), "zone_id": "", "zones": [Unknown(), "cn-shanghai-l"]}
    assert lookup(attributes, ["availability_zone", "zone_id", "zones"]) == "cn-shanghai-l"


def test_lookup_reports_the_unknown_when_nothing_is_known():
    unknown = Unknown("var.zone")
    result = lookup({"zone_id": unknown}, ["availability_zone", "zone_id"])
    assert (type(result), result.why) == (Unknown, "var.zone")


def test_lookup_gives_none_when_no_path_is_set():
    assert lookup({"tags": {}}, ["availability_zone", "zone_id"]) is None
