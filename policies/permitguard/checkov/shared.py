"""What every check of one Checkov process shares, loaded once: the Context (licence profile and
catalogs, found like the CLI finds them) and the plans read so far (one read per plan file)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from permitguard.checkov import roots
from permitguard.checkov.adapter import graph_nodes
from permitguard.checkov.providers import GraphIndex
from permitguard.context import Context
from permitguard.errors import InputError, PermitguardError
from permitguard.model import Resource
from permitguard.sources.terraform_plan import read_plan

_CONTEXTS: dict[tuple[str | None, str, str | None], Context | PermitguardError] = {}
_PLANS: dict[tuple[str, int, int], dict[str, Resource] | InputError] = {}
_GRAPH: list[tuple[Any, dict[str, GraphIndex]]] = []  # the last graph seen (held: identity stays meaningful)


def context(environ: Mapping[str, str] | None = None, cwd: str | None = None) -> Context:
    """`Context.load()` as the CLI does it ($PERMITGUARD_LICENSE, ./permitguard.yaml, bundled), cached
    per (profile variable, working directory, pinned date). A broken profile raises every time."""
    env = os.environ if environ is None else environ
    cwd = cwd or os.getcwd()
    key = (env.get("PERMITGUARD_LICENSE"), cwd, env.get("PERMITGUARD_AS_OF"))
    if key not in _CONTEXTS:
        try:
            _CONTEXTS[key] = Context.load(environ=dict(env), cwd=cwd)
        except PermitguardError as exc:
            _CONTEXTS[key] = exc
        except ValueError as exc:  # e.g. a malformed $PERMITGUARD_AS_OF
            _CONTEXTS[key] = PermitguardError(f"cannot set up permitguard: {exc}")
    found = _CONTEXTS[key]
    if isinstance(found, PermitguardError):
        raise type(found)(*found.args)
    return found


def graph_index(graph: Any) -> dict[str, GraphIndex]:
    """The indexes of Checkov's current graph, one per root configuration directory, built once for all
    checks and resources of a run."""
    if not _GRAPH or _GRAPH[0][0] is not graph:
        _GRAPH[:] = [(graph, roots.indexes(graph_nodes(graph)))]
    return _GRAPH[0][1]


def plan_resource(path: str, address: str) -> Resource:
    """The resource `address` of the plan at `path`, read through `read_plan` (once per file version)."""
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PLANS:
        try:
            _PLANS[key] = {r.address: r for r in read_plan(path).resources}
        except InputError as exc:
            _PLANS[key] = exc
    found = _PLANS[key]
    if isinstance(found, InputError):
        raise InputError(*found.args)
    if address not in found:
        raise InputError(f"{path}: resource {address} is not among the plan's resource_changes")
    return found[address]
