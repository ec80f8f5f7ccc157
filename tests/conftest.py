"""Shared fixtures: a Context over the bundled permit profile with a pinned change date; a temporary git
repository of Terraform roots and a shared module (CI, changed-only and pre-commit tests)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import git
from permitguard import rule_catalog
from permitguard.context import Context

rule_catalog.STRICT_PLACEHOLDERS = True  # a message placeholder a verdict does not fill fails the test

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context.load(str(ROOT / "infra/licenses/B1-20195402.yaml"), as_of=AS_OF, environ={})


@pytest.fixture
def tf_repo(tmp_path: Path) -> Path:
    """live/bad: the violating example; live/good: the compliant one, which also calls modules/net (a module
    holding nothing that fails); one commit on main, then a feature branch."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "infra" / "terraform" / "alicloud-violating", repo / "live" / "bad")
    shutil.copytree(ROOT / "infra" / "terraform" / "alicloud-compliant", repo / "live" / "good")
    (repo / "modules" / "net").mkdir(parents=True)
    (repo / "modules" / "net" / "main.tf").write_text('variable "name" {\n  type = string\n}\n')
    with (repo / "live" / "good" / "main.tf").open("a") as f:
        f.write('\nmodule "net" {\n  source = "../../modules/net"\n  name   = "shared"\n}\n')
    for p in repo.rglob("expected.yaml"):
        p.unlink()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "feature")
    return repo
