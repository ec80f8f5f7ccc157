"""The files an input is made of, as the findings document lists and digests them: a file input is
itself; a directory input is the Terraform configuration files its walk reads and the variables files
beside them, or the manifest files of a directory of Kubernetes manifests (only what the readers accept is
opened)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from permitguard import safe_files
from permitguard.sources import kubernetes_manifests as manifests
from permitguard.sources.detect import TF_SUFFIXES
from permitguard.terraform.roots import VAR_SUFFIXES, walk


def read_files(path: Path) -> list[Path]:
    """The files a directory scan reads: configuration files, and the variables files beside them."""
    if manifests.looks_like_manifests(path):
        return manifests.manifest_files(path)[0]
    tree = walk(path)
    found = list(tree.files)
    for d in tree.directories:
        found += [d / n for n in sorted(os.listdir(d)) if n.endswith(VAR_SUFFIXES)
                  and safe_files.problem(d / n, safe_files.TF_FILE_LIMIT, path) is None]
    return found


def digest(path: Path, files: list[Path] | None = None) -> str:
    """sha256 of a file input, or of the files a directory scan reads (`files`, else `read_files`: names
    and contents, sorted): only what the readers accept is opened."""
    h = hashlib.sha256()
    if not path.is_dir():
        limit = (safe_files.TF_FILE_LIMIT if path.name.endswith(TF_SUFFIXES) else
                 manifests.MANIFEST_LIMIT if path.name.endswith(manifests.SUFFIXES) else
                 safe_files.JSON_LIMIT)
        h.update(safe_files.read_bytes(path, "input", limit))
        return h.hexdigest()
    for f in sorted(read_files(path) if files is None else files):
        h.update(Path(os.path.relpath(f, path)).as_posix().encode())
        if f.name.endswith(manifests.SUFFIXES):
            h.update(safe_files.read_bytes(f, "Kubernetes manifest", manifests.MANIFEST_LIMIT))
        else:
            h.update(safe_files.read_bytes(f, "Terraform file", safe_files.TF_FILE_LIMIT))
    return h.hexdigest()
