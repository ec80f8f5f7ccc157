"""The rule catalog is the join key: every id is implemented, bilingual, cites real clauses, and every
message a rule can produce exists with the placeholders its verdict fills."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
import string
from pathlib import Path

import yaml

from helpers import make
from permitguard import datafiles, engine, localise
from permitguard.geo import RegionCatalog
from permitguard.model import Action, Resource, Unknown
from permitguard.peers import Peers
from permitguard.rule_catalog import RuleCatalog
from permitguard.rules import RULES, check_against_catalog
from permitguard.rules.configuration import REASONS
from permitguard.rules.validity import standing_params
from permitguard.sources import readers
from permitguard.sources.documents import Documents

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fixtures"
CATALOG = RuleCatalog.load()


def _rules_yaml() -> dict:
    return yaml.safe_load((ROOT / "policies/permitguard/data/rules.yaml").read_text(encoding="utf-8"))


def test_catalog_is_valid_against_its_schema():
    assert datafiles.schema_errors("rules.schema.json", _rules_yaml()) == []


def test_the_catalog_lists_its_rules_in_id_order():
    """Every output lists rules in catalog order (explain, SARIF rules, the report's rule tables)."""
    ids = [r.id for r in CATALOG]
    assert ids == sorted(ids)


def test_every_catalogued_rule_is_implemented_and_vice_versa():
    assert check_against_catalog(CATALOG) == []
    assert sorted(RULES) == ["CKV_CNLIC_100", "CKV_CNLIC_101", "CKV_CNLIC_102", "CKV_CNLIC_103",
                             "CKV_CNLIC_201", "CKV_CNLIC_202", "CKV_CNLIC_203", "CKV_CNLIC_301",
                             "CKV_CNLIC_302", "CKV_CNLIC_401", "CKV_CNLIC_402", "CKV_CNLIC_403",
                             "CKV_CNLIC_404", "CKV_CNLIC_405", "CKV_CNLIC_501", "CKV_CNLIC_601",
                             "CKV_CNLIC_602", "CKV_CNLIC_603", "CKV_CNLIC_701", "CKV_CNLIC_901"]


def test_titles_remediation_and_messages_are_bilingual():
    for rule in CATALOG:
        texts = [rule.title, rule.remediation, *rule.messages.values()]
        assert all(t.en.strip() and t.zh.strip() for t in texts), rule.id
        assert all(re.search(r"[\u4e00-\u9fff]", t.zh) for t in texts), rule.id


def test_clauses_cited_exist_in_the_clause_catalog():
    clauses = yaml.safe_load((ROOT / "policies/permitguard/data/clauses.yaml").read_text(encoding="utf-8"))
    known = {c["id"] for c in clauses["clauses"]}
    for rule in CATALOG:
        assert set(rule.clauses) <= known, rule.id


def test_en_and_zh_messages_use_the_same_facts():
    def fields(text: str) -> set[str]:
        return {f.split("!")[0] for f in re.findall(r"{([a-z_]+(?:![rs])?)}", text)}

    for rule in CATALOG:
        for key, text in rule.messages.items():
            en = {f.removesuffix("_en") for f in fields(text.en)}
            zh = {f.removesuffix("_zh") for f in fields(text.zh)}
            assert en == zh, (rule.id, key)


ADVISORY = {"CKV_CNLIC_402", "CKV_CNLIC_403", "CKV_CNLIC_601", "CKV_CNLIC_602",  # the table
            "CKV_CNLIC_603"}  # record-keeping (SP-6 grading and filing), like 601/602


def test_default_enforcement_of_the_core_duties_is_mandatory():
    assert {r.id: r.enforcement for r in CATALOG} == {
        rid: "advisory" if rid in ADVISORY else "mandatory" for rid in RULES}


def test_names_carry_the_rule_number():
    for rule in CATALOG:
        assert rule.name.startswith(f"cnlic-{rule.id[-3:]}-"), rule.id


def test_could_not_establish_failures_are_marked_in_the_catalog():
    assert CATALOG["CKV_CNLIC_103"].undetermined(None) and CATALOG["CKV_CNLIC_103"].undetermined("no_region")
    assert CATALOG["CKV_CNLIC_201"].undetermined("unresolved")
    assert CATALOG["CKV_CNLIC_102"].undetermined("coverage_undetermined")
    assert not CATALOG["CKV_CNLIC_101"].undetermined("outside_mainland")
    assert not CATALOG["CKV_CNLIC_201"].undetermined("third_party")
    assert not CATALOG["CKV_CNLIC_701"].undetermined("expired")
    assert CATALOG["CKV_CNLIC_202"].undetermined("unparseable_source")
    assert CATALOG["CKV_CNLIC_202"].undetermined("prefix_list")


def test_permit_validity_cites_sp12_and_has_a_scan_notice_for_every_state_but_valid():
    meta = CATALOG["CKV_CNLIC_701"]
    assert meta.clauses == ("SP-12",) and meta.family == "validity"
    assert {k for k in meta.messages if k.startswith("scan_")} == {
        "scan_renewal_window", "scan_expired", "scan_not_yet_valid"}


def test_a_placeholder_no_verdict_fills_fails_the_suite_and_shows_a_question_mark_in_a_scan(monkeypatch):
    from permitguard import rule_catalog

    meta = CATALOG["CKV_CNLIC_101"]
    try:
        meta.message("outside_mainland", {"address": "a"})
    except KeyError as exc:
        assert "is not filled" in str(exc)
    else:
        raise AssertionError("a missing placeholder passed the suite unnoticed")
    monkeypatch.setattr(rule_catalog, "STRICT_PLACEHOLDERS", False)
    assert "?" in meta.message("outside_mainland", {"address": "a"}).en


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_placeholders_name_facts_not_languages_and_both_languages_name_the_same_facts():
    """A template names a fact ({location}); permitguard.localise words it for the template's language."""
    for rule in CATALOG:
        for key, text in {**rule.messages, **rule.common}.items():
            names = _placeholders(text.en) | _placeholders(text.zh)
            assert not any(n.endswith(("_en", "_zh")) for n in names), (rule.id, key)
            assert _placeholders(text.en) == _placeholders(text.zh), (rule.id, key)


# Resources that make a rule return a reason the example configurations under tests/fixtures do not give.
_PART = "terraform_module_call"
_VM = {"availability_zone": "cn-shanghai-l"}
_RULE_22 = {"type": "ingress", "policy": "accept", "ip_protocol": "tcp", "port_range": "22/22"}
_OWN_CASES = [
    *[(dt.date(2026, 11, 28), make(_PART, reason=why, source="./m", why="w")) for why in REASONS],
    (None, make("azurerm_linux_virtual_machine", location="chinaeast3", tags={"license-service": "isp"})),
    (None, make("alicloud_brand_new_role", policy_document=json.dumps(
        {"Statement": [{"Effect": "Allow", "Principal": {"RAM": ["acs:ram::999:root"]}}]}))),
    (None, make("alicloud_security_group_rule", type="ingress", ip_protocol="tcp", port_range="22/22",
                cidr_ip="0.0.0.0/0")),
    (None, make("tencentcloud_brand_new_acl", provider_region="ap-guangzhou", entries=[{"cidr": "::/0"}])),
    (None, make("alicloud_security_group_rule", **_RULE_22, cidr_ip="ssh")),
    (None, make("alicloud_security_group_rule", **_RULE_22, cidr_ip=Unknown())),
    (None, make("alicloud_cs_managed_kubernetes", provider_region="cn-beijing", slb_internet_enabled=True)),
    (None, make("alicloud_security_group_rule", **{**_RULE_22, "port_range": "ssh"}, cidr_ip="0.0.0.0/0")),
    (None, make("huaweicloud_networking_secgroup_rule", direction="ingress", protocol="tcp", ports="22",
                remote_address_group_id="ag-123")),
    (None, make("alicloud_brand_new_thing", provider_region="cn-hangzhou")),
    (None, make("alicloud_snat_entry", provider_region="cn-hangzhou", source_cidr="10.0.0.0/24")),  # no peers
    (None, make("alicloud_brand_new_thing", provider_region="cn-hangzhou", tags={"prior-filing": "TE-1"})),
    (None, make("alicloud_instance", **_VM, tags={"license-service": "vpn"})),  # VPN files no rooms
    (None, make("alicloud_instance", **_VM, action=Action.DELETE)),
    (None, Resource("p", "pulumi:providers:alicloud", "alicloud", {"region": "cn-beijing"},
                    source_kind="pulumi")),
    (None, Resource("c", "kubernetes:yaml/v2:ConfigGroup", "kubernetes", {}, source_kind="pulumi")),  # 203
    (None, make("azurerm_subnet", resource_group_name="rg", virtual_network_name="v")),  # placement child
    (None, make("aws_eks_access_policy_association", provider_region="cn-north-1", policy_arn=Unknown())),
    (dt.date(2026, 9, 1), make("alicloud_instance", **_VM, tags={"prior-filing": "TE-2026-0412"})),
    (dt.date(2029, 5, 1), make("alicloud_instance", **_VM)),  # renewal window
    (dt.date(2030, 1, 1), make("alicloud_instance", **_VM)),  # expired
    (dt.date(2000, 1, 1), make("alicloud_instance", **_VM)),  # not yet valid
]


def _own_configurations(ctx):
    """Verdicts no fixture folder reaches: a companion naming an unknown bucket, an encryption setting known
    only after apply, a node whose city is unknown under a city-level coverage, a profile that files no rooms
    or grants no IDC."""
    tagged = {"data-class": "personal"}
    bucket = make("alicloud_oss_bucket", provider_region="cn-beijing", bucket="op-a", tags=tagged,
                  server_side_encryption_rule=[{"sse_algorithm": "KMS"}])
    stray = make("alicloud_oss_bucket_acl", provider_region="cn-beijing", acl="public-read",
                 bucket=Unknown("known only after apply"))
    pending = make("tencentcloud_cos_bucket", provider_region="ap-guangzhou", bucket="b-1", tags=tagged,
                   encryption_algorithm=Unknown("known only after apply"))
    node = make("alicloud_ens_instance", ens_region_id="cn-beijing-telecom", schedule_area_level="Region")
    data = datafiles.load_data("regions.yaml", "regions.schema.json")
    data = copy.deepcopy(data)
    data["edge_nodes"]["alicloud_ens"]["nodes"].append(
        {"node": "cn-guangdong-test", "name": "test", "territory": "mainland", "province": "CN-GD",
         "city": None, "source": "test"})
    vague = make("alicloud_ens_instance", ens_region_id="cn-guangdong-test", schedule_area_level="Region")
    regions = RegionCatalog(data, ctx.provinces)
    p = ctx.profile
    return [
        (ctx, [bucket, stray]),
        (ctx, [pending]),
        (dataclasses.replace(ctx, regions=regions), [vague]),
        (dataclasses.replace(ctx, profile=dataclasses.replace(p, rooms=())), [node]),
        (dataclasses.replace(ctx, profile=dataclasses.replace(
            p, services={k: v for k, v in p.services.items() if k != "idc"})), [node]),
    ]


def _rendered_reasons(ctx, resources, as_of=None, peers=None) -> set[tuple[str, str]]:
    """(rule id, reason) of every finding on `resources`: each message rendered from its verdict's facts
    in both languages, a placeholder the facts do not fill failing (STRICT_PLACEHOLDERS, conftest.py).
    `peers`: the configuration's resources, as the CLI and Checkov hand them (None: as the Pulumi pack)."""
    run = dataclasses.replace(ctx, as_of=as_of) if as_of else ctx
    found = set()
    for resource in resources:
        for f in engine.evaluate(resource, run, peers=peers):
            assert f.message_en.startswith(resource.address) or f.rule_id == "CKV_CNLIC_100", f
            assert re.search(r"[\u4e00-\u9fff]", f.message_zh), f
            found.add((f.rule_id, f.reason))
    return found


def test_every_message_of_every_rule_is_rendered_from_the_facts_of_a_verdict_that_returns_it(
        ctx, monkeypatch):
    folders = [readers.read(p, ctx.types, Documents()).resources
               for p in sorted(FIXTURES.glob("CKV_CNLIC_*/"))]
    seen = _rendered_reasons(ctx, [r for rs in folders for r in rs])
    for resources in folders:  # with the configuration's other resources, as the CLI and Checkov judge
        seen |= _rendered_reasons(ctx, resources, peers=Peers(resources, ctx.types))
    for as_of, resource in _OWN_CASES:
        seen |= _rendered_reasons(ctx, [resource], as_of)
    for run, resources in _own_configurations(ctx):
        seen |= _rendered_reasons(run, resources, peers=Peers(resources, ctx.types))
    # profiles other than the bundled one: no icp_filings (the number's format only), a 30-day threshold
    no_filings = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, icp_filings={}))
    seen |= _rendered_reasons(no_filings, [make("alicloud_cdn_domain_new", domain_name="www.example.cn",
                                                tags={"icp-filing": "京ICP备12345678号-1"})])
    unlisted = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, security_filings=()))
    graded = {"protection-grade": "2", "security-filing": "MIIT-SEC-2025-0007"}
    seen |= _rendered_reasons(unlisted, [make("aws_instance", tags=graded)])
    month = dataclasses.replace(ctx, profile=dataclasses.replace(ctx.profile, log_retention_days=30))
    seen |= _rendered_reasons(month, [make("azurerm_log_analytics_workspace", tags={"log-class": "access"})])
    seen |= _rendered_reasons(ctx, [make("aws_cloudwatch_log_group", retention_in_days="a year",
                                         tags={"log-class": "access"})])
    def broken(subject, ctx):  # a fault while judging one resource: its finding says so (engine._judge)
        raise TypeError("a value of a shape the rule did not expect")

    with monkeypatch.context() as m:
        m.setitem(engine.RULES, "CKV_CNLIC_203", broken)
        seen |= _rendered_reasons(ctx, [make("kubernetes_cluster_role_binding")])
    catalogued = {(r.id, k) for r in CATALOG for k in r.messages if not k.startswith("scan_")}
    catalogued |= {(r.id, k) for r in CATALOG for k in r.common if ctx.level(r.id) != "disabled"}
    applicable = {(i, k) for i, k in catalogued if k not in CATALOG[i].messages}  # common: not every rule
    assert catalogued - applicable <= seen
    assert {k for _, k in applicable} <= {k for _, k in seen}


def test_the_scan_notices_render_from_the_standing_of_the_permit(ctx):
    p = ctx.profile
    facts = standing_params(p.number, p.issued, p.expires, p.renewal_deadline(), p.renewal_notice_days,
                            dt.date(2029, 5, 1))
    for state in ("renewal_window", "expired", "not_yet_valid"):
        text = localise.message(CATALOG["CKV_CNLIC_701"], f"scan_{state}", facts, ctx)
        assert p.number in text.en and p.number in text.zh
