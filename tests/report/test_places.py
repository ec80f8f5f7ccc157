"""CKV_CNLIC_301 failures are grouped by the new machine room they add, in every human-readable output."""
from __future__ import annotations

import json

from helpers import cli
from permitguard.report.formats import html as html_report
from permitguard.report.formats import markdown, text
from report.support import PROFILE, ROOT, STAMP

FIXTURE = str(ROOT / "tests" / "fixtures" / "CKV_CNLIC_301")


def _doc() -> dict:
    run = cli("scan", FIXTURE, "--license", PROFILE, "--format", "json", "--as-of", "2026-11-28",
              "--generated-at", STAMP)
    return json.loads(run.stdout)


def test_failed_301_findings_name_the_room_they_add():
    rooms = {f["resource"]["address"]: f.get("room") for f in _doc()["findings"]
             if f["rule_id"] == "CKV_CNLIC_301" and f["status"] == "failed"}
    assert rooms == {
        "alicloud_instance.fail_new_zone_untagged": "alicloud cn-beijing zone a",
        "alicloud_oss_bucket.fail_new_region_untagged": "alicloud cn-shanghai (whole region)",
        "alicloud_instance.fail_filing_out_of_scope": "alicloud cn-shanghai zone b",
    }


def test_passed_and_other_rules_name_no_room():
    assert [f for f in _doc()["findings"] if f.get("room") and f["rule_id"] != "CKV_CNLIC_301"] == []
    assert [f for f in _doc()["findings"] if f.get("room") and f["status"] != "failed"] == []


def _with_extra_room_members(doc: dict, n: int) -> dict:
    """The document with `n` more resources in the new room cn-beijing zone a."""
    base = next(f for f in doc["findings"] if f.get("room") == "alicloud cn-beijing zone a")
    extra = [{**base, "resource": {**base["resource"], "address": f"alicloud_instance.more{i}"}}
             for i in range(n)]
    return {**doc, "findings": extra + doc["findings"]}


def test_text_output_groups_301_by_room_largest_first(ctx):
    out = text.render(_with_extra_room_members(_doc(), 13), ctx, lang="en")
    section = out.split("CKV_CNLIC_301", 1)[1].split("CKV_CNLIC_302", 1)[0]
    heads = [line.strip() for line in section.splitlines() if line.strip().startswith("adds machine room")]
    assert heads == ["adds machine room alicloud cn-beijing zone a: 14 resources",
                     "adds machine room alicloud cn-shanghai (whole region): 1 resource",
                     "adds machine room alicloud cn-shanghai zone b: 1 resource"]
    first = section.index("adds machine room alicloud cn-beijing zone a")
    assert section.index("alicloud_instance.more0") > first
    assert section.index("alicloud_oss_bucket.fail_new_region_untagged") > section.index("(whole region)")


def test_chinese_text_output_names_the_room_in_chinese(ctx):
    assert "新增机房 alicloud cn-beijing zone a：1 个资源" in text.render(_doc(), ctx, lang="zh")


def test_markdown_and_html_list_the_rooms_under_301(ctx):
    doc = _with_extra_room_members(_doc(), 13)
    md = markdown.render(doc, ctx, lang="en")
    assert "- adds machine room alicloud cn-beijing zone a: 14 resources" in md
    page = html_report.render(doc, ctx, lang="en")
    assert '<ul class="rooms">' in page
    assert "adds machine room alicloud cn-beijing zone a: 14 resources" in page


def test_a_301_failure_from_another_tool_is_grouped_by_its_resource_location():
    from permitguard.report.places import room

    f = {"rule_id": "CKV_CNLIC_301", "status": "failed",
         "resource": {"provider": "tencentcloud", "region": "ap-guangzhou", "zone": "ap-guangzhou-3"}}
    assert room(f) == "tencentcloud ap-guangzhou zone 3"
