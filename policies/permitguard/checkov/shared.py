"""What every check of one Checkov process shares, loaded once: the Context (licence profile and
catalogs, found like the CLI finds them), the shared Terraform evaluation of each root (the CLI's own,
so that both front doors judge the same values), the plans read so far (one read per plan file), and each
resource's findings (every rule judged once, for the checks of all rules).
It is kept in `permitguard.checkov.run_state` (why Checkov forces it there, and how to reset it)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from permitguard import engine
from permitguard.checkov import run_state
from permitguard.context import Context
from permitguard.errors import InputError, PermitguardError
from permitguard.model import Finding, Resource
from permitguard.peers import Peers
from permitguard.rules import RULES
from permitguard.sources.documents import file_key
from permitguard.sources.terraform_hcl import part_resource
from permitguard.sources.terraform_plan import PART as PLAN_PART
from permitguard.sources.terraform_plan import read_plan
from permitguard.terraform.providers import declared_address, split_address


def context(environ: Mapping[str, str] | None = None, cwd: str | None = None) -> Context:
    """`Context.load()` as the CLI does it ($PERMITGUARD_LICENSE, ./permitguard.yaml, bundled), cached
    per (profile variable, working directory, pinned date). A broken profile raises every time."""
    env = os.environ if environ is None else environ
    cwd = cwd or os.getcwd()
    key = (env.get("PERMITGUARD_LICENSE"), cwd, env.get("PERMITGUARD_AS_OF"))
    contexts = run_state.current().contexts
    if key not in contexts:
        try:
            contexts[key] = Context.load(environ=dict(env), cwd=cwd)
        except PermitguardError as exc:
            contexts[key] = exc
        except ValueError as exc:  # e.g. a malformed $PERMITGUARD_AS_OF
            contexts[key] = PermitguardError(f"cannot set up permitguard: {exc}")
    found = contexts[key]
    if isinstance(found, PermitguardError):
        raise type(found)(*found.args)
    return found


# The resources whose findings are kept for the checks still to ask: more than one Checkov entity stands for
# (a module called from several roots), few enough that a run's findings are not all held to its end.
FINDINGS_KEPT = 16


def findings(resource: Resource, ctx: Context, rule_id: str,
             peers: Sequence[Resource] | None = None) -> list[Finding]:
    """`engine.evaluate(resource, ctx, [rule_id], peers)`, from one evaluation of every rule on the
    resource, made at the first check that asks and kept for the checks of the other rules (each check of
    each rule would otherwise locate the resource, read its tags and business types again). A rule that
    raises is judged alone, so that its error fails its own check only. `peers`: the resource's
    configuration (every check of one resource names the same). Checkov runs the checks of one entity one
    after the other, so only the last few resources are kept (`FINDINGS_KEPT`): a run holds no finding of
    a resource it has moved past, and one asked about again is judged again, alike."""
    memo = run_state.current().findings
    held = memo.get(id(resource))
    if held is None or held[0] is not resource or held[1] is not ctx:
        try:
            judged = {f.rule_id: f for f in engine.evaluate(resource, ctx, peers=peers)}
        except Exception:  # noqa: BLE001 - judged rule by rule: the failing rule raises in its own check
            return engine.evaluate(resource, ctx, [rule_id], peers)
        memo.pop(id(resource), None)
        while len(memo) >= FINDINGS_KEPT:
            del memo[next(iter(memo))]  # the resource judged longest ago
        held = memo[id(resource)] = (resource, ctx, judged)
    if rule_id not in RULES:
        return engine.evaluate(resource, ctx, [rule_id], peers)  # not a rule the engine runs by default
    found = held[2].get(rule_id)
    return [found] if found is not None else []


def graph_nodes(graph: Any) -> list[Mapping[str, Any]]:
    """The vertex attribute dicts of a saved Checkov graph (rustworkx or networkx)."""
    if graph is None:
        return []
    try:
        items = list(graph.nodes(data=True))  # networkx
    except TypeError:
        items = list(graph.nodes())  # rustworkx: payloads are (index, attributes)
    return [item[1] if isinstance(item, tuple) else item for item in items]


def graph_nodes_of(graph: Any) -> list[Mapping[str, Any]]:
    """The vertex attributes of Checkov's current graph, listed once for all checks of a run."""
    held = run_state.current().graph  # the last graph seen (held: identity stays meaningful)
    if not held or held[0][0] is not graph:
        held[:] = [(graph, graph_nodes(graph))]
    return held[0][1]


