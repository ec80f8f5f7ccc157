"""Outputs of what is deployed (Terraform state, Pulumi stack export) say "as deployed" where outputs of a
change say "change": the date label in every format, the resources' listings, the 302/701 messages; a plan
of the same resources keeps its change wording."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from helpers import cli, judge, make
from permitguard import datafiles, localise
from permitguard.rules.filing import RULES

ROOT = Path(__file__).resolve().parents[2]
STATE = ROOT / "tests" / "fixtures" / "state" / "terraform.tfstate"
STACK = ROOT / "tests" / "fixtures" / "pulumi_stack" / "alicloud-violating.json"
HCL = ROOT / "tests" / "fixtures" / "state" / "config"
PLAN = ROOT / "tests" / "fixtures" / "CKV_CNLIC_101" / "plan.json"
STAMP = "2026-06-01T00:00:00Z"


def scan(path: Path, fmt: str, as_of: str = "2026-06-01", lang: str | None = None) -> str:
    run = cli("scan", str(path), "--format", fmt, "--generated-at", STAMP, "--as-of", as_of,
              *(("--lang", lang) if lang else ()))
    assert run.exit_status in (0, 1), run.stderr
    return run.stdout


@pytest.mark.parametrize("path", [STATE, STACK])
def test_every_human_format_names_the_scan_date_and_marks_the_resources(path):
    text, md, html = scan(path, "text"), scan(path, "markdown"), scan(path, "html")
    assert "· scan date (as deployed) 2026-06-01" in text and " as of " not in text
    assert ", as deployed · 按部署现状)" in text  # each failure's listing
    assert "Scan date (as deployed) · 扫描日期（按部署现状） 2026-06-01" in md
    assert "· as deployed · 按部署现状 |" in md
    assert html.count("Scan date (as deployed) · 扫描日期（按部署现状）") == 2  # cover and footer
    assert "<small>as deployed · 按部署现状</small>" in html
    assert "Change date" not in text + md + html  # (rule 302's title speaks of the change date)
    junit = scan(path, "junit")
    assert "as deployed" in junit
    sarif = json.loads(scan(path, "sarif"))
    assert sarif["runs"][0]["properties"]["asOfMeaning"] == "scan date (as deployed)"


@pytest.mark.parametrize("path", [STATE, STACK])
def test_the_json_marks_each_deployed_resource_and_stays_valid(path):
    doc = json.loads(scan(path, "json"))
    assert datafiles.schema_errors("findings.schema.json", doc) == []
    judged = [f["resource"] for f in doc["findings"]]
    assert judged and all(r["as_deployed"] is True and r["action"] == "no-op" for r in judged)


@pytest.mark.parametrize("path", [HCL, PLAN])
def test_a_change_keeps_its_wording(path):
    text, md, html = scan(path, "text"), scan(path, "markdown"), scan(path, "html")
    assert "· as of 2026-06-01" in text
    assert "Change date · 变更日期 2026-06-01" in md and "Change date · 变更日期" in html
    assert "as deployed" not in text + md + html
    doc = json.loads(scan(path, "json"))
    assert not any("as_deployed" in f["resource"] for f in doc["findings"])


def test_701_says_scan_date_for_a_deployed_resource_and_change_date_for_a_change():
    def messages(path: Path) -> list[dict]:
        doc = json.loads(scan(path, "json", as_of="2029-08-01"))
        return [f["message"] for f in doc["findings"] if f["rule_id"] == "CKV_CNLIC_701" and
                f["status"] == "failed"] + [a["message"] for a in doc.get("advisories", [])]

    deployed, change = messages(STATE), messages(HCL)
    assert deployed and change
    assert all("before the scan date (as deployed) 2029-08-01" in m["en"] and
               "早于扫描日期（按部署现状） 2029-08-01" in m["zh"] for m in deployed)
    assert all("before the change date 2029-08-01" in m["en"] and "早于变更日期 2029-08-01" in m["zh"]
               for m in change)


def test_302_filed_after_says_scan_date_for_a_deployed_resource(ctx):
    early = dataclasses.replace(ctx, as_of=dt.date(2026, 9, 1))
    r = make("alicloud_instance", availability_zone="cn-shanghai-l", tags={"prior-filing": "TE-2026-0412"})
    for deployed, en, zh in ((True, "after the scan date (as deployed) 2026-09-01.",
                              "晚于扫描日期（按部署现状） 2026-09-01"),
                             (False, "after the change date 2026-09-01.", "晚于变更日期 2026-09-01")):
        v = judge(RULES["CKV_CNLIC_302"], early, dataclasses.replace(r, deployed=deployed))
        text = localise.message(early.rules["CKV_CNLIC_302"], v.reason, v.facts, early)
        assert v.reason == "filed_after" and en in text.en and zh in text.zh, text


def test_the_state_location_reason_has_its_chinese():
    doc = json.loads(scan(STATE, "json"))
    (unknown,) = [f for f in doc["findings"] if f["rule_id"] == "CKV_CNLIC_103" and f["status"] == "failed"]
    assert "Terraform 状态只记录创建资源所用的 provider 配置，不记录该配置的地域" in unknown["message"]["zh"]
    assert "a Terraform state records" not in unknown["message"]["zh"]
