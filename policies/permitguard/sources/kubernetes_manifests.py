"""Kubernetes manifests as an input: a `.yaml`/`.yml` file or a directory of them — multi-document streams,
`helm template` output (`# Source:` comments, empty documents), `kind: List` exports — one Resource per
object.

    result = read_manifests(Path("rendered.yaml"))

An object is addressed as Checkov's kubernetes framework names it, `<Kind>.<namespace>.<name>` (namespace
`default` when none is given, cluster-scoped objects too), at the file and line of its first field. Its type
is the Pulumi Kubernetes token of its apiVersion and kind (`kubernetes:rbac.authorization.k8s.io/v1:
ClusterRoleBinding`, the core group written `core`), so that both front doors name one kind of object alike;
its cloud is `kubernetes` (objects inside a cluster: no cloud location of their own).

A binding whose roleRef names a (Cluster)Role declared in the same input carries that role's object as
`declared_role` (CKV_CNLIC_203 reads its rules). Suppressions: Checkov's annotations
`checkov.io/skip<n>: CKV_CNLIC_203=reason`.

Fail closed per file: a file that does not parse (syntax, a tag no safe loader builds such as !!python/object,
a duplicate key, an alias bomb, over MANIFEST_LIMIT bytes or MAX_NODES values), or a document that is no
Kubernetes object, is one CKV_CNLIC_100 part (`kubernetes_manifest_file`): its objects are unseen, the rest of
the input is judged. A Helm chart directory (Chart.yaml) holds templates, not manifests: one part saying to
render it (`helm template`). In a directory, a YAML file none of whose documents is a Kubernetes object is
listed as skipped when it looks meant as a manifest (a document names an apiVersion or a kind, in any case,
without being an object: a key missing, misspelt or not text), and passed by unlisted when no document of it
names either (values.yaml, a CI workflow, the examples' expected.yaml): such data files sit beside manifests
as a matter of course, and listing each would be noise a reviewer dismisses; one that was meant as a
manifest is what a reviewer wants to know of. A file named as the input itself is never passed by
(NotManifests).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from permitguard import safe_files, suppression
from permitguard.errors import InputError
from permitguard.model import Resource
from permitguard.rbac_catalog import attach_declared_roles
from permitguard.sources import SourceResult
from permitguard.terraform.roots import Skipped, walk

KUBERNETES = "kubernetes"
SUFFIXES = (".yaml", ".yml")
MANIFEST_LIMIT = 16 * safe_files.MIB  # per file: a rendered chart with its CRDs stays well below
MAX_NODES = 2_000_000  # values per file after alias expansion
PART = "kubernetes_manifest_file"  # CKV_CNLIC_100's part: a file whose objects could not be read
CHART_FILE = "Chart.yaml"
SKIP_ANNOTATION = "checkov.io/skip"


class NotManifests(InputError):
    """A YAML input none of whose documents is a Kubernetes object."""


def is_object(doc: Any) -> bool:
    return isinstance(doc, Mapping) and all(isinstance(doc.get(k), str) for k in ("apiVersion", "kind"))


def token(api_version: str, kind: str) -> str:
    """The Pulumi Kubernetes token of an object: `kubernetes:<group>/<version>:<Kind>` (core group `core`)."""
    group_version = api_version if "/" in api_version else f"core/{api_version}"
    return f"kubernetes:{group_version}:{kind}"


def address(obj: Mapping) -> str:
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), Mapping) else {}
    namespace = meta.get("namespace") or "default"
    return f"{obj['kind']}.{namespace}.{meta.get('name') or meta.get('generateName') or '?'}"


def parse_object_text(text: str) -> Any:
    """One object from YAML text (`kubectl_manifest.yaml_body`); ValueError with the parser's reason."""
    import yaml  # only where YAML is read: a scan of a plan never loads the YAML parser

    from permitguard import strict_yaml

    try:
        return strict_yaml.load(text)
    except (yaml.YAMLError, strict_yaml.StrictYamlError) as exc:
        raise ValueError(f"not readable: its YAML does not parse ({_reason(exc)})") from None


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def manifest_files(root: Path) -> tuple[list[Path], list[Path], list[Skipped]]:
    """(manifest files, Helm chart directories, what was not read) under `root`, in walk order."""
    tree = walk(root, SUFFIXES, MANIFEST_LIMIT)
    charts = sorted({d for d in tree.directories if (d / CHART_FILE).is_file()})
    files = [f for f in tree.files if not any(c in f.parents for c in charts)]
    return files, charts, tree.skipped


