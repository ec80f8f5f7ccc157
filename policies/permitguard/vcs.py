"""The files a change touches, as git tells them (for `scan --changed-since REF`).

Changed since REF means: since the merge base of REF and HEAD (what a pull request changes, even when the
target branch moved on), up to the working tree (uncommitted edits count), plus untracked files that are not
ignored. Renames count as a deletion and an addition, so the root that loses a resource is judged too."""

from __future__ import annotations

import subprocess
from pathlib import Path

from permitguard.errors import InputError

GIT_TIMEOUT = 60  # seconds; a repository that takes longer to diff is unusable input, never a hang


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT,
                              check=False)
    except FileNotFoundError:
        raise InputError("--changed-since needs git, and no `git` command was found") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"--changed-since: `git {' '.join(args)}` took over {GIT_TIMEOUT} s") from None
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        raise InputError(f"--changed-since: `git {' '.join(args)}` in {cwd}: {detail}")
    return proc.stdout


def changed_files(ref: str, cwd: Path) -> list[Path]:
    """Absolute paths changed since `ref` (see the module doc). InputError when git cannot answer: an unknown
    ref, not a repository, no git — a scan limited to changes that cannot be listed would judge nothing."""
    if ref.startswith("-"):
        raise InputError(f"--changed-since {ref!r} is not a git revision")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    base = _git(["merge-base", ref, "HEAD"], cwd).strip()
    names = _git(["diff", "--name-only", "--no-renames", "-z", base, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    return sorted({top / n for n in names if n})
