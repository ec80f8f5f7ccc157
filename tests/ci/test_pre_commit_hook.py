"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit in a temporary repository the way
another repository's .pre-commit-config.yaml would run them."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import git

ROOT = Path(__file__).resolve().parents[2]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
VENV_BIN = str(Path(sys.executable).parent)


def pre_commit(repo: Path, hook: str, *files: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
           "PERMITGUARD_AS_OF": "2026-11-28"}
    env.pop("PERMITGUARD_LICENSE", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files,
                           "--verbose"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_the_hooks_file_declares_both_hooks_scanning_roots_of_the_staged_files():
    by_id = {h["id"]: h for h in HOOKS}
    assert set(by_id) == {"permitguard", "permitguard-system"}
    for hook in by_id.values():
        assert hook["entry"] == "permitguard scan --changed-files"
        assert hook["require_serial"] is True and hook["pass_filenames"] is True
        for name in ("main.tf", "prod.tfvars", "plan.json", "k8s/rbac.yaml", "k8s/rbac.yml"):
            assert re.search(hook["files"], name), name
        assert not re.search(hook["files"], "README.md")
    assert {by_id["permitguard"]["language"], by_id["permitguard-system"]["language"]} == {"python", "system"}


def test_a_module_edit_judges_every_root_calling_it_and_a_violating_root_fails_the_commit(tf_repo, tmp_path):
    with (tf_repo / "modules" / "net" / "main.tf").open("a") as f:
        f.write("# reviewed\n")
    with (tf_repo / "live" / "bad" / "main.tf").open("a") as f:
        f.write("# touched\n")
    git(tf_repo, "add", ".")
    done = pre_commit(tf_repo, "permitguard-system", "modules/net/main.tf", "live/bad/main.tf",
                      home=tmp_path / "home")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out[-3000:]
    assert "alicloud_instance.hk_web" in out  # live/bad judged as a root, not the single file
    assert "module.net" not in out or "live/good" in out
    assert "changed file(s) touch" not in out  # --changed-files, not --changed-since


def test_a_change_to_a_compliant_root_only_passes(tf_repo, tmp_path):
    with (tf_repo / "modules" / "net" / "main.tf").open("a") as f:
        f.write("# reviewed\n")
    git(tf_repo, "add", ".")
    done = pre_commit(tf_repo, "permitguard-system", "modules/net/main.tf", home=tmp_path / "home")
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "alicloud_instance.hk_web" not in done.stdout


def test_a_json_file_of_neither_tool_is_passed_by_and_said(tf_repo, tmp_path):
    (tf_repo / "package.json").write_text('{"name": "site"}\n')
    git(tf_repo, "add", ".")
    done = pre_commit(tf_repo, "permitguard-system", "package.json", home=tmp_path / "home")
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "no Terraform, plan, preview or Kubernetes manifest: not scanned" in done.stdout + done.stderr


def test_a_staged_manifest_is_judged_and_a_yaml_file_of_no_object_is_passed_by(tf_repo, tmp_path):
    (tf_repo / "k8s").mkdir()
    (tf_repo / "k8s" / "admin.yaml").write_text(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
        "metadata:\n  name: vendor-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
        "  kind: ClusterRole\n  name: cluster-admin\n"
        "subjects:\n  - kind: User\n    name: support@vendor.example\n")
    (tf_repo / "ci.yml").write_text("on: [push]\n")
    git(tf_repo, "add", ".")
    done = pre_commit(tf_repo, "permitguard-system", "k8s/admin.yaml", "ci.yml", home=tmp_path / "home")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out[-3000:]
    assert "ClusterRoleBinding.default.vendor-admin" in out
    assert "1 changed file is no Terraform, plan, preview or Kubernetes manifest: not scanned" in out


def test_the_python_hook_installs_permitguard_in_its_own_environment_and_runs(tf_repo, tmp_path):
    """What another repository gets: pre-commit builds the hook's environment from this repository."""
    git(tf_repo, "add", ".")
    done = pre_commit(tf_repo, "permitguard", "live/bad/main.tf", home=tmp_path / "home")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out[-3000:]
    assert "alicloud_instance.hk_web" in out and "py_env" in out  # its own environment's bundled profile
