"""Values a plan marks sensitive (`after_sensitive`, `before_sensitive`, `sensitive_values`, a sensitive
root variable) are judged like any other, and never leave the process: a Hong Kong zone fails
CKV_CNLIC_101, a management port open to a sensitive source fails CKV_CNLIC_202, and neither value
appears in any output format (text, JSON, SARIF, JUnit, Markdown, HTML, the `report` command's, Checkov's
details): each shows as "(sensitive)"."""

from __future__ import annotations

import json

import pytest

from helpers import cli
from hostile.plans import HK, HK_ZONE, OK, change, plan, state_resource, write
from hostile.support import AS_OF, BUNDLED, ROOT, checkov_suite
from permitguard.cli.definition import FORMATS
from permitguard.model import MASK, SensitiveStr, masked, sensitive, sensitive_texts

ARGS = ("--license", str(BUNDLED), "--as-of", AS_OF)
SOURCE = "203.0.113.77/32"
OWNER = "owner-7f3a9c-secret"
HIDDEN = ("cn-hongkong", SOURCE, OWNER)
SSH = "alicloud_security_group_rule.ssh"
PLANNED = "alicloud_vswitch.planned_hk"
MOVED = "alicloud_vswitch.moved"
REGION_VPC = "alicloud_vpc.by_region"


def _plan() -> dict:
    hk = change(
        HK,
        after={"zone_id": HK_ZONE, "cidr_block": "10.1.0.0/24", "tags": {"owner": OWNER}},
        after_sensitive={"zone_id": True, "tags": {"owner": True}},
    )
    ssh = change(
        SSH,
        after={
            "type": "ingress",
            "ip_protocol": "tcp",
            "port_range": "22/22",
            "cidr_ip": SOURCE,
            "security_group_id": "sg-1",
            "policy": "accept",
        },
        after_sensitive={"cidr_ip": True},
    )
    moved = change(
        MOVED,
        ["update"],
        after={"zone_id": "cn-beijing-h", "cidr_block": "10.4.0.0/24"},
        before={"zone_id": HK_ZONE, "cidr_block": "10.4.0.0/24"},
        before_sensitive={"zone_id": True},
    )
    by_region = change(
        REGION_VPC, after={"cidr_block": "10.5.0.0/16"}, provider_name="registry.terraform.io/aliyun/alicloud"
    )
    by_region["provider_config_key"] = "alicloud.hk"
    planned = state_resource(
        PLANNED, {"zone_id": HK_ZONE, "cidr_block": "10.6.0.0/24"}, sensitive_values={"zone_id": True}
    )
    doc = plan(
        [hk, ssh, moved, change(), by_region],
        planned_values={"root_module": {"resources": [planned]}},
        variables={"hk_region": {"value": "cn-hongkong"}},
    )
    config = doc["configuration"]
    config["provider_config"]["alicloud.hk"] = {
        "name": "alicloud",
        "alias": "hk",
        "expressions": {"region": {"references": ["var.hk_region"]}},
    }
    config["root_module"] = {
        "variables": {"hk_region": {"sensitive": True}},
        "resources": [
            {
                "address": REGION_VPC,
                "mode": "managed",
                "type": "alicloud_vpc",
                "name": "by_region",
                "provider_config_key": "alicloud.hk",
                "expressions": {},
            }
        ],
    }
    return doc


@pytest.fixture(scope="module")
def plan_path(tmp_path_factory):
    return write(tmp_path_factory.mktemp("sensitive"), _plan())


