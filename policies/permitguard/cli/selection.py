"""What a scan limited to a change, or to one CI shard, reads: `--changed-since REF`, `--changed-files`
(the PATHs are the files a change touches, as pre-commit passes them) and `--shard K/N`.

The unit is the root module, never the single file: a changed `.tf` file is judged with the root it
belongs to (a module's file with every root that calls it), because a resource's location, provider and
variables come from the whole root. Plan and preview documents among the changed files are scanned as
given; a changed Kubernetes manifest is scanned with the manifest directory it lies in
(`sources.kubernetes_affected`); other files (a README, a package.json, a YAML file of no Kubernetes object)
are no input and are passed by, and the scan says how many. `--changed-since` judges, of what a scan of
its PATHs reads, what the changes touch: the touched roots of a Terraform PATH, a manifest directory PATH
whole when a manifest of it changed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from permitguard import vcs
from permitguard.errors import InputError
from permitguard.sources import detect, kubernetes_affected
from permitguard.sources.documents import Documents
from permitguard.sources.kubernetes_manifests import looks_like_manifests
from permitguard.terraform import affected
from permitguard.terraform.roots import find_roots

DOCUMENT_SUFFIXES = (".json",)  # `terraform show -json` plans and `pulumi preview --json` documents


@dataclass
class Selection:
    """Per scanned PATH, the roots under it to judge (None: every root), and the notes the scan prints."""

    roots: dict[str, set[Path] | None] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)  # plan/preview JSON files to read whole
    notes: list[str] = field(default_factory=list)
    partial: bool = False  # part of the configuration only (changed-only, one shard of several)

    @property
    def paths(self) -> list[str]:
        return [*self.roots, *self.documents]


def from_changed_files(files: list[str], top: Path, sniff) -> Selection:
    """The roots under `top` the files touch, and the documents among them (`sniff(path)` says whether a
    JSON file is a plan/preview document; others are no input)."""
    sel = Selection()
    terraform = [Path(f) for f in files if affected.is_terraform_file(Path(f))]
    roots = set(affected.touched_roots(top, terraform))
    if roots:
        sel.roots[str(top)] = roots
    manifests = kubernetes_affected.touched([Path(f) for f in files], top)
    passed = manifests.passed
    for f in files:
        path = Path(f)
        if affected.is_terraform_file(path) or kubernetes_affected.is_yaml(path):
            continue
        if path.name.endswith(DOCUMENT_SUFFIXES) and path.is_file() and sniff(path):
            sel.documents.append(f)
        else:
            passed += 1
    sel.documents += manifests.inputs
    if passed:
        are = "s are" if passed > 1 else " is"
        sel.notes.append(f"{passed} changed file{are} no Terraform, plan, preview or Kubernetes manifest: "
                         "not scanned")
    if manifests.in_charts:
        sel.notes.append(f"{manifests.in_charts} changed file(s) belong to a Helm chart (templates, not "
                         "manifests): not scanned; scan its `helm template` output")
    if terraform and not roots:
        sel.notes.append(f"{len(terraform)} changed Terraform file(s) belong to no root module under {top}")
    return sel


def from_paths(paths: list[str]) -> Selection:
    """Every PATH as given, every root under it."""
    sel = Selection()
    for p in paths:
        if Path(p).is_dir():
            sel.roots[p] = None
        else:
            sel.documents.append(p)
    return sel


def restrict_to_changes(sel: Selection, changed: list[Path]) -> Selection:
    """Only the roots under each directory PATH that the changed files touch; documents stay (a plan is the
    change itself)."""
    out = Selection(documents=list(sel.documents), notes=list(sel.notes), partial=True)
    manifests = 0
    for p, only in sel.roots.items():
        if looks_like_manifests(Path(p)):  # a manifest directory: whole, when a manifest of it changed
            top = Path(p).resolve()
            under = [c for c in changed if top in Path(c).parents]
            if kubernetes_affected.touched(under, top).inputs:
                out.roots[p] = None
                manifests += 1
            continue
        touched = set(affected.touched_roots(Path(p), changed))
        if only is not None:
            touched &= only
        if touched:
            out.roots[p] = touched
    judged = sum(len(r or ()) for r in out.roots.values())
    also = f" and {manifests} Kubernetes manifest director(ies)" if manifests else ""
    out.notes.append(f"--changed-since: {len(changed)} changed file(s) touch {judged} root module(s){also}")
    return out


def shard(sel: Selection, k: int, n: int, top: Path) -> Selection:
    """Shard K of N: the roots (named relative to `top`, so every job agrees) and documents it takes."""
    keys: dict[str, tuple[str, Path | None]] = {}
    for p, only in sel.roots.items():
        if only is None and looks_like_manifests(Path(p)):  # no root module: the directory is one input
            keys[_key(Path(p).resolve(), top)] = (p, None)
            continue
        for root in sorted(only if only is not None else find_roots(Path(p))):
            keys[_key(root, top)] = (p, root)
    for d in sel.documents:
        keys[_key(Path(d).resolve(), top)] = (d, None)
    taken = affected.in_shard(keys, (k, n))
    out = Selection(notes=list(sel.notes), partial=sel.partial)
    for key in sorted(taken):
        p, root = keys[key]
        if root is None:
            out.documents.append(p)
        else:
            out.roots.setdefault(p, set()).add(root)
    out.notes.append(f"--shard {k}/{n}: {len(taken)} of {len(keys)} root modules and documents")
    return out


def _key(path: Path, top: Path) -> str:
    try:
        return Path(os.path.relpath(path, top)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def of_arguments(args, cwd: Path) -> Selection:
    """What `permitguard scan` reads, from its PATHs and --changed-files / --changed-since / --shard."""
    if args.changed_files:
        sel = from_changed_files(args.paths, cwd, _is_document)
        sel.partial = True
    else:
        sel = from_paths(args.paths)
        if args.changed_since:
            sel = restrict_to_changes(sel, vcs.changed_files(args.changed_since, cwd))
            sel.partial = True
    if args.shard:
        try:
            k, n = affected.parse_shard(args.shard)
        except ValueError as exc:
            raise InputError(str(exc)) from None
        sel = shard(sel, k, n, cwd)
        sel.partial = sel.partial or n > 1
    return sel


def _is_document(path: Path) -> bool:
    """A changed JSON file is scanned unless it is valid JSON of neither tool (a package.json): a plan
    that cannot be read (truncated, too large) is scanned, so that the scan says why it cannot be used."""
    try:
        detect.kind_of(path, Documents())
    except detect.NotAnInput:
        return False
    except InputError:
        return True
    return True
