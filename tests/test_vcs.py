"""The files a change touches, from git (permitguard.vcs), on real temporary repositories."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import git
from permitguard import vcs
from permitguard.errors import InputError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.tf").write_text("# a\n")
    (tmp_path / "b.tf").write_text("# b\n")
    (tmp_path / ".gitignore").write_text("ignored.tf\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "checkout", "-qb", "feature")
    return tmp_path


def rel(paths: list[Path], repo: Path) -> list[str]:
    return [p.relative_to(repo.resolve()).as_posix() for p in paths]


def test_committed_uncommitted_untracked_and_renamed_files_count_ignored_ones_do_not(repo):
    (repo / "a.tf").write_text("# a changed\n")
    git(repo, "commit", "-qam", "edit a")
    git(repo, "mv", "b.tf", "c.tf")  # staged rename: the old and the new path
    (repo / "new.tf").write_text("# untracked\n")
    (repo / "ignored.tf").write_text("# ignored\n")
    assert rel(vcs.changed_files("main", repo), repo) == ["a.tf", "b.tf", "c.tf", "new.tf"]


def test_changes_on_the_target_branch_after_the_fork_are_not_the_pull_requests(repo):
    git(repo, "checkout", "-q", "main")
    (repo / "b.tf").write_text("# changed on main\n")
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "feature")
    assert vcs.changed_files("main", repo) == []


def test_from_a_subdirectory_paths_are_still_absolute_from_the_top(repo):
    (repo / "sub").mkdir()
    (repo / "sub" / "x.tf").write_text("# x\n")
    assert rel(vcs.changed_files("main", repo / "sub"), repo) == ["sub/x.tf"]


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=/tmp/x"])
def test_a_ref_git_cannot_answer_for_is_unusable_input(repo, ref):
    with pytest.raises(InputError, match="--changed-since"):
        vcs.changed_files(ref, repo)


def test_outside_a_repository_is_unusable_input(tmp_path):
    with pytest.raises(InputError, match="--changed-since"):
        vcs.changed_files("main", tmp_path)
