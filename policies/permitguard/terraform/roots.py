"""Which directories of a scanned tree are root modules: every directory holding `.tf` files that no
other directory of the tree calls as a local module (`source = "../.."` from `examples/basic` makes the
repository's top a module, not a root). A directory scanned on its own is always a root."""

from __future__ import annotations

import os
import re
from pathlib import Path

CONFIG_SUFFIXES = (".tf", ".tf.json")
SKIPPED_DIRS = frozenset({".terraform", ".git", ".external_modules"})
_MODULE_SOURCE = re.compile(r'\bmodule\s+"[^"]*"\s*\{[^{}]*?\bsource\s*=\s*"([^"]+)"', re.S)


def tf_files(root: Path) -> list[Path]:
    """The configuration files (.tf, .tf.json) under `root`, outside the directories Terraform and tools
    keep their own copies in."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        out += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(CONFIG_SUFFIXES)]
    return out


def local_sources(directory: Path) -> set[Path]:
    """The directories this directory's module calls name as local sources (`./x`, `../y`)."""
    out = set()
    for f in sorted(directory.glob("*.tf")):
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for source in _MODULE_SOURCE.findall(text):
            if source.startswith(("./", "../")):
                out.add(Path(os.path.normpath(directory / source)))
    return out


def find_roots(path: Path) -> list[Path]:
    """The root modules under `path` (absolute, sorted)."""
    path = path.resolve()
    directories = sorted({f.parent for f in tf_files(path)})
    called = set()
    for d in directories:
        called |= {s for s in local_sources(d) if s != d}
    roots = [d for d in directories if d not in called]
    return roots or directories[:1]
