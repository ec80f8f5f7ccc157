"""Which directories of a scanned tree are root modules: every directory holding `.tf` files that no
other directory of the tree calls as a local module (`source = "../.."` from `examples/basic` makes the
repository's top a module, not a root), and a called one that is also applied on its own (a backend
setting, its own terraform.tfvars). A directory scanned on its own is always a root.

The walk says what it does not read (`Skipped`): the directories Terraform and tools keep their own copies
in, links to directories (not followed), and configuration files that are not regular files, links leaving
the scanned tree or over the size limit (`permitguard.safe_files`). A root whose files include one of those
is not given to the evaluator (`unsafe_files`): it would open them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from permitguard import safe_files
from permitguard.terraform import source_text

CONFIG_SUFFIXES = (".tf", ".tf.json")
VAR_SUFFIXES = (".tfvars", ".tfvars.json")
SKIPPED_DIRS = {".terraform": "terraform_dir", ".git": "vcs_dir", ".external_modules": "external_modules"}


@dataclass(frozen=True)
class Skipped:
    """Something under a scanned directory the reader did not read: its path, a reason key
    (data/report_labels.yaml `skipped_<reason>`) and the detail (why this file)."""

    path: Path
    reason: str
    detail: str = ""


@dataclass
class Tree:
    files: list[Path] = field(default_factory=list)  # configuration files read (sorted walk order)
    directories: list[Path] = field(default_factory=list)  # every directory walked, the top first
    skipped: list[Skipped] = field(default_factory=list)


def walk(root: Path, suffixes: tuple[str, ...] = CONFIG_SUFFIXES,
         limit: int = safe_files.TF_FILE_LIMIT) -> Tree:
    """The configuration files (.tf, .tf.json; or the files of other `suffixes`, each at most `limit` bytes:
    Kubernetes manifests) under `root` that may be read, and what was not."""
    tree = Tree()
    top = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        tree.directories.append(here)
        kept = []
        for d in sorted(dirnames):
            if d in SKIPPED_DIRS:
                tree.skipped.append(Skipped(here / d, SKIPPED_DIRS[d]))
            elif (here / d).is_symlink():  # os.walk does not follow it: say so when it holds configuration
                tree.skipped.append(Skipped(here / d, "dir_link", str(os.readlink(here / d))))
            else:
                kept.append(d)
        dirnames[:] = kept
        for f in sorted(filenames):
            if not f.endswith(suffixes):
                continue
            why = safe_files.problem(here / f, limit, top)
            if why:
                tree.skipped.append(Skipped(here / f, "unsafe_file", why))
            else:
                tree.files.append(here / f)
    return tree


def tf_files(root: Path) -> list[Path]:
    """The configuration files (.tf, .tf.json) under `root`, outside the directories Terraform and tools
    keep their own copies in, that may be read."""
    return walk(root).files


def unsafe_files(directory: Path, tree: Path) -> list[tuple[Path, str]]:
    """The files of `directory` the evaluator would open (configuration and variables files) that may not
    be read, with why; links may not leave `tree`."""
    out = []
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    for name in names:
        if (directory / name).is_dir():
            continue  # a directory named x.tf is no file: Terraform and the evaluator pass it by
        if name.endswith(CONFIG_SUFFIXES + VAR_SUFFIXES):
            why = safe_files.problem(directory / name, safe_files.TF_FILE_LIMIT, tree)
            if why:
                out.append((directory / name, why))
    return out


def local_sources(directory: Path) -> set[Path]:
    """The directories this directory's module calls name as local sources (`./x`, `../y`)."""
    out = set()
    for f in sorted(directory.glob("*.tf")):
        if safe_files.problem(f, safe_files.TF_FILE_LIMIT) is not None:
            continue
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for source in source_text.module_sources(text):
            if source.startswith(("./", "../")):
                out.add(Path(os.path.normpath(directory / source)))
    return out


def module_closure(root: Path) -> list[Path]:
    """`root` and every directory its local module calls reach, transitively (sorted, `root` first)."""
    seen = {root}
    todo = [root]
    while todo:
        for d in sorted(local_sources(todo.pop()) - seen):
            if d.is_dir():
                seen.add(d)
                todo.append(d)
    return [root] + sorted(seen - {root})


def module_cycle(root: Path) -> list[Path] | None:
    """A chain of local module calls from `root` that comes back to a directory already on it (Terraform
    refuses such a configuration; the evaluator would not finish), else None."""
    done: set[Path] = set()  # directories whose calls were all followed without a cycle

    def visit(d: Path, chain: list[Path]) -> list[Path] | None:
        for s in sorted(local_sources(d)):
            if s in chain:
                return chain + [s]
            if s.is_dir() and s not in done and (found := visit(s, chain + [s])) is not None:
                return found
        done.add(d)
        return None

    return visit(root, [root])


def find_roots(path: Path, files: list[Path] | None = None) -> list[Path]:
    """The root modules under `path` (absolute, sorted); `files`: its `tf_files`, if already walked."""
    path = path.resolve()
    directories = sorted({f.parent.resolve() for f in (tf_files(path) if files is None else files)})
    called = set()
    for d in directories:
        called |= {s for s in local_sources(d) if s != d}
    roots = [d for d in directories if d not in called or deployed_itself(d)]
    return roots or directories[:1]


_BACKEND = re.compile(r'^\s*(?:backend\s+"[^"]*"\s*\{|cloud\s*\{)', re.M)  # only inside a terraform block


def deployed_itself(directory: Path) -> bool:
    """A directory other configurations call as a module that is also applied on its own: it keeps a
    backend (or HCP Terraform `cloud`) setting or its own terraform.tfvars / *.auto.tfvars, which Terraform
    reads only in a root. Judged as a root as well as a module."""
    if (directory / "terraform.tfvars").is_file() or (directory / "terraform.tfvars.json").is_file():
        return True
    if any(p.name.endswith((".auto.tfvars", ".auto.tfvars.json")) for p in directory.iterdir()):
        return True
    for f in sorted(directory.glob("*.tf")):
        if safe_files.problem(f, safe_files.TF_FILE_LIMIT) is not None:
            continue
        try:
            text = source_text.strip_comments(f.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
        if _BACKEND.search(text):
            return True
    return False
