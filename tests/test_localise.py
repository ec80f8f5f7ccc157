"""permitguard.localise: a verdict's facts in words, per language."""
from __future__ import annotations

import pytest

from permitguard import localise
from permitguard.model import Unknown


def test_an_unknowns_reason_is_translated_by_its_prefix_and_a_plain_text_is_kept(ctx):
    why = Unknown("unresolved reference var.region")
    assert localise.parameters({"why": why}, "en", ctx) == {"why": "unresolved reference var.region"}
    assert localise.parameters({"why": why}, "zh", ctx) == {"why": "无法解析的引用 var.region"}
    parser = "unresolved reference at line 3"  # a parser's own text: not an Unknown, never translated
    assert localise.parameters({"why": parser}, "zh", ctx) == {"why": parser}


def test_business_types_and_their_coverage_are_named_and_separated_per_language(ctx):
    facts = {"services": ("idc", "vpn"), "coverage": ("idc", "vpn")}
    en, zh = (localise.parameters(facts, lang, ctx) for lang in ("en", "zh"))
    assert en["services"] == "Internet Data Centre (B11) / Domestic Internet VPN (B13)"
    assert zh["services"] == "互联网数据中心业务（B11）、国内互联网虚拟专用网业务（B13）"
    assert en["coverage"] == "B11 Beijing, Shanghai, Tianjin, Guangzhou, Shenzhen; B13 mainland China"
    assert zh["coverage"] == "B11 北京市、上海市、天津市、Guangzhou、Shenzhen；B13 中国大陆"


def test_a_location_a_territory_and_a_missing_fact_are_worded_per_language(ctx):
    loc = ctx.regions.resolve("alicloud", region="cn-heyuan")
    facts = {"location": loc, "territory": "hk", "missing": "city"}
    assert localise.parameters(facts, "en", ctx) == {
        "location": "alicloud cn-heyuan → Guangdong (CN-GD), Heyuan", "territory": "Hong Kong",
        "missing": "city"}
    assert localise.parameters(facts, "zh", ctx) == {
        "location": "alicloud cn-heyuan → 广东省 (CN-GD)，Heyuan", "territory": "中国香港", "missing": "城市"}
    assert localise.parameters({"location": None}, "zh", ctx) == {"location": "未知"}


def test_lists_of_principals_ports_and_sources_are_sorted_and_joined(ctx):
    facts = {"principals": (), "ports": ((22, 22), (3389, 3389), (22, 22), (0, 65535)),
             "sources": ("::/0", "0.0.0.0/0", "::/0")}
    assert localise.parameters(facts, "zh", ctx) == {
        "principals": "none", "ports": "0-65535, 22, 3389", "sources": "0.0.0.0/0, ::/0"}


def test_other_facts_are_shown_as_they_are_and_an_unknown_language_is_refused(ctx):
    facts = {"address": "a.b", "value": 5, "tag": "prior-filing"}
    assert localise.parameters(facts, "zh", ctx) == facts
    assert localise.parameters({"value": Unknown()}, "en", ctx) == {"value": "unknown"}
    with pytest.raises(ValueError):
        localise.parameters(facts, "fr", ctx)


def test_a_public_endpoint_is_worded_from_what_its_reader_found(ctx):
    from permitguard.rules.endpoints import ENDPOINTS

    public = {"vpc_config": [{"endpoint_public_access": True}], "slb_internet_enabled": True,
              "cluster_internet": True, "cluster_internet_domain": "k.example", "eip": "1.2.3.4"}
    words = {name: localise.parameters({"endpoint": read(public)}, "zh", ctx)["endpoint"]
             for name, read in ENDPOINTS.items()}
    assert words == {
        "aws_eks": "endpoint_public_access from 0.0.0.0/0",
        "alicloud_cs": "slb_internet_enabled = true",
        "tencent_tke_endpoint": "cluster_internet = true (k.example)",
        "tencent_tke": "cluster_internet = true (k.example)",
        "azure_aks": "public API server, authorized ranges 0.0.0.0/0",
        "huawei_cce": "API bound to EIP 1.2.3.4",
    }
    later = ENDPOINTS["huawei_cce"]({"eip": Unknown()})
    shown = localise.parameters({"endpoint": later}, "en", ctx)["endpoint"]
    assert shown == "API bound to EIP (assigned at apply)"