def graph_index_of(graph: Any) -> Any:
    """The vertices of Checkov's current graph by (block type, address) (`roots.vertex_index`), built
    once per graph: each check looks its vertex up instead of reading every vertex again."""
    from permitguard.checkov.roots import vertex_index

    nodes = graph_nodes_of(graph)
    held = run_state.current().vertices
    if not held or held[0][0] is not nodes:
        held[:] = [(nodes, vertex_index(nodes))]
    return held[0][1]


def _evaluation(root: str) -> Any:
    """The shared evaluation of `root`; on the first miss, every root of Checkov's current graph is
    evaluated at once (one evaluator process for the run)."""
    from permitguard.checkov.roots import vertex_root
    from permitguard.terraform.evaluate import evaluate_roots

    run = run_state.current()
    if root not in run.roots:
        nodes = run.graph[0][1] if run.graph else []
        wanted = sorted(
            ({root} | {vertex_root(a) for a in nodes if a.get("block_type_") == "resource"})
            - set(run.roots)
            - {""}
        )
        extra = checkov_var_files()
        types = context().types
        evaluated = evaluate_roots([Path(d) for d in wanted], extra, types=types)
        for directory, found in zip(wanted, evaluated, strict=True):
            run.roots[directory] = found
    found = run.roots[root]
    if isinstance(found, InputError):
        raise InputError(*found.args)
    return found


def checkov_var_files() -> tuple[Path, ...]:
    """The `--var-file` files of the Checkov run that called our check (its RunnerFilter, found on the
    call stack: Checkov hands checks nothing else), so that both front doors evaluate the same values."""
    import inspect

    from checkov.runner_filter import RunnerFilter

    for info in inspect.stack(context=0):
        for value in list(info.frame.f_locals.values()):
            found = value if isinstance(value, RunnerFilter) else getattr(value, "runner_filter", None)
            if isinstance(found, RunnerFilter):
                return tuple(Path(f).resolve() for f in (found.var_files or []))
    return ()


def hcl_instances(root: str, address: str, expanded: bool = True) -> list[Resource]:
    """The instances the shared evaluation of `root` gives resource `address` (Checkov expands count and
    for_each itself, so usually one; none when Terraform creates none). `expanded` False: the block has no
    count or for_each, so Terraform creates it once in every instance of its module — if the evaluation has
    none while that module has instances, the evaluator lost the block: fail, never a silent pass."""
    evaluation = _evaluation(root)
    by_address, by_declared = _addresses(root, evaluation)
    exact = by_address.get(address)
    if exact:
        return list(exact)
    declared = declared_address(address)
    found = list(by_declared.get(declared, ()))
    unread = [
        p
        for p in evaluation.problems
        if p.kind == "module" and declared.startswith(declared_address(p.address) + ".")
    ]
    if not found and unread:  # Checkov read a module (its own download) that the evaluation could not
        raise InputError(
            f"{unread[0].address} (source {unread[0].source}) is not in .terraform/modules, so "
            "permitguard cannot evaluate what it creates: run `terraform init` before Checkov"
        )
    module = split_address(address)[0]
    prefix = "".join(f"module.{p}." for p in module)
    if (
        not found
        and not expanded
        and (not module or any(r.address.startswith(prefix) for r in evaluation.resources))
    ):
        raise InputError(
            f"{address} is declared once, with no count or for_each, but permitguard's Terraform "
            "evaluation has no instance of it: it cannot be judged (scan the plan)"
        )
    return found


def _addresses(root: str, evaluation: Any) -> tuple[dict[str, list[Resource]], dict[str, list[Resource]]]:
    """The resources of `root`'s evaluation by address and by declared address (in evaluation order),
    indexed once: each check finds its instances without reading every resource of the root again."""
    indexes = run_state.current().addresses
    held = indexes.get(root)
    if held is None or held[0] is not evaluation:
        by_address: dict[str, list[Resource]] = {}
        by_declared: dict[str, list[Resource]] = {}
        for r in evaluation.resources:
            by_address.setdefault(r.address, []).append(r)
            by_declared.setdefault(declared_address(r.address), []).append(r)
        held = indexes[root] = (evaluation, by_address, by_declared)
    return held[1], held[2]


def hcl_peers(root: str) -> Peers:
    """The resources of `root`'s shared evaluation, indexed once (when a rule first asks) for the rules that
    join a resource with others of its configuration (403, 501, 601, 602)."""
    peers = run_state.current().peers
    if ("root", root) not in peers:
        peers[("root", root)] = Peers(_evaluation(root).resources, context().types)
    return peers[("root", root)]


def plan_peers(path: str) -> Peers:
    """Every resource of the plan at `path` (read once, as `plan_resources` reads it), indexed once."""
    key = ("plan", file_key(Path(path)))
    peers = run_state.current().peers
    if key not in peers:
        peers[key] = Peers((r for rs in _plan_by_address_cached(path).values() for r in rs), context().types)
    return peers[key]