def read_manifests(path: Path) -> SourceResult:
    """The objects of a manifest file or directory. NotManifests for a file of no Kubernetes object."""
    result = SourceResult(kind=KUBERNETES)
    if path.is_dir():
        files, charts, skipped = manifest_files(path)
        result.resources += [_part(c, "chart", "a Helm chart's templates are not manifests") for c in charts]
        unsafe = [x for x in skipped if x.reason == "unsafe_file"]  # too large, a device, a link leaving it
        result.resources += [_part(x.path, "unparsed", x.detail) for x in unsafe]
        result.skipped = [x for x in skipped if x not in unsafe]
        single = False
    else:
        files, single = [path], True
    objects: list[tuple[Mapping, Path, int]] = []
    for f in files:
        found, part, meant = _objects_of(f)
        if part is not None:
            result.resources.append(part)
        elif not found and single:
            raise NotManifests(f"{path}: no document of it is a Kubernetes object (apiVersion and kind)")
        elif not found and meant:
            result.skipped.append(Skipped(f, "not_a_manifest"))
        objects += [(obj, f, line) for obj, line in found]
        result.files += 1
    result.resources += attach_declared_roles([_resource(obj, f, line) for obj, f, line in objects])
    for obj, _, _ in objects:
        result.suppressions.update(_suppressions(obj))
    return result


def meant_as_object(doc: Any) -> bool:
    """A document that names an apiVersion or a kind (any case) without being an object (`is_object`)."""
    return isinstance(doc, Mapping) and not is_object(doc) and any(
        str(key).casefold() in ("apiversion", "kind") for key in doc)


def _objects_of(f: Path) -> tuple[list[tuple[Mapping, int]], Resource | None, bool]:
    """The objects of one file with their lines, or the part that says why the file cannot be read; and
    whether a document of it looks meant as a manifest (`meant_as_object`)."""
    try:
        text = safe_files.read_text(f, "Kubernetes manifest", MANIFEST_LIMIT)
    except InputError as exc:
        return [], _part(f, "unparsed", str(exc).removeprefix(f"{f}: ")), True
    import yaml

    from permitguard import strict_yaml

    try:
        docs = strict_yaml.load_all(text, MAX_NODES)
    except (yaml.YAMLError, strict_yaml.StrictYamlError) as exc:
        return [], _part(f, "unparsed", _reason(exc)), True
    found: list[tuple[Mapping, int]] = []
    for n, (doc, line, item_lines) in enumerate(docs, 1):
        if is_object(doc) and doc["kind"] == "List" and isinstance(doc.get("items"), list):
            if len(item_lines) != len(doc["items"]):  # items the loader found no line of (a merge key)
                item_lines = [line] * len(doc["items"])
            for item, item_line in zip(doc["items"], item_lines, strict=True):
                if not is_object(item):
                    return [], _part(f, "unparsed", f"item at line {item_line} of the List is no Kubernetes "
                                     "object (apiVersion and kind)"), True
                found.append((item, item_line))
        elif is_object(doc):
            found.append((doc, line))
        elif found or n < len(docs) or len(docs) > 1:
            return [], _part(f, "unparsed", f"document {n} (line {line}) is no Kubernetes object (apiVersion "
                             "and kind)"), True
    return found, None, any(meant_as_object(doc) for doc, _, _ in docs)


def _part(f: Path, reason: str, why: str) -> Resource:
    return Resource(address=f.as_posix(), type=PART, cloud=KUBERNETES,
                    attributes={"source": f.as_posix(), "why": why, "reason": reason},
                    file=f.as_posix(), line=None, source_kind=KUBERNETES)


def _namespace(obj: Mapping) -> str:
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), Mapping) else {}
    return str(meta.get("namespace") or "default")


def _name(obj: Mapping) -> str:
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), Mapping) else {}
    return str(meta.get("name") or "")


def _resource(obj: Mapping, f: Path, line: int) -> Resource:
    return Resource(address=address(obj), type=token(obj["apiVersion"], obj["kind"]), cloud=KUBERNETES,
                    attributes=dict(obj), file=f.as_posix(), line=line, source_kind=KUBERNETES)


def _suppressions(obj: Mapping) -> dict[tuple[str, str], str]:
    """Checkov's skip annotations (`checkov.io/skip1: CKV_CNLIC_203=reason`) on one object."""
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), Mapping) else {}
    notes = meta.get("annotations") if isinstance(meta.get("annotations"), Mapping) else {}
    found = {}
    for key, value in notes.items():
        if str(key).startswith(SKIP_ANNOTATION) and isinstance(value, str):
            rule, _, why = value.partition("=")
            found[(address(obj), rule.strip())] = why.strip() or suppression.CHECKOV_NO_REASON
    return found


def looks_like_manifests(path: Path) -> bool:
    """A directory is manifests when it holds YAML files and no Terraform configuration file."""
    return not walk(path).files and bool(walk(path, SUFFIXES, MANIFEST_LIMIT).files)
