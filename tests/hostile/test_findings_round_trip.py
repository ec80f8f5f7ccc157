"""A findings document read back by `report` (alone, or shards merged) loses no finding: the same
module called by two roots is two deployments, each with its own verdicts, even where their address,
file and verdict agree."""
from __future__ import annotations

import json
from pathlib import Path

from helpers import cli
from permitguard.report import compact
from report.support import PROFILE, STAMP

PINNED = ("--license", PROFILE, "--as-of", "2026-11-28", "--generated-at", STAMP)
MODULE = """\
resource "alicloud_oss_bucket" "logs" {
  bucket = "zqt-logs"
}
"""
ROOT = """\
provider "alicloud" {{
  region = "{region}"
}}
module "storage" {{
  source = "../shared"
}}
"""


def _two_roots(tmp: Path) -> Path:
    """One module, called by a root in Hong Kong and by one in Singapore (both outside the mainland)."""
    tree = tmp / "stacks"
    (tree / "shared").mkdir(parents=True)
    (tree / "shared" / "main.tf").write_text(MODULE, encoding="utf-8")
    for name, region in (("east", "cn-hongkong"), ("south", "ap-southeast-1")):
        (tree / name).mkdir()
        (tree / name / "main.tf").write_text(ROOT.format(region=region), encoding="utf-8")
    return tree


def _doc(*args: str) -> dict:
    run = cli(*args, "--format", "json", *PINNED)
    assert run.exit_status == 1 and "Traceback" not in run.stderr, run.stderr
    return compact.expand(json.loads(run.stdout))


def _failed(doc: dict) -> list[tuple[str, str]]:
    return sorted((f["rule_id"], f["resource"]["region"]) for f in doc["findings"] if f["status"] == "failed")


def test_report_of_one_scan_document_keeps_both_deployments_of_a_module(tmp_path):
    scanned = _doc("scan", str(_two_roots(tmp_path)))
    assert {region for _, region in _failed(scanned)} == {"cn-hongkong", "ap-southeast-1"}
    written = tmp_path / "scan.json"
    written.write_text(json.dumps(scanned, ensure_ascii=False), encoding="utf-8")
    reported = _doc("report", str(written))
    assert len(reported["findings"]) == len(scanned["findings"])
    assert _failed(reported) == _failed(scanned)
    assert reported["summary"] == scanned["summary"]


def test_shards_merged_by_report_are_the_whole_scan(tmp_path):
    tree = str(_two_roots(tmp_path))
    whole = _doc("scan", tree)
    shards = []
    for k in (1, 2):
        shard = tmp_path / f"shard{k}.json"
        shard.write_text(json.dumps(_doc("scan", tree, "--shard", f"{k}/2")), encoding="utf-8")
        shards.append(str(shard))
    merged = _doc("report", *shards)
    assert len(merged["findings"]) == len(whole["findings"])
    assert _failed(merged) == _failed(whole) and merged["summary"] == whole["summary"]


def test_one_document_given_twice_still_counts_each_result_once(tmp_path):
    scanned = _doc("scan", str(_two_roots(tmp_path)))
    written = tmp_path / "scan.json"
    written.write_text(json.dumps(scanned), encoding="utf-8")
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(scanned, indent=1), encoding="utf-8")  # another file, the same results
    merged = _doc("report", str(written), str(copy))
    assert len(merged["findings"]) == len(scanned["findings"])


def test_a_lone_surrogate_in_a_findings_document_is_unusable_input_in_one_line(tmp_path):
    scanned = _doc("scan", str(_two_roots(tmp_path)))
    paired = tmp_path / "paired.json"  # an emoji escaped as a surrogate pair is text like any other
    scanned["findings"][0]["resource"]["address"] += "\U0001f600"
    paired.write_text(json.dumps(scanned, ensure_ascii=True), encoding="utf-8")
    assert "\\ud83d\\ude00" in paired.read_text(encoding="utf-8")
    assert cli("report", str(paired), "--format", "json", *PINNED).exit_status == 1
    lone = tmp_path / "lone.json"
    scanned["findings"][0]["resource"]["address"] += "\ud800"
    lone.write_text(json.dumps(scanned, ensure_ascii=True), encoding="utf-8")
    for args in (("report", str(lone)), ("report", "--compare", str(paired), str(lone)),
                 ("report", str(lone), "--bundle", str(tmp_path / "b.zip"))):
        run = cli(*args, "--format", "json", *PINNED)
        assert run.exit_status == 2 and run.stdout == "", run.stderr
        assert run.stderr.count("\n") == 1 and "lone UTF-16 surrogate" in run.stderr, run.stderr
        assert "internal error" not in run.stderr
