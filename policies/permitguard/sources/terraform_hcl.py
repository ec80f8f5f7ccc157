"""A Terraform directory → Resources, parsed and rendered by Checkov's own parser and graph (variables,
tfvars, locals, modules), each resource translated by the adapter the Checkov checks use.

Suppressions are Checkov's: `# checkov:skip=CKV_CNLIC_101:reason` inside a resource (or a module call,
which Checkov pushes down to the module's resources), read through Checkov's context parsers.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from permitguard.checkov import adapter, normalise, roots
from permitguard.errors import InputError
from permitguard.sources import SourceResult

SKIPPED_DIRS = frozenset({".terraform", ".git", ".external_modules"})


def read_directory(path: str | Path) -> SourceResult:
    """Raises InputError for a missing path, a directory without .tf files, or any unparseable file."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{path}: {'not a directory' if root.exists() else 'no such directory'}")
    files = [f for f in root.rglob("*.tf") if not SKIPPED_DIRS.intersection(f.relative_to(root).parts)]
    _refuse_json_configuration(root)
    if not files:
        raise InputError(f"{path}: no Terraform files (*.tf)")
    root = root.resolve()
    local_graph, graph = _graph(root)
    skips = _skipped(local_graph, root)
    result = SourceResult(kind="terraform", files=len(files))
    instances: dict[str, list[dict[str, str]]] = {}
    vertices = [(i, a, v) for i in roots.indexes(adapter.graph_nodes(graph), str(root)).values()
                for a, v in i.resources.items()]
    for index, address, vertex in sorted(vertices, key=lambda i: _order(i[2])):
        resource_type, conf = _entity(vertex)
        if conf.get("count") == [0] or not index.instantiated(address):
            continue  # count = 0 (on the resource or its module): Terraform creates nothing
        result.resources.append(adapter.to_resource(adapter.prepare(conf), resource_type, index))
        found = skips.get((roots.vertex_root(vertex), address), [])
        instances.setdefault(address, []).append({s["id"]: s.get("suppress_comment") or "" for s in found})
    for address, each in instances.items():  # the same address in several roots: skipped only if in all
        for rule_id in set(each[0]).intersection(*each[1:]):
            result.suppressions[(address, rule_id)] = each[0][rule_id]
    return result


def _refuse_json_configuration(root: Path) -> None:
    """Checkov's directory parser skips `*.tf.json`: resources, providers or modules declared there would
    go unchecked (a silent pass), so such a directory is unusable input. A file of only `terraform`
    settings (a generated backend) changes no location and is let through."""
    for f in sorted(root.rglob("*.tf.json")):
        if SKIPPED_DIRS.intersection(f.relative_to(root).parts):
            continue
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{f.relative_to(root)}: cannot parse: {exc}") from None
        if not isinstance(doc, dict) or set(doc) - {"terraform", "//"}:
            raise InputError(f"{f.relative_to(root)}: Terraform JSON configuration (*.tf.json) is not read "
                             "by Checkov's parser, so its blocks cannot be checked; write it as .tf, or "
                             "scan the plan (`terraform show -json`)")


def _graph(root: Path) -> tuple[Any, Any]:
    """Checkov's local graph (variables rendered) and its saved form, as the Terraform runner builds them."""
    from checkov.common.graph.db_connectors.rustworkx.rustworkx_db_connector import RustworkxConnector
    from checkov.terraform.graph_manager import TerraformGraphManager

    manager = TerraformGraphManager(db_connector=RustworkxConnector())
    errors: dict[str, Exception] = {}
    local_graph, _ = manager.build_graph_from_source_directory(
        str(root), parsing_errors=errors, download_external_modules=False)
    if errors:
        file, exc = sorted(errors.items())[0]
        more = f" (and {len(errors) - 1} more files)" if len(errors) > 1 else ""
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"{Path(file).relative_to(root) if file.startswith(str(root)) else file}: "
                         f"cannot parse: {reason}{more}")
    _require_modules(local_graph, root)
    return local_graph, manager.save_graph(local_graph)


def _require_modules(local_graph: Any, root: Path) -> None:
    """A module call Checkov could not load (remote source not downloaded, missing path) hides its
    resources: unusable input, not a clean scan."""
    for vertex in (v for v in local_graph.vertices if v.block_type == "module"):
        conf = next(iter(vertex.config.values()), {})
        if not conf.get("__resolved__"):
            where = f"{Path(vertex.path).relative_to(root)}:{normalise.first(conf, '__start_line__')}"
            source = str(normalise.first(conf, "source"))
            why = ("the directory does not exist" if source.startswith(("./", "../", "/")) else
                   "only local module sources are read, not .terraform/modules (so `terraform init` does "
                   "not help); scan the plan (`terraform show -json`) instead")
            raise InputError(f"{where}: module {vertex.name} (source {source}) could not be loaded, so its "
                             f"resources cannot be checked: {why}")


def _entity(vertex: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    (resource_type, by_name), = vertex["config_"].items()
    (conf,) = by_name.values()
    return resource_type, conf


def _order(vertex: Mapping[str, Any]) -> tuple[str, int, str]:
    line = normalise.first(vertex, "__start_line__")
    return str(vertex.get("file_path_")), line if isinstance(line, int) else 0, str(vertex.get("__address__"))


def _skipped(local_graph: Any, root: Path) -> dict[tuple[str, str], list[dict[str, str]]]:
    """`checkov:skip` comments per resource address, as Checkov's Terraform runner collects them."""
    from checkov.common.util.data_structures_utils import get_inner_dict
    from checkov.terraform.context_parsers.registry import parser_registry
    from checkov.terraform.graph_builder.graph_to_tf_definitions import (
        convert_graph_vertices_to_tf_definitions,
    )
    from checkov.terraform.modules.module_objects import TFDefinitionKey
    from checkov.terraform.runner import Runner

    definitions, _ = convert_graph_vertices_to_tf_definitions(local_graph.vertices, str(root))
    parser_registry.reset_definitions_context()
    context: dict[Any, Any] = {}
    for item in definitions.items():
        context = parser_registry.enrich_definitions_context(definitions=item, collect_skip_comments=True)
    runner = Runner()
    runner.definitions = definitions
    runner.push_skipped_checks_down_from_modules(context)
    skips: dict[tuple[str, str], list[dict[str, str]]] = {}
    for vertex in local_graph.vertices:
        if vertex.block_type != "resource":
            continue
        key = TFDefinitionKey(file_path=vertex.path, tf_source_modules=vertex.source_module_object)
        (resource_type, by_name), = vertex.config.items()
        try:
            entry = get_inner_dict(context[key], ["resource", resource_type, next(iter(by_name))])
        except KeyError:
            continue
        where = roots.root_dir(vertex.path, vertex.source_module_object)
        skips[(where, str(vertex.attributes.get("__address__")))] = list(entry.get("skipped_checks") or [])
    return skips
