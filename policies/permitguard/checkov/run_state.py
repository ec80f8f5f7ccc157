"""The Checkov front door's process state: the one module of it that holds any, and why it must.

Checkov imports the external-checks file (policies/checkov/permitguard_checks.py), which builds one check
per rule and registers it in Checkov's own check registry, a module global; Checkov then calls each check
with one entity's conf and nothing else: no run object, no place to pass a Context. So what the checks of
one Checkov process share is kept here, built once rather than once per resource:

    checks   the checks registered with Checkov (registering twice would run every rule twice)
    run      the facts a run's checks share (`CheckovRun`, read through `current()`): the Context per
             (profile variable, working directory, pinned date), each plan read, the resources of the
             entity Checkov is checking, the current graph's vertices (indexed by block type and
             address), the shared Terraform evaluation of each root (its resources indexed by address),
             the JSON documents parsed, the findings of the last resources judged (every rule judged at
             the first check that asks), each Kubernetes manifest file read, and the resources of each
             root or plan indexed for the rules that join (`Peers`)

`reset()` starts a fresh run (tests, a second run in one process); the checks stay registered.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from permitguard.sources.documents import Documents

ContextKey = tuple[str | None, str, str | None]  # $PERMITGUARD_LICENSE, working directory, $PERMITGUARD_AS_OF


@dataclass
class CheckovRun:
    contexts: dict[ContextKey, Any] = field(default_factory=dict)  # → Context | PermitguardError
    plans: dict[tuple[str, int, int], Any] = field(default_factory=dict)  # plan file → resources | InputError
    graph: list[tuple[Any, list[Mapping[str, Any]]]] = field(default_factory=list)  # the last graph seen
    # its vertices by (block type, address) → [(root, file)] (`roots.vertex_index`), built at first use
    vertices: list[tuple[Any, dict[tuple[str, str], list[tuple[str, str]]]]] = field(default_factory=list)
    roots: dict[str, Any] = field(default_factory=dict)  # root directory → Evaluation | InputError
    # the last entity a resource check resolved: [its conf, the scanned file, the graph, its resources]
    entity: list[Any] = field(default_factory=list)
    # root directory → (its Evaluation, its resources by address, by declared address), built at first use
    addresses: dict[str, tuple[Any, dict[str, list[Any]], dict[str, list[Any]]]] = field(default_factory=dict)
    documents: Documents = field(default_factory=Documents)
    # a resource's findings by rule, judged once for the checks of every rule: id(resource) → (the resource,
    # the Context that judged it, {rule id: finding}) (the resource held, so that its id is not reused);
    # the last `shared.FINDINGS_KEPT` resources judged, oldest first
    findings: dict[int, tuple[Any, Any, dict[str, Any]]] = field(default_factory=dict)
    manifests: dict[tuple[str, int, int], Any] = field(default_factory=dict)  # manifest file → result | error
    peers: dict[Any, Any] = field(default_factory=dict)  # root directory or plan file → its Peers


checks: list[Any] = []  # PermitguardCheck | PermitguardModuleCheck, built by checks.build_checks
_run = CheckovRun()


def current() -> CheckovRun:
    return _run


def reset() -> None:
    """Forget the run's shared facts (the registered checks stay: Checkov's registry holds them)."""
    global _run
    _run = CheckovRun()
