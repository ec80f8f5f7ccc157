"""One root module → the resource instances Terraform would create, and what could not be read.

See the package docstring for the evaluator. This module turns its document into `Resource`s: addresses
as Terraform writes them, attributes through `values.Values`, the provider configuration through
`providers.ProviderIndex`, `checkov:skip` comments (on the resource, or on a module call for everything
inside it), and a `Problem` for every module call or file that could not be read — one each, so that the
rest of the root is still judged.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from permitguard import safe_files
from permitguard.datafiles import load_data
from permitguard.errors import InputError
from permitguard.model import OWN_ACCOUNT, Resource, Unknown
from permitguard.rbac_catalog import attach_declared_roles
from permitguard.terraform import provider_trail, source_text, taint
from permitguard.terraform.loader import run_evaluator, run_evaluator_many, var_files
from permitguard.terraform.policy_documents import render
from permitguard.terraform.providers import ProviderIndex, declared_address, split_address
from permitguard.terraform.roots import CONFIG_SUFFIXES, module_closure, module_cycle
from permitguard.terraform.roots import unsafe_files as roots_guard
from permitguard.terraform.values import Block, Values

if TYPE_CHECKING:
    from permitguard.resources import ResourceTypeCatalog

META_ARGUMENTS = frozenset(
    {
        "provider",
        "count",
        "for_each",
        "depends_on",
        "lifecycle",
        "provisioner",
        "connection",
        "dynamic",
        "id",
        "__tfmeta",
    }
)
_SKIP = re.compile(r"(?:checkov|bridgecrew):skip= *([A-Za-z_\d]+(?:,[A-Za-z_\d]+)*)(?::([^\n]+))?")
_COMMENT_OR_BLANK = re.compile(r"^\s*(?:(?:#|//).*)?$")


@dataclass(frozen=True)
class Problem:
    """A part of the configuration that could not be read: a module call or a file."""

    kind: str  # module | file
    address: str  # module.remote (instance keys kept) | the file's path
    file: str
    line: int | None
    source: str
    why: str
    reason: str = "unparsed"  # not_downloaded | not_found | unparsed


@dataclass
class Evaluation:
    root: Path
    resources: list[Resource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    suppressions: dict[tuple[str, str], str] = field(default_factory=dict)
    files: int = 0


@lru_cache(maxsize=1)
def _semantics() -> Mapping[str, Any]:
    return load_data("terraform.yaml", "terraform.schema.json")


def _module_parts(path: str) -> tuple[str, ...]:
    """`module.a[0].module.b` (a module call's own address) → ('a[0]', 'b')."""
    return split_address(path + ".x.y")[0]


def _blocks(doc: Mapping[str, Any], root: Path, base: Path) -> list[Block]:
    out = []
    for key, entries in doc.items():
        for body in entries if isinstance(entries, list) else []:
            meta = body.get("__tfmeta") if isinstance(body, Mapping) else None
            if not isinstance(meta, Mapping):
                continue
            kind = meta.get("type") if meta.get("type") in ("resource", "data") else key
            where = os.path.normpath(root / str(meta.get("filename", "")))
            out.append(
                Block(
                    kind=str(kind),
                    type=str(meta.get("label") if kind in ("resource", "data") else key),
                    path=str(meta.get("path", "")),
                    file=where,
                    line=meta.get("line_start"),
                    body=body,
                )
            )
            body["__file_rel__"] = os.path.relpath(where, base)
    return out


def evaluate_root(
    root: Path,
    extra_var_files: tuple[Path, ...] = (),
    base: Path | None = None,
    *,
    types: ResourceTypeCatalog,
) -> Evaluation:
    """Raises InputError only when the evaluator refuses the whole root."""
    found = evaluate_roots([root], extra_var_files, base, types=types)[0]
    if isinstance(found, InputError):
        raise found
    return found


def evaluate_roots(
    roots: list[Path],
    extra_var_files: tuple[Path, ...] = (),
    base: Path | None = None,
    *,
    types: ResourceTypeCatalog,
) -> list[Evaluation | InputError]:
    """Several roots evaluated by one worker process: an Evaluation per root, or the InputError saying why
    the evaluator refused that root (the others are still evaluated). `types`: the run's resource-type
    catalog (which provider configuration keys hold a region, which attribute holds a type's tags)."""
    if not roots:
        return []
    resolved = [r.resolve() for r in roots]
    refused = {r: _refusal(r, (base or r).resolve(), extra_var_files) for r in resolved}
    requests = [(r, var_files(r, extra_var_files)) for r in resolved if refused[r] is None]
    try:
        answered: list[Any] = run_evaluator_many(requests) if requests else []
    except InputError:  # the worker died on one of them: evaluate each alone, so only that root is lost
        answered = []
        for request in requests:
            try:
                answered.append(run_evaluator_many([request])[0])
            except InputError as exc:
                answered.append(exc)
    given = iter(answered)
    answers = [refused[r] or next(given) for r in resolved]
    out: list[Evaluation | InputError] = []
    for root, answer in zip(resolved, answers, strict=True):
        try:
            if isinstance(answer, InputError):
                raise answer
            out.append(
                _evaluation(
                    root, (base or root).resolve(), answer, types, var_files(root, extra_var_files)
                )
            )
        except InputError as exc:
            out.append(exc)
    return out


def _refusal(root: Path, base: Path, extra_var_files: tuple[Path, ...]) -> InputError | None:
    """Why the evaluator may not be given `root`: a file it would open (configuration or variables, of the
    root, of a local module it reaches or of a downloaded one) is not a regular file, leaves the scanned
    tree or is over the size limit. The file is never opened; the root is one could-not-evaluate part."""
    if (cycle := module_cycle(root)) is not None:
        chain = " -> ".join(os.path.relpath(d, base) for d in cycle)
        return InputError(
            f"{os.path.relpath(root, base) if root != base else '.'}: the root module was not "
            f"evaluated: its local modules call each other in a cycle ({chain}), which Terraform "
            "refuses"
        )
    directories = module_closure(root) + sorted(d for d in _modules_json(root).values() if d.is_dir())
    found = []
    for d in directories:
        tree = base if d.is_relative_to(base) else Path(os.path.commonpath([base, d]))
        found += roots_guard(d, tree)
    found += [
        (f, why)
        for f in extra_var_files
        if (why := safe_files.problem(Path(f), safe_files.TF_FILE_LIMIT)) is not None
    ]
    if not found:
        return None
    f, why = found[0]
    more = f" (and {len(found) - 1} more files)" if len(found) > 1 else ""
    name = os.path.relpath(root, base) if root != base else "."
    return InputError(
        f"{os.path.relpath(f, base)}: not read, so the root module {name} was not evaluated: {why}{more}"
    )


def _evaluation(
    root: Path,
    base: Path,
    answer: Mapping[str, Any],
    types: ResourceTypeCatalog,
    files: list[Path] = (),  # type: ignore[assignment]
) -> Evaluation:
    if "error" in answer:
        raise InputError(
            f"{os.path.relpath(root, base) if root != base else root}: cannot evaluate the "
            f"Terraform configuration: {answer['error']}"
        )
    doc = answer.get("doc") or {}
    blocks = _blocks(doc, root, base)
    evaluation = Evaluation(root=root)
    modules = {b.path: b for b in blocks if b.kind == "module"}
    targets = _module_targets(root, modules)
    unreadable = _module_problems(base, modules, targets, evaluation)
    values = Values(
        ids={str(b.body.get("id")): b for b in blocks if b.body.get("id")},
        own_account_types=frozenset(_semantics()["own_account_data_sources"]),
        partition_types=frozenset(_semantics().get("partition_data_sources", {})),
        unreadable_modules=frozenset(unreadable),
        prefix_lists=_semantics().get("prefix_list_resources", {}),
        gateways=_semantics().get("peer_gateway_resources", {}),
    )
    region_attrs = {c: types.provider_region_attrs(c) for c in types.clouds()}
    unset = sorted(
        b.path.split(".", 1)[1]
        for b in blocks
        if b.kind == "variable" and b.path.startswith("variable.") and "default" not in b.body
    )
    gone = taint.tainted_by_directory(
        root, blocks, modules, targets, sorted(unreadable), sorted(set(unset) - taint.assigned_names(files))
    )
    index = _providers(blocks, modules, values, region_attrs, gone, list(files), base)
    values.not_own = frozenset(_not_own(blocks, index))
    _documents(blocks, values, root)
    for block in sorted(
        (b for b in blocks if b.kind == "resource"), key=lambda b: (b.file, b.line or 0, b.path)
    ):
        values.scope = "".join(f"module.{p}." for p in split_address(block.path)[0])
        evaluation.resources.append(
            _resource(block, values, index, gone.get(str(Path(block.file).parent), {}), root, types)
        )
        evaluation.problems += _instances_unknown(
            block, gone.get(str(Path(block.file).parent), {}), evaluation.problems
        )
        for rule_id, reason in _skips(block, modules).items():
            evaluation.suppressions[(block.path, rule_id)] = reason
    evaluation.resources = attach_declared_roles(evaluation.resources)  # Kubernetes roles bound alongside
    evaluation.problems += _unparsed_files(root, base, blocks, [t for t in targets.values() if t])
    module_dirs = [t for t in targets.values() if t]
    evaluation.problems += _override_files(base, blocks, module_dirs + [root])
    evaluation.problems += _json_meta_files(base, blocks, module_dirs + [root])
    evaluation.problems += _unknown_expansions(
        root, base, blocks, modules, targets, gone, evaluation.problems
    )
    evaluation.files = len({b.file for b in blocks})
    return evaluation


def _module_targets(root: Path, modules: Mapping[str, Block]) -> dict[str, Path | None]:
    """Each module call's directory, where it holds configuration files; None when it is not on disk."""
    downloaded = _modules_json(root)
    out: dict[str, Path | None] = {}
    for path, block in sorted(modules.items()):
        source = block.body.get("source")
        source = source if isinstance(source, str) else str(source)
        if source.startswith(("./", "../")):
            target: Path | None = Path(os.path.normpath(Path(block.file).parent / source))
        else:
            target = downloaded.get(".".join(declared_address(p) for p in _module_parts(path)))
        holds = (
            target is not None
            and target.is_dir()
            and any(p.name.endswith(CONFIG_SUFFIXES) and p.is_file() for p in target.iterdir())
        )
        out[path] = target if holds else None
    return out


def _module_problems(
    base: Path, modules: Mapping[str, Block], targets: Mapping[str, Path | None], evaluation: Evaluation
) -> set[str]:
    """Module calls whose source is not on disk: one Problem each; their addresses."""
    out = set()
    for path, block in sorted(modules.items()):
        if targets.get(path) is not None:
            continue
        source = block.body.get("source")
        source = source if isinstance(source, str) else str(source)
        if source.startswith(("./", "../")):
            why = os.path.relpath(os.path.normpath(Path(block.file).parent / source), base)
            reason = "not_found"
        else:
            why, reason = "not downloaded", "not_downloaded"
        out.add(path)
        declared = declared_address(path)  # one finding per module call, however many instances it has
        if any(p.address == declared for p in evaluation.problems):
            continue
        evaluation.problems.append(
            Problem("module", declared, os.path.relpath(block.file, base), block.line, source, why, reason)
        )
    return out


def _modules_json(root: Path) -> dict[str, Path]:
    """`terraform init`'s record of downloaded modules: module key (a.b) → directory."""
    try:
        doc = json.loads(
            safe_files.read_text(
                root / ".terraform" / "modules" / "modules.json", "modules.json", safe_files.TF_FILE_LIMIT
            )
        )
    except (InputError, ValueError):
        return {}
    entries = doc.get("Modules") if isinstance(doc, Mapping) else None
    return {
        str(e.get("Key")): root / str(e.get("Dir"))
        for e in entries or []
        if isinstance(e, Mapping) and e.get("Key") and e.get("Dir")
    }


def _providers(
    blocks: list[Block],
    modules: Mapping[str, Block],
    values: Values,
    region_attrs: Mapping[str, tuple[str, ...]],
    gone: Mapping[str, Mapping[str, str]],
    var_files: list[Path] = (),  # type: ignore[assignment]
    base: Path = Path("."),
) -> ProviderIndex:
    index = ProviderIndex(region_attrs=region_attrs)
    for b in blocks:
        if b.kind != "provider":
            continue
        head = b.path.rsplit("provider.", 1)[0].rstrip(".")
        parts = _module_parts(head) if head else ()
        alias = b.body.get("alias")
        name = f"{b.type if b.type != 'provider' else _label(b)}" + (
            f".{alias}" if isinstance(alias, str) else ""
        )
        converted = {
            k: _value(v, values)
            for k, v in b.body.items()
            if k not in META_ARGUMENTS and not k.startswith("__")
        }
        _taint(
            converted,
            b.file,
            b.line or 1,
            b.end,
            gone.get(str(Path(b.file).parent), {}),
            b.body["__file_rel__"],
        )
        keys = region_attrs.get(name.split(".", 1)[0]) or ("region",)
        index.add_block(parts, name, converted, f"{b.body['__file_rel__']}:{b.line}",
                        provider_trail.region_steps(b, keys, parts, blocks, modules, var_files, base))
    for path, b in modules.items():
        args = source_text.arguments(b.file, b.line or 1, b.end)
        if "providers" in args:
            index.passed[_module_parts(path)] = source_text.providers_map(args["providers"][0])
            index.calls[_module_parts(path)] = (b.body["__file_rel__"], args["providers"][1])
    return index


def _provider_meta(body: Mapping[str, Any]) -> str | None:
    """A block's `provider` meta-argument (`alicloud.hk`), as the evaluator renders it."""
    meta = body.get("provider")
    if isinstance(meta, Mapping):
        return str(meta.get("__attribute__"))
    return meta if isinstance(meta, str) else None


def _label(block: Block) -> str:
    return str(block.body.get("__tfmeta", {}).get("label") or block.path.rsplit(".", 1)[-1])


def _value(
    value: Any, values: Values, root: Path | None = None, gone: Mapping[str, str] | None = None
) -> Any:
    """An argument's value; nested blocks (tfparse marks them with __tfmeta) as lists of dicts."""
    if isinstance(value, Mapping) and "__tfmeta" in value and "__attribute__" not in value:
        return [_block(value, values, root, gone)]
    if isinstance(value, list) and value and all(isinstance(v, Mapping) and "__tfmeta" in v for v in value):
        return [_block(v, values, root, gone) for v in value]
    return values.convert(value)


def _block(
    body: Mapping[str, Any], values: Values, root: Path | None = None, gone: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A block's arguments. Where the evaluator lost a value that is written only of literals and the
    caller's own account (it renders such a data source as null), the expression as written gives it;
    where an argument reads a name that cannot be known (`taint`), it is unknown whatever was rendered;
    where an argument written as an expression that reads what is known only at apply came out null, it
    is unknown, not omitted."""
    out = {
        k: _value(v, values, root, gone)
        for k, v in body.items()
        if k not in META_ARGUMENTS and not k.startswith("__")
    }
    meta = body.get("__tfmeta")
    if root is None or not isinstance(meta, Mapping):
        return out
    path = os.path.normpath(root / str(meta.get("filename", "")))
    start, end = int(meta.get("line_start") or 1), int(meta.get("line_end") or 1)
    for name, (expression, _) in source_text.arguments(path, start, end).items():
        if name in META_ARGUMENTS:
            continue
        if (
            name in out
            and _has_unknown(out[name])
            and (own := values.own_account_literal(expression)) is not None
        ):
            out[name] = own
        elif (
            _lost_statement(out.get(name))
            and (literal := source_text.jsonencode_literal(expression)) is not None
        ):
            # the document as written: what it names is judged (locals that are the own account followed)
            out[name] = values.convert(_own_locals_replaced(literal, Path(path).parent, values))
        elif out.get(name) is None and _null_is_unknown(expression):
            out[name] = Unknown(
                f"could not be evaluated statically: `{source_text.shown(expression)}` came out null"
            )
    _taint(out, path, start, end, gone or {}, os.path.relpath(path, root))
    return out


@lru_cache(maxsize=1)
def _apply_time() -> re.Pattern[str]:
    """What an expression reads that is known only at apply: a data source, a module output, another
    resource's attribute, or a function of data/terraform.yaml `apply_time_functions` (files, clocks)."""
    functions = "|".join(re.escape(f) for f in sorted(_semantics()["apply_time_functions"]))
    return re.compile(
        r"(?<![\w.])(?:data\.[A-Za-z_]|module\.[A-Za-z_]"
        r"|(?!var\.|local\.|each\.|count\.|path\.|terraform\.|self\.)"
        r"[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.[A-Za-z_*])"
        rf"|\b(?:{functions})\("
    )


_BARE_REFERENCE = re.compile(r'^(?:var|local|each|count)\.[\w.\[\]"-]*$')


def _null_is_unknown(expression: str) -> bool:
    """Whether an argument written as `expression` that evaluated to null is unknown rather than omitted:
    it reads a data source, a module output, another resource's attribute or a file, or it is an expression
    (a function, an index) that never writes `null` itself. A variable or local whose value is null, and
    a conditional with a `null` branch over static values, are omitted as Terraform omits them."""
    text = source_text.strip_comments(expression).strip()
    if text == "null" or _BARE_REFERENCE.match(text):
        return False
    return _apply_time().search(text) is not None or re.search(r"\bnull\b", text) is None


def _taint(out: dict[str, Any], path: str, start: int, end: int, gone: Mapping[str, str], shown: str) -> None:
    """Arguments of the block at path:start..end that read a name that cannot be known become unknown."""
    if not gone:
        return
    for name, (expression, line) in source_text.arguments(path, start, end).items():
        if name in META_ARGUMENTS or (why := taint.reads(expression, gone)) is None:
            continue
        value = _known_keys(expression, out.get(name), gone, shown, line)
        out[name] = _unresolved(expression, shown, line, why) if value is None else value


def _known_keys(expression: str, rendered: Any, gone: Mapping[str, str], shown: str,
                line: int) -> dict[str, Any] | None:
    """An object whose keys are written out although some values cannot be known: a literal (`tags = { env =
    var.x, license-service = "idc" }`) or a merge of literals and known values (`merge(local.tags, {
    license-service = var.svc })`). Only the entries that read an unknown name are unknown; the others are as
    rendered, and absent keys stay absent. None when which keys there are cannot be known (a part that is
    no literal reads an unknown name, a computed key, anything but a literal or a merge)."""
    if not isinstance(rendered, Mapping):
        return None
    parts = source_text.merge_arguments(expression)
    # a known part that is no literal (`local.tags`) counts as rendered: its keys replace nothing unknown
    literals = [source_text.object_literal(expression)] if parts is None else [
        source_text.object_literal(part) if taint.reads(part, gone) is not None
        else source_text.object_literal(part) or {} for part in parts]
    if any(entries is None for entries in literals):
        return None
    value = dict(rendered)
    for entries in literals:  # in merge's order: a later part's key replaces an earlier one's
        for key, text in entries.items():
            if (why := taint.reads(text, gone)) is not None:
                value[key] = _unresolved(text, shown, line, why)
            elif parts is not None:
                value[key] = rendered.get(key)  # a later known value wins over an earlier unknown one
    return value


def _unresolved(expression: str, shown: str, line: int, why: str) -> Unknown:
    return Unknown(f"unresolved reference `{source_text.shown(expression)}` ({shown}:{line}): {why}")


def _not_own(blocks: list[Block], index: ProviderIndex) -> list[str]:
    """Own-account data sources (data/terraform.yaml) that may name another account: given any argument
    (`data "azurerm_subscription" { subscription_id = … }`), or read through a provider configuration
    that assumes a role (whose account is not necessarily the caller's)."""
    own = _semantics()["own_account_data_sources"]
    out = []
    for b in blocks:
        if b.kind != "data" or b.type not in own:
            continue
        arguments = [k for k in b.body if k not in META_ARGUMENTS and not k.startswith("__")]
        provider = _provider_meta(b.body)
        config = index.values_for(b.path, b.type, provider)
        assumes = [k for k in _semantics()["role_assumption_blocks"] if config.get(k) not in (None, [], {})]
        if arguments or assumes:
            out.append(b.path)
    return out


def _own_locals_replaced(value: Any, directory: Path, values: Values) -> Any:
    """`${local.x}` inside a literal, where local x is the caller's own account, as that account."""
    own = {
        name
        for f in sorted(directory.glob("*.tf"))
        for name, (expression, _) in source_text.locals_of(f).items()
        if values.own_account_literal(expression) == OWN_ACCOUNT
    }
    if not own:
        return value
    if isinstance(value, str):
        return re.sub(
            r"\$\{\s*local\.([A-Za-z_][\w-]*)\s*\}",
            lambda m: OWN_ACCOUNT if m.group(1) in own else m.group(0),
            value,
        )
    if isinstance(value, Mapping):
        return {k: _own_locals_replaced(v, directory, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_own_locals_replaced(v, directory, values) for v in value]
    return value


def _lost_statement(value: Any) -> bool:
    """A policy document whose Statement the evaluator rendered as null (a value inside was unknown)."""
    return isinstance(value, Mapping) and any(
        str(k).lower() == "statement" and v is None for k, v in value.items()
    )


def _has_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    if isinstance(value, Mapping):
        return any(_has_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_unknown(v) for v in value)
    return False


def _documents(blocks: list[Block], values: Values, root: Path) -> None:
    """Render every policy-document data source (data/terraform.yaml) into `values.documents`."""
    shapes = _semantics().get("policy_document_data_sources", {})
    for b in blocks:
        if b.kind == "data" and b.type in shapes and b.body.get("id"):
            values.scope = (
                "".join(f"module.{p}." for p in _module_parts(b.path.rsplit(".data.", 1)[0]))
                if b.path.startswith("module.")
                else ""
            )
            values.documents[str(b.body["id"])] = render(
                shapes[b.type], _block(b.body, values, root), f"{b.body['__file_rel__']}:{b.line}"
            )


def _instances_unknown(block: Block, gone: Mapping[str, str], known: list[Problem]) -> list[Problem]:
    """A resource whose count or for_each reads a name that cannot be known: which instances Terraform will
    create is unknown; one Problem for the block (its instances, if the evaluator made any, are judged)."""
    written = source_text.arguments(block.file, block.line or 1, block.end)
    declared = declared_address(block.path)
    for meta in ("count", "for_each"):
        if meta in written and (why := taint.reads(written[meta][0], gone)) is not None:
            if any(p.address == declared for p in known):
                return []
            return [
                Problem(
                    "resource",
                    declared,
                    block.body["__file_rel__"],
                    block.line,
                    source_text.shown(written[meta][0]),
                    f"{meta}: {why}",
                    "instances_unknown",
                )
            ]
    return []


def _resource(
    block: Block, values: Values, index: ProviderIndex, gone: Mapping[str, str], root: Path,
    types: ResourceTypeCatalog,
) -> Resource:
    body = block.body
    attributes = _block(body, values, root, gone)
    written = source_text.arguments(block.file, block.line or 1, block.end)
    for name, (expression, line) in _dynamic_for_each(block).items():
        if (why := taint.reads(expression, gone)) is not None or _apply_time().search(expression):
            attributes[name] = Unknown(
                f"known only after apply: the `{name}` blocks come from dynamic for_each "
                f"`{source_text.shown(expression)}` ({body['__file_rel__']}:{line})"
                + (f": {why}" if why else "")
            )
    for name, (expression, line) in written.items():
        if name in META_ARGUMENTS:
            continue
        where = f"{body['__file_rel__']}:{line}"
        if (
            isinstance(attributes.get(name), Unknown)
            and "written `" not in attributes[name].why
            and "unresolved reference `" not in attributes[name].why
        ):
            why = attributes[name].why
            attributes[name] = Unknown(f"{why}; written `{source_text.shown(expression)}` ({where})")
    provider = _provider_meta(body)
    config = index.resolve(block.path, block.type, provider, (body["__file_rel__"], block.line))
    _merge_default_tags(attributes, types.get(block.type).tags_attr, config.default_tags)
    cloud = provider.split(".", 1)[0] if provider else block.type.split("_", 1)[0]
    return Resource(
        address=block.path,
        type=block.type,
        cloud=cloud,
        attributes=attributes,
        provider_region=config.region,
        provider_region_from=config.origin,
        trail=config.trail,
        file=body["__file_rel__"],
        line=block.line,
        source_kind="terraform",
        root=str(root),
    )


def _merge_default_tags(attributes: dict[str, Any], tags_attr: str | None, defaults: Any) -> None:
    """AWS `default_tags` apply to every taggable resource (its type's `tags_attr` is `tags`): expose the
    union as `tags_all`, the way the AWS provider reports it in a plan (the resource's own tags win)."""
    tags = attributes.get("tags")
    if not isinstance(defaults, (Mapping, Unknown)) or "tags_all" in attributes:
        return
    if tags_attr != "tags":
        return
    if isinstance(defaults, Unknown):
        attributes["tags_all"] = defaults
    elif tags is None or isinstance(tags, Mapping):
        attributes["tags_all"] = {**defaults, **(tags or {})}


def _skips(block: Block, modules: Mapping[str, Block]) -> dict[str, str]:
    """`checkov:skip=ID:reason` inside the resource block or inside any module call that contains it."""
    carriers = [block]
    parts = _module_parts(block.path.rsplit(".", 2)[0]) if block.path.startswith("module.") else ()
    for depth in range(1, len(parts) + 1):
        call = modules.get(".".join(f"module.{p}" for p in parts[:depth]))
        if call is not None:
            carriers.append(call)
    found: dict[str, str] = {}
    for carrier in carriers:
        lines = source_text.file_lines(carrier.file)[max((carrier.line or 1) - 1, 0) : carrier.end]
        for line in lines:
            for m in _SKIP.finditer(line):
                for rule_id in m.group(1).split(","):
                    found.setdefault(rule_id, (m.group(2) or "").strip())
    return found


_DECLARES = re.compile(r"^\s*(?:resource|data|module|provider|variable|output|locals)\b", re.M)
_JSON_DECLARES = re.compile(r'"(?:resource|data|module|provider|variable|output|locals)"\s*:')
_OVERRIDE = re.compile(r"^(?:override|.+_override)\.tf(?:\.json)?$")


def _unparsed_files(root: Path, base: Path, blocks: list[Block], modules: list[Path]) -> list[Problem]:
    """Configuration files of the directories read (the root, those that gave blocks, every module's) that
    gave no block although they declare something: the evaluator skipped them (a syntax error). One Problem
    each, with the parser's message when it gives one. A file of only comments, `terraform`, `moved`,
    `import`, `check` or `removed` blocks declares nothing the rules judge."""
    read = {b.file for b in blocks}
    directories = {Path(f).parent for f in read} | {root} | set(modules)
    silent = []
    for d in sorted(directories):
        for f in sorted(p for p in d.iterdir() if p.name.endswith(CONFIG_SUFFIXES) and p.is_file()):
            if str(f) in read or _OVERRIDE.match(f.name):
                continue
            try:
                text = f.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                silent.append((f, f"cannot read it: {exc.strerror or exc}"))
                continue
            pattern = _JSON_DECLARES if f.name.endswith(".json") else _DECLARES
            if pattern.search(source_text.strip_comments(text) if pattern is _DECLARES else text):
                silent.append((f, ""))
    if not silent:
        return []
    message = ""
    if any(not why for _, why in silent):
        refused = run_evaluator(root, var_files(root), stop_on_error=True)
        message = str(refused.get("error") or "")
    out = []
    for f, why in silent:
        name = f.name
        detail = why or (message.split(": ", 1)[-1] if name in message else "it could not be parsed")
        out.append(Problem("file", os.path.relpath(f, base), os.path.relpath(f, base), None, "", detail))
    return out


def _override_files(base: Path, blocks: list[Block], directories: list[Path]) -> list[Problem]:
    """`override.tf` and `*_override.tf` files: Terraform merges them into the blocks they name, last; the
    evaluator reads them as ordinary files, so what the merged blocks hold is not known here. One Problem
    each (scan the plan, where Terraform has merged them)."""
    out = []
    for d in sorted(set(directories)):
        for f in sorted(p for p in d.iterdir() if _OVERRIDE.match(p.name) and p.is_file()):
            shown = os.path.relpath(f, base)
            out.append(
                Problem(
                    "file",
                    shown,
                    shown,
                    None,
                    "",
                    "an override file: Terraform merges it into the "
                    "blocks it names, which permitguard does not do; scan the plan",
                    "override",
                )
            )
    return out


_DYNAMIC = re.compile(r'\bdynamic\s+"([A-Za-z_][\w-]*)"\s*\{')
_RESOURCE_HEADER = re.compile(r'^[ \t]*resource\s+"([A-Za-z0-9_-]+)"\s+"([A-Za-z0-9_-]+)"\s*\{', re.M)


def _dynamic_for_each(block: Block) -> dict[str, tuple[str, int]]:
    """name → (for_each expression, line) of each `dynamic "name"` block written in a resource block."""
    lines = source_text.file_lines(block.file)
    start, end = block.line or 1, block.end
    written = "\n".join(lines[start - 1 : end])
    if "dynamic" not in written:
        return {}  # blanking comments adds no word: no dynamic block
    text = source_text.strip_comments(written)
    out = {}
    for m in _DYNAMIC.finditer(text):
        line = start + text.count("\n", 0, m.start())
        for_each = source_text.arguments(block.file, line, end).get("for_each")
        if for_each:
            out[m.group(1)] = for_each
    return out


def _unknown_expansions(
    root: Path,
    base: Path,
    blocks: list[Block],
    modules: Mapping[str, Block],
    targets: Mapping[str, Path | None],
    gone: Mapping[str, Mapping[str, str]],
    known: list[Problem],
) -> list[Problem]:
    """Resource blocks written in the directories read that the evaluator gave no instance of, whose count
    or for_each reads what is known only at apply (a data source, another resource, a module output) or a
    name that cannot be known: how many instances there will be is unknown, never "none"."""
    made = {(b.file, b.line) for b in blocks if b.kind == "resource"}
    prefixes: dict[str, str] = {str(root): ""}
    for path, target in sorted(targets.items()):
        if target is not None:
            prefixes.setdefault(str(target), declared_address(path) + ".")
    reported = {p.file for p in known if p.kind == "file"}
    out = []
    for directory, prefix in sorted(prefixes.items()):
        for f in sorted(Path(directory).glob("*.tf")):
            if _OVERRIDE.match(f.name) or os.path.relpath(f, base) in reported:
                continue  # a part of its own already (unparsed, override)
            text = source_text.strip_comments("\n".join(source_text.file_lines(str(f))))
            for m in _RESOURCE_HEADER.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                if (str(f), line) in made:
                    continue
                written = source_text.arguments(str(f), line, len(source_text.file_lines(str(f))))
                address = f"{prefix}{m.group(1)}.{m.group(2)}"
                if "count" not in written and "for_each" not in written:
                    # declared once, so created once: the evaluator lost it (never judged as absent)
                    if not any(p.address == address for p in known + out):
                        out.append(
                            Problem(
                                "resource",
                                address,
                                os.path.relpath(f, base),
                                line,
                                "",
                                "the evaluator gave no instance of it",
                                "not_evaluated",
                            )
                        )
                    continue
                for meta in ("count", "for_each"):
                    expression = written.get(meta, ("", 0))[0]
                    why = taint.reads(expression, gone.get(directory, {})) if expression else None
                    if expression and (why or _apply_time().search(expression)):
                        address = f"{prefix}{m.group(1)}.{m.group(2)}"
                        if not any(p.address == address for p in known + out):
                            out.append(
                                Problem(
                                    "resource",
                                    address,
                                    os.path.relpath(f, base),
                                    line,
                                    source_text.shown(expression),
                                    f"{meta} {why or 'reads what is known only after apply'}",
                                    "instances_unknown",
                                )
                            )
                        break
    return out


def _json_meta_files(base: Path, blocks: list[Block], directories: list[Path]) -> list[Problem]:
    """Terraform JSON files whose resources name a provider configuration or whose module calls pass
    providers: the evaluator does not apply those meta-arguments in JSON, so where such resources sit is not
    known here. One Problem each (write the file as .tf, or scan the plan)."""
    out = []
    for d in sorted(set(directories)):
        for f in sorted(d.glob("*.tf.json")):
            try:
                doc = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # an unreadable file is reported as unparsed
            if not isinstance(doc, Mapping) or not _json_sets_providers(doc):
                continue
            shown = os.path.relpath(f, base)
            out.append(
                Problem(
                    "file", shown, shown, None, "", "provider or providers in Terraform JSON", "json_meta"
                )
            )
    return out


def _json_sets_providers(doc: Mapping[str, Any]) -> bool:
    for kind in ("resource", "data"):
        for by_name in (doc.get(kind) or {}).values() if isinstance(doc.get(kind), Mapping) else []:
            entries = by_name.values() if isinstance(by_name, Mapping) else []
            if any(isinstance(e, Mapping) and "provider" in e for e in entries):
                return True
    calls = doc.get("module")
    return isinstance(calls, Mapping) and any(
        isinstance(c, Mapping) and "providers" in c for c in calls.values()
    )