def hcl_parts(root: str, address: str) -> list[Resource]:
    """The unreadable-part resources (CKV_CNLIC_100) of module call `address` in `root`'s evaluation."""
    declared = declared_address(address)
    return [
        part_resource(p)
        for p in _evaluation(root).problems
        if p.kind == "module" and declared_address(p.address) == declared
    ]


def hcl_unloaded(root: str, address: str, scanned_file: str) -> list[Resource]:
    """A module call Checkov did not load although it is on disk (downloaded by `terraform init`: Checkov
    reads only its own --download-external-modules copies): the resources inside go unchecked by Checkov,
    so the call is a part CKV_CNLIC_100 fails, naming how many resources the shared evaluation found."""
    from permitguard.terraform.evaluate import Problem

    declared = declared_address(address)
    inside = [
        r for r in _evaluation(root).resources if declared_address(r.address).startswith(declared + ".")
    ]
    if not inside:
        return []
    problem = Problem("module", address, scanned_file.lstrip("/"), None, "", str(len(inside)), "not_loaded")
    return [part_resource(problem)]


def plan_resource(path: str, address: str) -> Resource:
    """The first copy of `address` in the plan at `path` (`plan_resources` gives every copy)."""
    return plan_resources(path, address)[0]


def plan_resources(path: str, address: str) -> list[Resource]:
    """The resource `address` of the plan at `path`, read through `read_plan` (once per file version):
    every copy a plan holds under that address (the check reports the worst verdict)."""
    found = _plan_by_address_cached(path)
    if address not in found:
        raise InputError(f"{path}: resource {address} is not among the plan's resource_changes")
    return found[address]


def _plan_by_address_cached(path: str) -> dict[str, list[Resource]]:
    key = file_key(Path(path))
    plans = run_state.current().plans
    if key not in plans:
        try:
            plans[key] = _plan_by_address(path)
        except InputError as exc:
            plans[key] = exc
    found = plans[key]
    if isinstance(found, InputError):
        raise InputError(*found.args)
    return found


def _plan_by_address(path: str) -> dict[str, list[Resource]]:
    """Every resource the plan holds, under the address Checkov asks about. Checkov's plan framework asks
    only about `planned_values`: a resource it never asks about (deferred, only in prior_state or in
    resource_changes) is judged with the first resource it does ask about, so that its failure shows."""
    documents = run_state.current().documents
    by_address: dict[str, list[Resource]] = {}
    for r in read_plan(path, documents).resources:
        by_address.setdefault(r.address.split(" (", 1)[0], []).append(r)  # copies: `a (entry)`
    asked = sorted(_planned_addresses(documents.load(Path(path), "Terraform plan")) & set(by_address))
    unseen = [r for a, rs in by_address.items() if a not in asked for r in rs if r.type != PLAN_PART]
    if asked and unseen:
        by_address[asked[0]] = by_address[asked[0]] + unseen
    return by_address


def _planned_addresses(plan: Any) -> set[str]:
    found: set[str] = set()
    values = plan.get("planned_values") if isinstance(plan, Mapping) else None
    todo = [values.get("root_module")] if isinstance(values, Mapping) else []
    while todo:
        module = todo.pop()
        if not isinstance(module, Mapping):
            continue
        for r in module.get("resources") if isinstance(module.get("resources"), list) else []:
            if isinstance(r, Mapping) and isinstance(r.get("address"), str):
                found.add(r["address"])
        todo += module.get("child_modules") if isinstance(module.get("child_modules"), list) else []
    return found


def manifest_resources(path: str, conf: Mapping[str, Any]) -> list[Resource]:
    """The objects of the manifest file at `path` (read by the CLI's reader, once per file version) that
    Checkov's kubernetes framework hands a check as `conf`: the same address (`<Kind>.<namespace>.<name>`),
    every copy when a file declares it twice. The reader resolves roleRef to a role declared in the same
    file, which Checkov's conf of one object cannot show."""
    from permitguard.sources.kubernetes_manifests import address, read_manifests

    key = file_key(Path(path))
    manifests = run_state.current().manifests
    if key not in manifests:
        try:
            manifests[key] = read_manifests(Path(path))
        except InputError as exc:
            manifests[key] = exc
    found = manifests[key]
    if isinstance(found, InputError):
        raise InputError(*found.args)
    wanted = address(conf)
    objects = [r for r in found.resources if r.address == wanted]
    if not objects:
        unread = next((r for r in found.resources if r.type == "kubernetes_manifest_file"), None)
        why = f": {unread.attributes.get('why')}" if unread is not None else ""
        raise InputError(f"{path}: permitguard did not read {wanted} from it{why}")
    return objects
