"""`scan --changed-since`, `--changed-files`, `--shard` and `--baseline`, and `baseline create|check`, through
the CLI on real files and temporary git repositories."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from helpers import git
from permitguard.cli import Environment, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "infra" / "terraform"


def cli(*argv: str, cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Environment(stdout=out, stderr=err, environ={"PERMITGUARD_AS_OF": "2026-11-28"},
                                        cwd=str(cwd)))
    return code, out.getvalue(), err.getvalue()


def judged(stdout: str) -> set[str]:
    """The roots a JSON scan judged, by the files of its findings."""
    return {Path(f["resource"]["file"]).parent.as_posix() for f in json.loads(stdout)["findings"]
            if f["resource"].get("file")}


@pytest.fixture
def in_repo(tf_repo, monkeypatch):
    monkeypatch.chdir(tf_repo)
    return tf_repo


def test_changed_since_judges_the_roots_a_changed_module_reaches_and_nothing_else(in_repo):
    with (in_repo / "modules" / "net" / "main.tf").open("a") as f:
        f.write("# edited\n")
    git(in_repo, "commit", "-qam", "edit the module")
    code, out, err = cli("scan", ".", "--changed-since", "main", "--format", "json", cwd=in_repo)
    assert code == 0, err
    roots = judged(out)
    assert "live/good" in roots and not any(r.startswith("live/bad") for r in roots)
    assert "1 changed file(s) touch 1 root module(s)" in err


def test_changed_since_with_no_terraform_change_judges_nothing_and_passes(in_repo):
    (in_repo / "README.md").write_text("docs\n")
    code, out, err = cli("scan", ".", "--changed-since", "main", "--format", "json", cwd=in_repo)
    assert code == 0 and json.loads(out)["summary"]["resources"] == 0, err
    assert "touch 0 root module(s)" in err


def test_changed_since_an_unknown_ref_is_unusable_input(in_repo):
    code, _, err = cli("scan", ".", "--changed-since", "no-such-ref", cwd=in_repo)
    assert code == 2 and "--changed-since" in err


def test_changed_files_judge_the_whole_root_of_a_changed_file(in_repo):
    code, out, err = cli("scan", "live/bad/variables.tf", "--changed-files", "--format", "json", cwd=in_repo)
    assert code == 1, err
    found = json.loads(out)["findings"]
    assert "alicloud_instance.hk_web" in {f["resource"]["address"] for f in found if f["status"] == "failed"}


def test_shards_are_disjoint_and_together_judge_what_one_scan_judges(tmp_path):
    whole = cli("scan", str(EXAMPLES), "--format", "json", cwd=tmp_path)[1]
    parts = [json.loads(cli("scan", str(EXAMPLES), "--shard", f"{k}/3", "--format", "json", cwd=tmp_path)[1])
             for k in (1, 2, 3)]
    keys = [{(f["rule_id"], f["resource"]["file"], f["resource"]["address"]) for f in p["findings"]}
            for p in parts]
    assert not (keys[0] & keys[1]) and not (keys[0] & keys[2]) and not (keys[1] & keys[2])
    every = {(f["rule_id"], f["resource"]["file"], f["resource"]["address"])
             for f in json.loads(whole)["findings"]}
    assert keys[0] | keys[1] | keys[2] == every
    assert sum(p["summary"]["resources"] for p in parts) == json.loads(whole)["summary"]["resources"]


@pytest.mark.parametrize("value", ["0/2", "3/2", "x"])
def test_a_bad_shard_is_unusable_input(tmp_path, value):
    code, _, err = cli("scan", str(EXAMPLES / "aws-compliant"), "--shard", value, cwd=tmp_path)
    assert code == 2 and "--shard" in err


def test_a_baseline_accepts_todays_failures_and_fails_on_a_new_one(tf_repo, monkeypatch):
    monkeypatch.chdir(tf_repo)
    base = tf_repo / "baseline.yaml"
    code, _, err = cli("baseline", "create", "live/bad", "--reason", "migration ticket OPS-7", "--who",
                       "ops@example.com", "--expires", "2027-01-31", "--output", str(base), cwd=tf_repo)
    assert code == 0 and base.is_file(), err
    code, out, err = cli("scan", "live/bad", "--baseline", str(base), "--format", "json", cwd=tf_repo)
    doc = json.loads(out)
    assert code == 0, err
    assert doc["summary"]["findings"]["blocking"] == 0 and doc["summary"]["findings"]["suppressed"] > 0
    assert doc["baseline"]["matched"] > 0 and doc["baseline"]["stale"] == []
    assert all(f["suppressed"].startswith("baseline: migration ticket OPS-7 (accepted by ops@example.com")
               for f in doc["findings"] if f["status"] == "failed")
    # a new violation of an accepted rule, on another resource: not hidden
    with (tf_repo / "live" / "bad" / "main.tf").open("a") as f:
        f.write('resource "alicloud_instance" "hk_api" {\n  provider          = alicloud.hk\n'
                '  instance_type     = "ecs.g7.large"\n  availability_zone = "cn-hongkong-c"\n}\n')
    code, out, _ = cli("scan", "live/bad", "--baseline", str(base), "--format", "json", cwd=tf_repo)
    new = {f["resource"]["address"] for f in json.loads(out)["findings"] if f["status"] == "failed"
           and not f["suppressed"]}
    assert code == 1 and "alicloud_instance.hk_api" in new and "alicloud_instance.hk_web" not in new


def test_expired_and_stale_entries_are_reported_and_expired_fails(tf_repo, monkeypatch):
    monkeypatch.chdir(tf_repo)
    base = tf_repo / "b.yaml"
    base.write_text("version: 1\naccepted:\n"
                    "  - {rule: CKV_CNLIC_101, address: alicloud_instance.hk_web, file: live/bad/main.tf,"
                    " reason: old, who: me, expires: 2026-01-01}\n"
                    "  - {rule: CKV_CNLIC_101, address: alicloud_instance.gone, reason: removed, who: me,"
                    " expires: 2027-01-01}\n")
    code, out, err = cli("baseline", "check", str(base), "live/bad", cwd=tf_repo)
    assert code == 1
    assert "expired on 2026-01-01: CKV_CNLIC_101 alicloud_instance.hk_web in live/bad/main.tf" in out
    assert "stale (matches no failure any more): CKV_CNLIC_101 alicloud_instance.gone" in out
    assert "new failure: CKV_CNLIC_101 alicloud_instance.hk_web" in out


def test_an_invalid_baseline_is_unusable_input_naming_the_field(tmp_path):
    bad = tmp_path / "b.yaml"
    bad.write_text("version: 1\naccepted:\n  - {rule: CKV_CNLIC_101, address: a, reason: '', who: me,"
                   " expires: 2027-01-01}\n")
    code, _, err = cli("scan", str(EXAMPLES / "aws-compliant"), "--baseline", str(bad), cwd=tmp_path)
    assert code == 2 and "$.accepted[0].reason" in err


def test_a_baselined_scan_document_is_valid_against_the_findings_schema(tf_repo, monkeypatch):
    from permitguard import datafiles

    monkeypatch.chdir(tf_repo)
    base = tf_repo / "b.yaml"
    base.write_text("version: 1\naccepted:\n"
                    "  - {rule: CKV_CNLIC_101, address: alicloud_instance.gone, reason: removed, who: me,"
                    " expires: 2027-01-01}\n")
    _, out, _ = cli("scan", "live/bad", "--baseline", str(base), "--format", "json", cwd=tf_repo)
    doc = json.loads(out)
    assert doc["baseline"]["stale"][0]["address"] == "alicloud_instance.gone"
    assert datafiles.schema_errors("findings.schema.json", doc) == []


def test_changed_files_pass_by_json_of_no_tool_but_never_a_plan_that_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the paths pre-commit passes are relative to the repository top
    (tmp_path / "package.json").write_text('{"name": "site"}')
    code, _, err = cli("scan", "package.json", "--changed-files", cwd=tmp_path)
    assert code == 0 and "no Terraform, plan or preview: not scanned" in err
    (tmp_path / "plan.json").write_text('{"format_version": "1.2", "resource_changes": [')  # truncated
    code, _, err = cli("scan", "plan.json", "--changed-files", cwd=tmp_path)
    assert code == 2 and "plan.json" in err
