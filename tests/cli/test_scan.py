"""`permitguard scan` (permitguard.cli.scan): the exit statuses of unusable input, and what one file or an
empty directory judges."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import cli

ROOT = Path(__file__).resolve().parents[2]
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def test_scan_with_a_broken_profile_exits_2_before_scanning(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(": : :\n", encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", str(bad))
    assert run.exit_status == 2
    assert run.stderr.startswith(f"permitguard: error: licence profile {bad}: not valid YAML")


def test_broken_profile_from_environment_is_reported_the_same(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("license: {}\norganization: {accounts: {}}\n", encoding="utf-8")
    run = cli("scan", str(tmp_path), environ={"PERMITGUARD_LICENSE": str(bad)})
    assert run.exit_status == 2 and "'number' is a required property" in run.stderr


def test_scan_missing_path_exits_2_with_one_line():
    run = cli("scan", "/nonexistent/plan.json", "--license", PROFILE)
    assert (run.exit_status, run.stderr) == (
        2,
        "permitguard: error: /nonexistent/plan.json: no such file or directory\n",
    )


def test_scan_rejects_json_that_is_no_plan(tmp_path):
    other = tmp_path / "x.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    run = cli("scan", str(other), "--license", PROFILE)
    assert run.exit_status == 2 and "not a Terraform directory" in run.stderr


def test_scan_rejects_truncated_json(tmp_path):
    cut = tmp_path / "plan.json"
    cut.write_text('{"format_version": "1.2", "resource_changes": [', encoding="utf-8")
    run = cli("scan", str(cut), "--license", PROFILE)
    assert run.exit_status == 2 and "not valid JSON" in run.stderr and "truncated?" in run.stderr


def test_usage_error_exits_2():
    assert cli("scan").exit_status == 2


def test_scan_one_terraform_file_judges_only_its_resources_with_its_directory_for_context():
    example = ROOT / "infra/terraform/alicloud-violating"
    run = cli("scan", str(example / "main.tf"), "--license", PROFILE, "--format", "json")
    doc = json.loads(run.stdout)
    assert run.exit_status == 1
    assert {f["resource"]["file"] for f in doc["findings"]} == {f"{example}/main.tf"}
    assert doc["summary"]["resources"] == 7  # providers.tf and variables.tf declare no resources
    unplaced = [f for f in doc["findings"] if f["resource"]["address"] == "alicloud_oss_bucket.unplaced"]
    assert {f["rule_id"] for f in unplaced if f["status"] == "failed"} == {"CKV_CNLIC_103"}


def test_scan_a_directory_without_terraform_files_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", PROFILE)
    assert run.exit_status == 2 and "no Terraform files" in run.stderr


SKIPS = """provider "alicloud" {
  region = "cn-hongkong"
}

resource "alicloud_vpc" "no_reason" {
  # checkov:skip=CKV_CNLIC_101
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vpc" "with_reason" {
  # checkov:skip=CKV_CNLIC_101,CKV_CNLIC_102:Hong Kong edge approved in change #12
  cidr_block = "10.1.0.0/16"
}

