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
    assert code == 0 and "no Terraform, plan, preview or Kubernetes manifest: not scanned" in err
    (tmp_path / "plan.json").write_text('{"format_version": "1.2", "resource_changes": [')  # truncated
    code, _, err = cli("scan", "plan.json", "--changed-files", cwd=tmp_path)
    assert code == 2 and "plan.json" in err


READER_ROLE = """apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pod-reader
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list]
"""
READER_BINDING = """apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: contractor-reads-pods
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: pod-reader
subjects:
  - kind: User
    name: li.si@contractor.example
"""
VENDOR_ADMIN = """apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: vendor-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: User
    name: support@vendor.example
"""


@pytest.fixture
def k8s_repo(tf_repo, monkeypatch):
    """tf_repo with manifests: k8s/app (a role, and in a sibling file a binding of it that passes only when
    the role is read with it), k8s/admin (cluster-admin to a vendor: fails), a Helm chart, a CI workflow."""
    files = {"k8s/app/role.yaml": READER_ROLE, "k8s/app/binding.yaml": READER_BINDING,
             "k8s/app/values.yaml": "replicas: 2\n", "k8s/admin/admin.yaml": VENDOR_ADMIN,
             "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
             "charts/web/templates/binding.yaml": VENDOR_ADMIN.replace("vendor-admin", "{{ .Release.Name }}"),
             ".github/workflows/ci.yml": "on: [push]\njobs: {}\n"}
    for name, text in files.items():
        (tf_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (tf_repo / name).write_text(text)
    git(tf_repo, "checkout", "-q", "main")
    git(tf_repo, "add", ".")
    git(tf_repo, "commit", "-qm", "manifests")
    git(tf_repo, "checkout", "-q", "feature")
    git(tf_repo, "merge", "-q", "main")
    monkeypatch.chdir(tf_repo)
    return tf_repo


def _verdicts(stdout: str) -> dict[str, str]:
    return {f["resource"]["address"]: f["status"] for f in json.loads(stdout)["findings"]
            if f["rule_id"] == "CKV_CNLIC_203" and f["status"] != "not_applicable"}


def test_changed_files_judge_a_manifest_with_its_manifest_directory_and_pass_other_yaml_by(k8s_repo):
    code, out, err = cli("scan", "k8s/app/binding.yaml", ".github/workflows/ci.yml", "k8s/app/values.yaml",
                         "charts/web/templates/binding.yaml", "--changed-files", "--format", "json",
                         cwd=k8s_repo)
    assert code == 0, err
    # the role declared in the sibling file is read with the binding: a read-only role, no control role
    assert _verdicts(out) == {"ClusterRoleBinding.default.contractor-reads-pods": "passed"}
    assert [i["path"] for i in json.loads(out)["inputs"]] == ["k8s/app"]
    assert "2 changed files are no Terraform, plan, preview or Kubernetes manifest: not scanned" in err
    assert "1 changed file(s) belong to a Helm chart (templates, not manifests): not scanned" in err
    code, out, err = cli("scan", "k8s/admin/admin.yaml", "--changed-files", "--format", "json", cwd=k8s_repo)
    assert code == 1 and _verdicts(out) == {"ClusterRoleBinding.default.vendor-admin": "failed"}, err


def test_changed_files_scan_a_manifest_that_does_not_parse_but_pass_by_broken_yaml_of_no_object(k8s_repo):
    (k8s_repo / "k8s" / "admin" / "admin.yaml").write_text(VENDOR_ADMIN + "  - kind: [User\n")
    (k8s_repo / "notes.yaml").write_text("title: [unclosed\n")
    code, out, err = cli("scan", "k8s/admin/admin.yaml", "notes.yaml", "--changed-files", "--format", "json",
                         cwd=k8s_repo)
    assert code == 1, err
    (unread,) = [f for f in json.loads(out)["findings"] if f["status"] == "failed"]
    assert unread["rule_id"] == "CKV_CNLIC_100"
    assert unread["resource"]["file"].endswith("k8s/admin/admin.yaml")
    assert "1 changed file is no Terraform, plan, preview or Kubernetes manifest: not scanned" in err


def test_changed_since_judges_a_manifest_directory_whole_when_a_manifest_of_it_changed(k8s_repo):
    (k8s_repo / "k8s" / "app" / "values.yaml").write_text("replicas: 3\n")
    code, out, err = cli("scan", "k8s/app", "k8s/admin", "--changed-since", "main", "--format", "json",
                         cwd=k8s_repo)
    assert code == 0 and _verdicts(out) == {}, err  # a values file of no object touches no manifest
    assert "touch 0 root module(s)" in err
    with (k8s_repo / "k8s" / "admin" / "admin.yaml").open("a") as f:
        f.write("# reviewed\n")
    git(k8s_repo, "commit", "-qam", "review the vendor binding")
    code, out, err = cli("scan", "k8s/app", "k8s/admin", "--changed-since", "main", "--format", "json",
                         cwd=k8s_repo)
    assert code == 1 and _verdicts(out) == {"ClusterRoleBinding.default.vendor-admin": "failed"}, err
    assert "touch 0 root module(s) and 1 Kubernetes manifest director(ies)" in err
    (k8s_repo / "k8s" / "app" / "role.yaml").unlink()  # a deleted role changes its bindings' verdict
    code, out, err = cli("scan", "k8s/app", "--changed-since", "main", "--format", "json", cwd=k8s_repo)
    assert _verdicts(out) == {"ClusterRoleBinding.default.contractor-reads-pods": "failed"}, err


def test_a_shard_of_a_manifest_directory_judges_it(tmp_path):
    manifests = str(ROOT / "infra" / "kubernetes" / "rbac-violating")
    whole = cli("scan", manifests, "--format", "json", cwd=tmp_path)[1]
    one = cli("scan", manifests, "--shard", "1/1", "--format", "json", cwd=tmp_path)[1]
    assert _verdicts(one) == _verdicts(whole) and "failed" in _verdicts(whole).values()