@pytest.fixture(scope="module")
def outputs(plan_path, tmp_path_factory):
    """Every format's output, stdout and stderr, of one scan; plus `report` over its findings JSON."""
    out = tmp_path_factory.mktemp("outputs")
    texts: dict[str, str] = {}
    for fmt in FORMATS:
        run = cli("scan", str(plan_path), "--format", fmt, *ARGS)
        assert run.exit_status == 1, run.stderr
        texts[f"scan {fmt} stdout"], texts[f"scan {fmt} stderr"] = run.stdout, run.stderr
        target = out / f"scan.{fmt}"
        run = cli("scan", str(plan_path), "--format", fmt, "--output", str(target), *ARGS)
        texts[f"scan {fmt} --output"], texts[f"scan {fmt} --output stderr"] = target.read_text(), run.stderr
    (out / "scan.json").write_text(texts["scan json stdout"], encoding="utf-8")
    for fmt in ("html", "markdown", "sarif", "junit", "json", "text"):
        run = cli("report", str(out / "scan.json"), "--format", fmt, "--as-of", AS_OF)
        texts[f"report {fmt}"] = run.stdout + run.stderr
    return texts


def test_sensitive_values_are_still_judged(outputs):
    doc = json.loads(outputs["scan json stdout"])
    failed = {(f["rule_id"], f["resource"]["address"]) for f in doc["findings"] if f["status"] == "failed"}
    assert {
        ("CKV_CNLIC_101", HK),
        ("CKV_CNLIC_202", SSH),
        ("CKV_CNLIC_101", PLANNED),
        ("CKV_CNLIC_101", REGION_VPC),
    } <= failed
    assert not {a for _, a in failed} & {OK, MOVED}  # moved out of Hong Kong: judged on where it goes


@pytest.mark.parametrize(
    "name",
    [
        f"{kind} {fmt}{tail}"
        for kind in ("scan",)
        for fmt in FORMATS
        for tail in (" stdout", " stderr", " --output", " --output stderr")
    ]
    + [f"report {fmt}" for fmt in ("html", "markdown", "sarif", "junit", "json", "text")],
)
def test_no_output_format_shows_a_sensitive_value(outputs, name):
    text = outputs[name]
    assert not [value for value in HIDDEN if value in text], name


def test_the_findings_say_sensitive_where_the_value_would_be(outputs):
    doc = json.loads(outputs["scan json stdout"])
    (hk,) = [f for f in doc["findings"] if f["rule_id"] == "CKV_CNLIC_101" and f["resource"]["address"] == HK]
    assert hk["resource"]["zone"] == MASK and hk["resource"]["region"] == MASK
    assert hk["resource"]["territory"] == "hk"  # the verdict's reason is shown: Hong Kong is outside
    assert MASK in hk["message"]["en"] and MASK in hk["message"]["zh"]
    (ssh,) = [
        f for f in doc["findings"] if f["rule_id"] == "CKV_CNLIC_202" and f["resource"]["address"] == SSH
    ]
    assert MASK in ssh["message"]["en"]


def test_checkov_details_never_show_a_sensitive_value(plan_path, monkeypatch):
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.chdir(ROOT)
    outcome = checkov_suite().run_checkov(plan_path, plan=True)
    assert outcome.parsing_errors == []
    assert ("CKV_CNLIC_101", PLANNED, "FAILED") in outcome.results
    details = " ".join(" ".join(d) for d in outcome.details.values())
    assert MASK in details and not [value for value in HIDDEN if value in details]


def test_a_sensitive_value_reads_as_its_value_and_shows_as_sensitive():
    zone = sensitive(HK_ZONE)
    assert isinstance(zone, SensitiveStr) and zone == HK_ZONE and zone.startswith("cn-hongkong")
    assert {HK_ZONE: 1}[zone] == 1 and zone in {HK_ZONE}
    for shown in (
        repr(zone),
        f"{zone}",
        f"{zone}",
        f"{zone[:-2]}",
        f"{zone.lower()}",
        f"{'x' + zone}",
        f"{zone + 'x'}",
        f"{str(zone)}",
        repr([zone]),
        f"{sensitive(22)}",
    ):
        assert shown in (MASK, f"[{MASK}]"), shown
    assert sensitive_texts({"a": [zone, sensitive(22)]}) == {HK_ZONE, "22"}
    assert masked(f"in {str.__str__(zone)} zone", sensitive_texts(zone)) == f"in {MASK} zone"
    assert masked(zone) == MASK and masked(True) is True and sensitive(True) is True
