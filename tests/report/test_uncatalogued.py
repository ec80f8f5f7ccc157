"""Every output lists the resource types the catalog did not know, and what that means."""
from __future__ import annotations

import json

from helpers import cli
from permitguard.report.formats import html as html_report
from permitguard.report.formats import markdown, text
from permitguard.report.uncatalogued import unknown_types
from report.support import PROFILE, STAMP

MAIN = '''
provider "alicloud" {
  region = "cn-beijing"
}
resource "alicloud_brand_new_thing" "a" {}
resource "alicloud_brand_new_thing" "b" {}
resource "alicloud_other_new_thing" "c" {}
resource "alicloud_vpc" "known" {}
resource "random_id" "r" {
  byte_length = 4
}
'''


def _doc(tmp_path) -> dict:
    (tmp_path / "main.tf").write_text(MAIN, encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", PROFILE, "--format", "json", "--as-of", "2026-11-28",
              "--generated-at", STAMP)
    assert run.exit_status in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_the_findings_document_lists_unknown_types_with_their_resource_count(tmp_path):
    assert _doc(tmp_path)["unknown_types"] == [{"type": "alicloud_brand_new_thing", "resources": 2},
                                               {"type": "alicloud_other_new_thing", "resources": 1}]


def test_text_markdown_and_html_say_what_it_means(tmp_path, ctx):
    doc = _doc(tmp_path)
    out = text.render(doc, ctx, lang="en")
    assert ("types not in the resource-type catalog (judged for location only, not for exposure or trust): "
            "alicloud_brand_new_thing (2), alicloud_other_new_thing (1)") in out
    assert "资源类型目录中没有的类型（仅判定其位置，不判定暴露与信任）" in text.render(doc, ctx, lang="zh")
    assert "judged for location only" in markdown.render(doc, ctx, lang="en")
    assert 'class="unknown-types"' in html_report.render(doc, ctx, lang="en")


def test_pulumi_tokens_and_providers_without_location_are_not_unknown(ctx):
    items = [{"resource": {"address": a, "type": t}} for a, t in [
        ("u1", "alicloud:ecs/instance:Instance"), ("u2", "pulumi:providers:alicloud"), ("u3", "random_id"),
        ("u4", "alicloud:ecs/notAThing:NotAThing")]]
    assert unknown_types(items, ctx.types) == [{"type": "alicloud:ecs/notAThing:NotAThing", "resources": 1}]