module "edge" {
  # checkov:skip=CKV_CNLIC_102:
  source = "./edge"
}
"""


def test_a_suppression_without_a_reason_is_not_honoured_and_is_listed(tmp_path):
    (tmp_path / "main.tf").write_text(SKIPS, encoding="utf-8")
    (tmp_path / "edge").mkdir()
    edge = 'resource "alicloud_vpc" "e" {\n  cidr_block = "10.2.0.0/16"\n}\n'
    (tmp_path / "edge" / "main.tf").write_text(edge, encoding="utf-8")
    env = {"PERMITGUARD_AS_OF": "2026-06-01"}
    run = cli("scan", str(tmp_path), "--license", PROFILE, "--format", "json", environ=env)
    assert run.exit_status == 1
    doc = json.loads(run.stdout)
    by = {(f["rule_id"], f["resource"]["address"]): f for f in doc["findings"]}
    no_reason = by[("CKV_CNLIC_101", "alicloud_vpc.no_reason")]
    assert (no_reason["status"], no_reason["suppressed"]) == ("failed", None)
    assert no_reason["suppression_refused"] == {
        "en": "`# checkov:skip=CKV_CNLIC_101` gives no reason: not honoured; write "
              "`# checkov:skip=CKV_CNLIC_101:<why it is accepted>`",
        "zh": "`# checkov:skip=CKV_CNLIC_101` 未说明理由：不予采纳；"
              "请写成 `# checkov:skip=CKV_CNLIC_101:<接受的理由>`"}
    module = by[("CKV_CNLIC_102", "module.edge.alicloud_vpc.e")]  # a blank reason on the module call
    assert (module["status"], module["suppressed"]) == ("failed", None) and module["suppression_refused"]
    assert by[("CKV_CNLIC_102", "alicloud_vpc.no_reason")].get("suppression_refused") is None
    reasoned = by[("CKV_CNLIC_101", "alicloud_vpc.with_reason")]
    assert reasoned["suppressed"] == "Hong Kong edge approved in change #12"
    assert "suppression_refused" not in reasoned
    refused = sorted(k for k, f in by.items() if f.get("suppression_refused"))
    assert refused == [("CKV_CNLIC_101", "alicloud_vpc.no_reason"),
                       ("CKV_CNLIC_102", "module.edge.alicloud_vpc.e")]
    text = cli("scan", str(tmp_path), "--license", PROFILE, environ=env).stdout
    assert ("suppressions without a reason, not honoured "
            "(write `# checkov:skip=<rule id>:<why it is accepted>`): 2") in text
    assert f"  CKV_CNLIC_101 alicloud_vpc.no_reason ({tmp_path}/main.tf:5): failed" in text


def test_a_refused_suppression_shows_on_its_finding_in_text_and_sarif(tmp_path):
    (tmp_path / "main.tf").write_text(SKIPS.split('module "edge"')[0], encoding="utf-8")
    env = {"PERMITGUARD_AS_OF": "2026-06-01"}
    text = cli("scan", str(tmp_path), "--license", PROFILE, environ=env).stdout.splitlines()
    at = text.index(f"  [FAILED] alicloud_vpc.no_reason  ({tmp_path}/main.tf:5)")
    assert "      ! `# checkov:skip=CKV_CNLIC_101` gives no reason: not honoured; write " \
           "`# checkov:skip=CKV_CNLIC_101:<why it is accepted>`" in text[at:at + 8]
    run = cli("scan", str(tmp_path), "--license", PROFILE, "--format", "sarif", environ=env)
    results = json.loads(run.stdout)["runs"][0]["results"]
    mine = [r for r in results if r["ruleId"] == "CKV_CNLIC_101"
            and r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "alicloud_vpc.no_reason"]
    assert len(mine) == 1 and "suppressions" not in mine[0]
    assert "gives no reason" in mine[0]["properties"]["suppressionRefused"]


def test_a_refused_suppression_shows_on_its_finding_in_markdown_html_and_junit(tmp_path):
    import xml.etree.ElementTree as ET

    from permitguard.report.escape import code
    from permitguard.report.escape import markdown as esc

    (tmp_path / "main.tf").write_text(SKIPS.split('module "edge"')[0], encoding="utf-8")
    env = {"PERMITGUARD_AS_OF": "2026-06-01"}
    en = ("`# checkov:skip=CKV_CNLIC_101` gives no reason: not honoured; write "
          "`# checkov:skip=CKV_CNLIC_101:<why it is accepted>`")
    zh = ("`# checkov:skip=CKV_CNLIC_101` 未说明理由：不予采纳；"
          "请写成 `# checkov:skip=CKV_CNLIC_101:<接受的理由>`")

    def out(fmt: str) -> str:
        run = cli("scan", str(tmp_path), "--license", PROFILE, "--format", fmt, environ=env)
        assert run.exit_status == 1, run.stderr
        return run.stdout

    markdown = out("markdown").splitlines()
    refusal = f"⚠ {esc(en)}<br>{esc(zh)}"
    rows = [line for line in markdown if line.startswith(f"| {code('alicloud_vpc.no_reason')} |")]
    assert [line for line in rows if line.endswith(f"<br>{refusal} |")]  # its CKV_CNLIC_101 failure
    assert [line for line in rows if "not honoured" not in line]  # its CKV_CNLIC_102 one: no skip of it
    assert not [line for line in markdown if esc("alicloud_vpc.with_reason") in line and "honoured" in line]
    html = out("html")
    row = next(r for r in html.split("<tr>")
               if "<code>alicloud_vpc.no_reason</code>" in r and "warnnote" in r)
    assert en.replace("<", "&lt;").replace(">", "&gt;") in row
    assert zh.replace("<", "&lt;").replace(">", "&gt;") in row
    suites = ET.fromstring(out("junit")).findall("testsuite")
    suite = next(s for s in suites if s.get("name", "").startswith("CKV_CNLIC_101 "))
    case = next(c for c in suite.findall("testcase") if c.get("name") == "alicloud_vpc.no_reason")
    text = case.find("failure").text
    assert f"suppression refused: {en}\n{zh}" in text
    reasoned = next(c for c in suite.findall("testcase") if c.get("name") == "alicloud_vpc.with_reason")
    assert reasoned.find("failure") is None and "change #12" in reasoned.find("skipped").get("message")


def test_the_kubernetes_examples_list_no_skipped_input_for_their_expectations_file():
    """expected.yaml (the findings `make scan` expects) names no apiVersion or kind: passed by unlisted."""
    for example in ("rbac-violating", "rbac-compliant"):
        path = str(ROOT / "infra" / "kubernetes" / example)
        run = cli("scan", path, "--license", PROFILE, "--format", "json",
                  environ={"PERMITGUARD_AS_OF": "2026-06-01"})
        doc = json.loads(run.stdout)
        assert doc.get("skipped_inputs", []) == [] and doc["summary"]["resources"] > 0, run.stderr
