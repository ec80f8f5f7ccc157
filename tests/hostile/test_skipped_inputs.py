"""Nothing skipped in silence (issue 13, deliverable 3): what a directory scan walks past (Terraform's and
tools' own directories, links to directories, unreadable configuration files) and what it reads but
Checkov's walk skips (dot-directories such as `.envs/prod`, node_modules, $CKV_IGNORED_DIRECTORIES) is
listed in every output format; a scan whose inputs were all skipped is exit 2. The CLI reads dot-directories
and node_modules (a reviewer expects `.envs/prod` scanned); Checkov really skips them (proved below)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from helpers import cli
from hostile.support import AS_OF, ROOT, checkov_suite, scan, write_tf
from permitguard import datafiles
from permitguard.report import labels
from permitguard.sources.skipped import MESSAGES

HK = ('provider "alicloud" { region = "cn-hongkong" }\n'
      'resource "alicloud_instance" "web" {\n  instance_type = "x"\n}\n')
OK = 'provider "alicloud" { region = "cn-beijing" }\nresource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n'
FORMATS = ("text", "json", "sarif", "junit", "markdown", "html")


@pytest.fixture
def tree(tmp_path) -> Path:
    """A repository whose Hong Kong instances sit where Checkov does not look."""
    top = tmp_path / "repo"
    write_tf(top / "app", OK)
    write_tf(top / ".envs" / "prod", HK)
    write_tf(top / "node_modules" / "vendored", HK)
    write_tf(top / ".terraform" / "modules" / "x", HK)
    (top / ".git").mkdir()
    return top


def _skipped(doc: dict) -> set[tuple[str, str, str]]:
    return {(s["path"], s["by"], s["reason"]) for s in doc.get("skipped_inputs", [])}


def test_dot_directories_and_node_modules_are_scanned_by_the_cli_and_listed_as_skipped_by_checkov(tree):
    found = scan(tree, "--as-of", AS_OF)
    assert found.exit_status == 1  # the Hong Kong instances of .envs/prod and node_modules fail 101
    failed = {f["resource"]["file"] for f in found.doc["findings"]
              if f["rule_id"] == "CKV_CNLIC_101" and f["status"] == "failed"}
    assert failed == {f"{tree}/.envs/prod/main.tf", f"{tree}/node_modules/vendored/main.tf"}
    assert _skipped(found.doc) == {
        (f"{tree}/.envs", "checkov", "checkov_hidden"),
        (f"{tree}/node_modules", "checkov", "checkov_ignored"),
        (f"{tree}/.terraform", "permitguard", "terraform_dir"),
        (f"{tree}/.git", "permitguard", "vcs_dir"),
    }


def test_terraforms_own_directory_is_not_read_and_says_so(tree):
    doc = scan(tree, "--as-of", AS_OF).doc
    files = {f["resource"]["file"] for f in doc["findings"]}
    assert not any("/.terraform/" in (f or "") for f in files)
    (entry,) = [s for s in doc["skipped_inputs"] if s["reason"] == "terraform_dir"]
    assert "modules.json" in entry["message"]["en"] and entry["message"]["zh"]


def test_ckv_ignored_directories_is_read_from_the_environment(tmp_path):
    write_tf(tmp_path / "live", OK)
    write_tf(tmp_path / "vendor" / "mod", HK)
    found = scan(tmp_path, "--as-of", AS_OF, environ={"CKV_IGNORED_DIRECTORIES": "vendor,node_modules"})
    assert (f"{tmp_path}/vendor", "checkov", "checkov_ignored") in _skipped(found.doc)
    assert found.exit_status == 1


def test_hidden_directories_are_not_listed_when_checkov_is_told_to_read_them(tree):
    found = scan(tree, "--as-of", AS_OF, environ={"CKV_IGNORE_HIDDEN_DIRECTORIES": "false"})
    assert not any(r == "checkov_hidden" for _, _, r in _skipped(found.doc))


def test_a_hidden_file_is_listed_as_skipped_by_checkov(tmp_path):
    write_tf(tmp_path, OK)
    (tmp_path / ".override.tf").write_text(HK.split("\n", 1)[1].replace("web", "hidden"), encoding="utf-8")
    found = scan(tmp_path, "--as-of", AS_OF)
    assert (f"{tmp_path}/.override.tf", "checkov", "checkov_hidden") in _skipped(found.doc)


def test_a_link_to_a_directory_is_not_followed_and_is_listed(tmp_path):
    write_tf(tmp_path / "outside", HK)
    write_tf(tmp_path / "scan", OK)
    os.symlink(tmp_path / "outside", tmp_path / "scan" / "linked")
    found = scan(tmp_path / "scan", "--as-of", AS_OF)
    assert found.exit_status == 0
    assert (f"{tmp_path}/scan/linked", "permitguard", "dir_link") in _skipped(found.doc)


def test_paths_are_listed_as_the_user_named_the_input(tree, monkeypatch):
    monkeypatch.chdir(tree.parent)
    run = cli("scan", "repo", "--format", "json", "--as-of", AS_OF, cwd=str(tree.parent))
    paths = {s["path"] for s in json.loads(run.stdout)["skipped_inputs"]}
    assert paths == {"repo/.envs", "repo/node_modules", "repo/.terraform", "repo/.git"}


def test_a_scan_whose_inputs_were_all_skipped_is_exit_2_with_what_was_skipped(tmp_path):
    write_tf(tmp_path / ".terraform" / "modules" / "m", HK)
    run = cli("scan", str(tmp_path), "--as-of", AS_OF)
    assert run.exit_status == 2 and "Traceback" not in run.stderr
    assert "every one was skipped" in run.stderr and ".terraform (Terraform's working directory" in run.stderr


def test_every_configuration_file_unreadable_is_exit_2(tmp_path):
    os.symlink("/dev/null", tmp_path / "main.tf")
    run = cli("scan", str(tmp_path), "--as-of", AS_OF)
    assert run.exit_status == 2
    assert "main.tf (a symbolic link leaving the scanned directory (to /dev/null))" in run.stderr


def test_a_partly_skipped_scan_is_judged_and_lists_the_rest(tree):
    assert scan(tree / "app", "--as-of", AS_OF).exit_status == 0  # nothing skipped below app/
    assert "skipped_inputs" not in scan(tree / "app", "--as-of", AS_OF).doc


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_lists_the_skipped_inputs(tree, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    run = cli("scan", str(tree), "--format", fmt, "--output", str(out), "--as-of", AS_OF)
    assert run.exit_status == 1, run.stderr
    text = out.read_text(encoding="utf-8")
    text = text.replace("\\", "") if fmt == "markdown" else text  # Markdown escapes `_`
    for name in (".envs", "node_modules", ".terraform", ".git"):
        assert f"{tree}/{name}" in text, (fmt, name)
    if fmt == "sarif":
        log = json.loads(text)
        notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert {n["level"] for n in notes} == {"warning", "note"} and len(notes) == 4
        assert len(log["runs"][0]["properties"]["skippedInputs"]) == 4
    if fmt == "junit":
        assert re.search(r'<testsuite name="permitguard Skipped inputs"[^>]*tests="4"[^>]*skipped="4"', text)
    if fmt == "json":
        assert datafiles.schema_errors("findings.schema.json", json.loads(text)) == []


def test_the_text_summary_on_stderr_lists_them_too(tree, tmp_path):
    run = cli("scan", str(tree), "--format", "json", "--output", str(tmp_path / "o.json"), "--as-of", AS_OF)
    assert "read by this scan, skipped by Checkov" in run.stderr and f"{tree}/.envs" in run.stderr


def test_report_keeps_the_skipped_inputs_of_a_scan_document(tree, tmp_path):
    scanned = tmp_path / "scan.json"
    cli("scan", str(tree), "--format", "json", "--output", str(scanned), "--as-of", AS_OF)
    run = cli("report", str(scanned), "--format", "json", "--as-of", AS_OF)
    doc = json.loads(run.stdout)
    assert _skipped(doc) == _skipped(json.loads(scanned.read_text(encoding="utf-8")))
    assert datafiles.schema_errors("findings.schema.json", doc) == []


def test_every_skip_reason_has_its_words_and_its_schema_entry():
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    reasons = schema["properties"]["skipped_inputs"]["items"]["properties"]["reason"]["enum"]
    assert sorted(reasons) == sorted(MESSAGES)
    known = labels._labels()
    assert [k for k in MESSAGES.values() if k not in known] == []
    assert all(k in known for k in ("skipped_inputs", "skipped_not_read", "skipped_by_checkov",
                                    "none_skipped", "skipped_by"))


def test_checkov_really_skips_what_the_cli_lists_as_skipped_by_checkov(tree, monkeypatch):
    """The listing is true: Checkov's own runner over the same tree judges only app/ (none of the Hong Kong
    instances of .envs/prod and node_modules), so they would pass a Checkov-only pipeline."""
    helpers = checkov_suite()
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.chdir(ROOT)
    outcome = helpers.run_checkov(tree)
    assert {a for _, a, _ in outcome.results} == {"alicloud_vpc.net"}
    assert outcome.addresses("CKV_CNLIC_101", "FAILED") == set()


def test_the_enrichment_directory_lists_what_it_skipped(tmp_path):
    config = write_tf(tmp_path / "config", OK)
    os.symlink("/dev/zero", config / "zero.tf")
    write_tf(config / "live", OK)
    plan = ROOT / "tests" / "fixtures" / "CKV_CNLIC_101" / "plan.json"
    found = scan(plan, "--repo-root-for-plan-enrichment", str(config), "--as-of", AS_OF)
    assert (f"{config}/zero.tf", "permitguard", "unsafe_file") in _skipped(found.doc)
