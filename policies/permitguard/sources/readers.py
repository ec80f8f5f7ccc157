"""The reader of each kind of input (`detect.kind_of` names the kind): the one place that knows them all.
`permitguard scan` and the corpus tests read every input through `read`.

    documents = Documents()                          # one per run: a JSON input is parsed once
    result = read(Path("plan.json"), ctx.types, documents)
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import SourceResult, detect
from permitguard.sources.documents import Documents

Reader = Callable[[Path, ResourceTypeCatalog, Documents, tuple[Path, ...]], SourceResult]
# Each reader is imported when an input of its kind is read: a scan of a plan never loads the Terraform
# evaluation (tfparse's driver), nor the Pulumi readers (a tenth of the start of a small scan).


def _terraform(path: Path, types: ResourceTypeCatalog, _: Documents,
               var_files: tuple[Path, ...], roots: Collection[Path] | None = None) -> SourceResult:
    from permitguard.sources.terraform_hcl import read_directory

    if path.is_dir():
        return read_directory(path, var_files, types=types, roots=roots)
    return _one_file(read_directory(path.parent, var_files, types=types), path)


def _plan(path: Path, _: ResourceTypeCatalog, documents: Documents, __: tuple[Path, ...]) -> SourceResult:
    from permitguard.sources.terraform_plan import read_plan

    return read_plan(path, documents)


def _preview(path: Path, types: ResourceTypeCatalog, documents: Documents,
             _: tuple[Path, ...]) -> SourceResult:
    from permitguard.sources.pulumi_preview import read_preview

    return read_preview(path, documents, types=types)


def _state(path: Path, _: ResourceTypeCatalog, documents: Documents, __: tuple[Path, ...]) -> SourceResult:
    from permitguard.sources.terraform_state import read_state

    return read_state(path, documents)


def _stack(path: Path, types: ResourceTypeCatalog, documents: Documents,
           _: tuple[Path, ...]) -> SourceResult:
    from permitguard.sources.pulumi_stack import read_stack_export

    return read_stack_export(path, documents, types=types)


def _manifests(path: Path, _: ResourceTypeCatalog, __: Documents, ___: tuple[Path, ...]) -> SourceResult:
    from permitguard.sources.kubernetes_manifests import NotManifests, read_manifests

    try:
        return read_manifests(path)
    except NotManifests as exc:  # YAML of no Kubernetes object: no input, as a package.json is none
        raise detect.NotAnInput(str(exc)) from None


READERS: dict[str, Reader] = {
    detect.TERRAFORM: _terraform,
    detect.TERRAFORM_PLAN: _plan,
    detect.PULUMI_PREVIEW: _preview,
    detect.TERRAFORM_STATE: _state,
    detect.PULUMI_STACK: _stack,
    detect.KUBERNETES: _manifests,
}


def read(path: Path, types: ResourceTypeCatalog, documents: Documents,
         var_files: tuple[Path, ...] = (), roots: Collection[Path] | None = None) -> SourceResult:
    """The input at `path`, read by the reader of its kind. `var_files` (`--var-file`) and `roots` (only these
    root modules: a changed-only or sharded scan) apply to Terraform directories only. InputError (one line)
    for an input that cannot be used."""
    kind = detect.kind_of(path, documents)
    if kind == detect.TERRAFORM and path.is_dir():
        return _terraform(path, types, documents, var_files, roots)
    return READERS[kind](path, types, documents, var_files)


def _one_file(result: SourceResult, path: Path) -> SourceResult:
    """A single .tf file (as pre-commit hooks pass them): its directory gives providers, variables and
    modules their meaning; only the resources declared in that file are judged."""
    result.resources = [r for r in result.resources if r.file and Path(r.file).name == path.name
                        and (path.parent / r.file).resolve() == path.resolve()]
    result.files = 1
    return result


def manifests_beside(path: Path) -> SourceResult | None:
    """The Kubernetes manifests in a Terraform directory (`checkov -d` judges them there with its
    kubernetes framework): read as their own input, or None when no YAML file of it is, or looks meant
    as, a Kubernetes object (a `values.yaml`, a CI workflow). Cheap when it holds no YAML."""
    from permitguard.sources.kubernetes_affected import may_be_manifest
    from permitguard.sources.kubernetes_manifests import MANIFEST_LIMIT, SUFFIXES, read_manifests
    from permitguard.terraform.roots import walk

    if not any(may_be_manifest(Path(f)) for f in walk(path, SUFFIXES, MANIFEST_LIMIT).files):
        return None
    return read_manifests(path)
