"""Which root modules a set of changed files touches, and a deterministic split of roots into shards: what
`scan --changed-since`, `scan --changed-files` (the pre-commit hook) and `scan --shard K/N` scan.

A root is touched when a changed file lies in its own directory or in a directory its local module
calls reach (`module_closure`): editing `modules/network/main.tf` touches every root that calls
`../modules/network`, directly or through another local module. Variables files (`*.tfvars`) touch the
root they sit in. A changed file in no root's closure touches nothing (a README, a module nobody calls).
A file that is gone (deleted in the change) still touches the roots whose closure holds its directory:
removing a resource is a change to judge."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from permitguard.terraform.roots import CONFIG_SUFFIXES, VAR_SUFFIXES, find_roots, module_closure

TERRAFORM_SUFFIXES = CONFIG_SUFFIXES + VAR_SUFFIXES + (".terraform.lock.hcl",)


def is_terraform_file(path: Path) -> bool:
    """A file whose change can change what a root module deploys."""
    return path.name.endswith(TERRAFORM_SUFFIXES)


def touched_roots(top: Path, changed: Iterable[Path]) -> list[Path]:
    """The root modules under `top` (absolute, sorted) whose module closure holds a changed Terraform file."""
    dirs = {_absolute(p).parent for p in changed if is_terraform_file(Path(p))}
    if not dirs:
        return []
    return [root for root in find_roots(top) if dirs.intersection(module_closure(root))]


def _absolute(path: Path) -> Path:
    """Resolved when it exists; a deleted file by its normalised absolute path (its directory may remain)."""
    path = Path(path)
    if path.exists():
        return path.resolve()
    parent = Path(os.path.normpath(Path.cwd() / path)).parent
    return (parent.resolve() if parent.exists() else parent) / path.name


def parse_shard(value: str) -> tuple[int, int]:
    """`K/N` with 1 ≤ K ≤ N → (K, N); ValueError with the reason otherwise."""
    k, sep, n = value.partition("/")
    if not sep or not k.strip().isdigit() or not n.strip().isdigit():
        raise ValueError(f"--shard {value!r} is not K/N (e.g. 2/4)")
    k_, n_ = int(k), int(n)
    if not 1 <= k_ <= n_:
        raise ValueError(f"--shard {value!r}: K must be between 1 and N")
    return k_, n_


def in_shard(keys: Iterable[str], shard: tuple[int, int]) -> set[str]:
    """The keys (root paths relative to the scan's top, so every CI job names them alike) shard K of N
    takes: every N-th of them in sorted order from the K-th. Every job sees the same tree, so the N shards
    are disjoint, together cover every key, and differ in size by at most one."""
    k, n = shard
    return set(sorted(set(keys))[k - 1::n])
