"""Which Kubernetes manifest inputs a set of changed files touches (`scan --changed-files`, the pre-commit
hook, and `scan --changed-since`): the manifest reader's counterpart of `terraform.affected`.

- A changed `.yaml`/`.yml` file is a manifest when a document of it is a Kubernetes object (apiVersion and
  kind) or looks meant as one (`kubernetes_manifests.meant_as_object`: the scan then says why it is none),
  or when it cannot be parsed but names both at its top level (a manifest with a syntax error or a
  duplicate key: scanned, so that the scan says why it cannot be read), or when it cannot be read at all (too
  large, not a regular file: the reader says why). A YAML file of another tool (a CI workflow, values.yaml)
  is none and is passed by, as a JSON file of no tool is.
- A file inside a Helm chart (a directory holding Chart.yaml, up to the scan's top) is a template, not a
  manifest: passed by, and the scan says to scan the chart's `helm template` output.
- The unit is the manifest directory the file lies in (its directory, with what is below it, when that holds
  no Terraform file), never the file alone: a binding's role may be declared in a sibling file, and what one
  input declares together is judged together (`rbac_catalog.attach_declared_roles`). In a directory holding
  Terraform files, the file alone. A deleted file touches its directory when that is still a manifest
  directory (a removed Role changes the verdict on the bindings naming it)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from permitguard import safe_files
from permitguard.errors import InputError
from permitguard.sources.kubernetes_manifests import (
    CHART_FILE,
    MANIFEST_LIMIT,
    MAX_NODES,
    SUFFIXES,
    is_object,
    looks_like_manifests,
    meant_as_object,
)

_TOP_KEY = re.compile(r"^(apiVersion|kind)\s*:", re.MULTILINE)


@dataclass
class Touched:
    """The manifest inputs to scan (directories or files, as the changed paths name them, none inside
    another), and how many changed YAML files were passed by."""

    inputs: list[str] = field(default_factory=list)
    passed: int = 0  # no document of it is a Kubernetes object
    in_charts: int = 0  # a Helm chart's files


def is_yaml(path: Path) -> bool:
    return path.name.endswith(SUFFIXES)


def may_be_manifest(path: Path) -> bool:
    """Whether an existing YAML file is one to scan as Kubernetes manifests (see the module doc)."""
    try:
        text = safe_files.read_text(path, "Kubernetes manifest", MANIFEST_LIMIT)
    except InputError:
        return True  # the reader says why it cannot be read: never passed by unread
    import yaml  # only where YAML is read

    from permitguard import strict_yaml

    try:
        docs = strict_yaml.load_all(text, MAX_NODES)
    except (yaml.YAMLError, strict_yaml.StrictYamlError):
        return {m.group(1) for m in _TOP_KEY.finditer(text)} == {"apiVersion", "kind"}
    return any(is_object(doc) or meant_as_object(doc) for doc, _, _ in docs)


def chart_of(path: Path, top: Path) -> Path | None:
    """The Helm chart directory (Chart.yaml) holding `path`, looking up to `top`; None outside any chart."""
    top = top.resolve()
    for d in _absolute(path).parents:
        if (d / CHART_FILE).is_file():
            return d
        if d == top:
            return None
    return None


def touched(files: Iterable[Path], top: Path) -> Touched:
    """The manifest inputs the changed YAML files among `files` touch (see the module doc)."""
    out = Touched()
    units: dict[Path, str] = {}  # resolved → as named
    for f in (Path(p) for p in files):
        if not is_yaml(f):
            continue
        if chart_of(f, top) is not None:
            out.in_charts += 1
            continue
        if f.is_file() and not may_be_manifest(f):
            out.passed += 1
            continue
        parent = f.parent
        if parent.is_dir() and looks_like_manifests(parent):
            units.setdefault(_absolute(parent), parent.as_posix())
        elif f.is_file():
            units.setdefault(_absolute(f), f.as_posix())
        else:
            out.passed += 1  # deleted, and its directory is no manifest directory (any more)
    for resolved, named in sorted(units.items()):
        if not any(other in resolved.parents for other in units):  # inside another unit: read with it
            out.inputs.append(named)
    return out


def _absolute(path: Path) -> Path:
    return path.resolve() if path.exists() else Path(os.path.normpath(Path.cwd() / path))
