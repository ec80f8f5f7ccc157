"""Terraform plan JSON (`terraform show -json plan.bin`) → Resources: nothing read is dropped.

Every managed resource of `resource_changes`, `deferred_changes`, `planned_values` (root and child
modules) and `prior_state` is judged, or named in a could-not-evaluate part (`terraform_plan_entry`,
failed by CKV_CNLIC_100): an entry that is not an object, has a mode, actions or planned state Terraform
does not write, repeats an address, or disagrees with `planned_values` (both copies are judged, the second
as `<address> (<entry>)`); and an
incomplete plan (`complete: false`, deferred changes) as a whole. A plan that errored, or whose sections
are not the shapes Terraform writes, is unusable input (one line, exit 2).

Changes are judged on their after-state (`plan_values`: Unknown for `after_unknown`, Sensitive for
`after_sensitive`); resources only in `prior_state` (a `-target` plan) as unchanged on their state values;
resources only in `planned_values` as created. The provider region comes from the plan's configuration
(`plan_providers`). Plans carry no file or line (`enrichment` takes them from the configuration).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource, TrailStep, Unknown, sensitive_texts
from permitguard.sources import SourceResult
from permitguard.sources import plan_values as pv
from permitguard.sources.documents import Documents
from permitguard.sources.plan_providers import Plan, cloud_of, module_names, provider_region

ACTIONS = {("delete",): Action.DELETE, ("create",): Action.CREATE, ("update",): Action.UPDATE,
           ("no-op",): Action.NOOP, ("read",): Action.READ, ("create", "delete"): Action.CREATE,
           ("delete", "create"): Action.CREATE, ("forget",): Action.DELETE,  # forget: `removed` blocks
           ("create", "forget"): Action.CREATE}
MODES = ("managed", "data")
PART = "terraform_plan_entry"  # a plan entry that could not be read, or the plan's incompleteness
SECTIONS = {"resource_changes": list, "deferred_changes": list, "planned_values": Mapping,
            "prior_state": Mapping, "configuration": Mapping, "variables": Mapping}


def read_plan(path: str | Path, documents: Documents | None = None) -> SourceResult:
    """Raises InputError (one line) for a missing, unreadable, truncated, errored or non-plan file.
    `documents`: the run's parsed JSON inputs (the plan is parsed there once), else a parse of its own."""
    reader = _Reader(_load(Path(path), documents or Documents()))
    reader.read()
    return SourceResult(kind="terraform_plan", resources=reader.resources, files=1)


def _load(path: Path, documents: Documents) -> dict[str, Any]:
    plan = documents.load(path, "Terraform plan")
    if not isinstance(plan, dict) or "format_version" not in plan:
        raise InputError(f"{path}: not a Terraform plan (expected the output of `terraform show -json`)")
    if not str(plan["format_version"]).startswith(("0.", "1.")):
        raise InputError(f"{path}: plan format_version {plan['format_version']!r} is not one permitguard "
                         "reads (0.x, 1.x)")
    for name, kind in SECTIONS.items():
        if plan.get(name) is not None and not isinstance(plan[name], kind):
            raise InputError(f"{path}: not a Terraform plan: `{name}` is not "
                             f"{'a list' if kind is list else 'an object'}")
    if "resource_changes" not in plan and "planned_values" not in plan:  # `terraform show -json` of a state
        raise InputError(f"{path}: a Terraform state, not a plan: run `terraform show -json` on a saved plan")
    if plan.get("errored"):  # Terraform saves a failed plan too; the resources it could not plan are missing
        raise InputError(f"{path}: the plan errored (`errored: true`), so it does not hold every resource; "
                         "fix the errors of `terraform plan` and scan again")
    return plan


class _Reader:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.index = _config_index(plan)
        self.resources: list[Resource] = []
        self.seen: dict[str, str] = {}  # address → the entry that first named it (judged or not)
        self.changed: dict[str, Mapping[str, Any]] = {}  # address → its change, for planned_values
        self.providers: dict[tuple, tuple[Any, str, tuple]] = {}  # `provider`'s answers

    def read(self) -> None:
        for i, rc in enumerate(self.plan.get("resource_changes") or []):
            self.change(f"resource_changes[{i}]", rc)
        deferred = self.plan.get("deferred_changes") or []
        for i, entry in enumerate(deferred):
            rc = entry.get("resource_change") if isinstance(entry, Mapping) else entry
            self.change(f"deferred_changes[{i}]", rc)
        for where, module, entry in _state_resources(self.plan.get("planned_values"), "planned_values"):
            self.state_entry(where, module, entry, planned=True)
        prior = self.plan.get("prior_state")
        for where, module, entry in _state_resources((prior or {}).get("values"), "prior_state.values"):
            self.state_entry(where, module, entry, planned=False)
        complete = self.plan.get("complete", True)
        if complete is not True or deferred:
            why = (f"complete: {complete!r}" if complete is not True else "complete: true") + (
                f", {len(deferred)} deferred changes" if deferred else "")
            self.part("plan", why, "incomplete")

    def change(self, where: str, rc: Any) -> None:
        problem = _change_problem(rc)
        if problem:
            return self.part(where, problem, address=rc)
        actions = tuple(rc["change"]["actions"])
        if rc.get("deposed"):
            if ACTIONS[actions] is Action.DELETE:
                return None  # the old copy of a replaced object, destroyed
            return self.part(where, f"a deposed object with actions {list(actions)}", address=rc)
        if rc["mode"] == "data":
            self.seen.setdefault(rc["address"], where)
            return None  # a data source is read, not created
        if ACTIONS[actions] is not Action.DELETE:
            self.changed.setdefault(rc["address"], rc["change"])
        try:
            self.add(where, self.from_change(rc, ACTIONS[actions]))
        except RecursionError:  # JSON nests deeper than Python's stack: named, never an internal error
            self.part(where, "values nested too deeply to be read", address=rc)
        return None

    def state_entry(self, where: str, module: str, entry: Any, planned: bool) -> None:
        problem = _state_problem(entry)
        if problem:
            return self.part(where, problem, address=entry)
        address = entry["address"]
        if entry["mode"] == "data" or entry.get("deposed_key"):
            return None
        rc = {**entry, "module_address": module}
        if not planned:  # a resource the plan does not change (a -target plan): judged as it stands
            if address not in self.seen:
                self.add(where, self.from_values(rc, Action.NOOP))
            return None
        change = self.changed.get(address)
        self.seen.setdefault(address, where)
        if change is None:
            self.part(where, f"{address} is planned but has no change in resource_changes; "
                             "judged on its planned values", address=entry)
        elif (attr := _disagreement(entry.get("values") or {}, change)) is None:
            return None
        else:
            self.part(where, f"planned_values and resource_changes disagree on {address} ({attr}); "
                             "both are judged", address=entry)
        copy = self.from_values(rc, Action.CREATE)
        self.resources.append(replace(copy, address=f"{address} ({where})") if change is not None else copy)
        return None

    def add(self, where: str, resource: Resource) -> None:
        """A further copy of an address is judged under `<address> (<where>)`: both copies are reported."""
        first = self.seen.get(resource.address)
        if first is not None and first != where:
            self.part(where, f"{resource.address} appears again (first at {first}); both copies are judged",
                      address={"address": resource.address})
            resource = replace(resource, address=f"{resource.address} ({where})")
        self.seen.setdefault(resource.address, where)
        self.resources.append(resource)

    def part(self, where: str, why: str, reason: str = "plan_entry", address: Any = None) -> None:
        name = address.get("address") if isinstance(address, Mapping) else None
        label = f"{where} ({name})" if isinstance(name, str) and name else where
        self.resources.append(Resource(address=label, type=PART, cloud="terraform",
                                       attributes={"source": "plan", "why": why, "reason": reason},
                                       source_kind="terraform_plan"))

    def from_change(self, rc: Mapping[str, Any], action: Action) -> Resource:
        change = rc["change"]
        after = change.get("after") if isinstance(change.get("after"), Mapping) else {}
        config = self.configured(rc)
        attributes = pv.mark(pv.overlay(after, pv.unset_computed(change.get("after_unknown") or {}, config)),
                             change.get("after_sensitive"))
        before = change.get("before")
        before = pv.mark(before, change.get("before_sensitive")) if isinstance(before, Mapping) else None
        return self.resource(rc, config, attributes, action, before)

    def from_values(self, rc: Mapping[str, Any], action: Action) -> Resource:
        values = rc.get("values") if isinstance(rc.get("values"), Mapping) else {}
        attributes = pv.mark(values, rc.get("sensitive_values"))
        return self.resource(rc, self.configured(rc), attributes, action, None)

    def resource(self, rc: Mapping[str, Any], config: Mapping[str, Any] | None, attributes: Any,
                 action: Action, before: Any) -> Resource:
        region, origin, trail = self.provider(rc, config)
        return Resource(
            address=rc["address"], type=rc["type"], cloud=cloud_of(rc), attributes=attributes,
            provider_region=region, provider_region_from=origin, action=action, before=before,
            trail=trail,
            source_kind="terraform_plan", hidden=sensitive_texts(attributes, before, region),
            references=_references(config),
        )

    def provider(self, rc: Mapping[str, Any], config: Mapping[str, Any] | None) -> tuple[Any, str, tuple]:
        """(region, where it came from, the steps that found it) of the provider configuration of `rc`,
        found once per (module address, provider configuration key, cloud): what `provider_region` reads
        of an entry (a plan of 10,000 resources has a handful of provider configurations)."""
        key = ((rc.get("module_address"), (config or {}).get("provider_config_key"), cloud_of(rc))
               if isinstance((config or {}).get("provider_config_key"), (str, type(None))) else None)
        found = self.providers.get(key) if key is not None else None
        if found is None:
            trail: list[TrailStep] = []
            try:
                region, origin = provider_region(rc, self.plan, config, trail)
            except (AttributeError, TypeError, KeyError, ValueError, IndexError):
                region = Unknown("the plan's provider configuration could not be read")
                origin = "plan provider_config"
            found = (region, origin, tuple(trail))
            if key is not None:
                self.providers[key] = found
        return found

    def configured(self, rc: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """The resource's block in the plan's `configuration`, if the plan records it."""
        names = module_names(rc.get("module_address"))
        return self.index.get((names, f"{rc.get('type')}.{rc.get('name')}"))


def _references(config: Mapping[str, Any] | None) -> dict[str, tuple[str, ...]]:
    """Top-level attribute -> the addresses its expression refers to (`configuration` `references`): what
    joins a value known only after apply (`bucket = aws_s3_bucket.x.id`) to the resource it names."""
    expressions = config.get("expressions") if isinstance(config, Mapping) else None
    if not isinstance(expressions, Mapping):
        return {}
    return {k: tuple(r for r in e["references"] if isinstance(r, str)) for k, e in expressions.items()
            if isinstance(e, Mapping) and isinstance(e.get("references"), list)}


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


def _identity_problem(entry: Any) -> str | None:
    if not isinstance(entry, Mapping):
        return f"not an object ({_kind(entry)})"
    if entry.get("mode") not in MODES:
        return f"mode {entry.get('mode')!r} is not one Terraform writes (managed, data)"
    for key in ("address", "type"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            return f"no `{key}`"
    for key in ("module_address", "provider_name", "name"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return f"`{key}` is {_kind(entry[key])}, not a string"
    return None


def _change_problem(rc: Any) -> str | None:
    """Why a resource change cannot be judged as Terraform would apply it, else None."""
    if (problem := _identity_problem(rc)) is not None:
        return problem
    change = rc.get("change")
    if not isinstance(change, Mapping):
        return "no `change` object"
    actions = change.get("actions")
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        return "`change.actions` is not a list of actions"
    if tuple(actions) not in ACTIONS:
        return f"actions {actions} are not a change Terraform writes"
    for key in ("after_unknown", "after_sensitive", "before_sensitive"):
        if not isinstance(change.get(key), pv.MASK_TYPES):
            return f"`change.{key}` is {_kind(change[key])}"
    if change.get("after_unknown") is True and rc["mode"] != "data" and not rc.get("deposed"):
        return "`change.after_unknown` is true for the whole object: not one planned attribute is known"
    if change.get("before") is not None and not isinstance(change["before"], Mapping):
        return f"`change.before` is {_kind(change['before'])}, not an object"
    if ACTIONS[tuple(actions)] in (Action.CREATE, Action.UPDATE, Action.NOOP) and not rc.get("deposed"):
        if not isinstance(change.get("after"), Mapping):
            return f"{actions} with no planned state (`change.after` is {_kind(change.get('after'))})"
    return None


def _state_problem(entry: Any) -> str | None:
    if (problem := _identity_problem(entry)) is not None:
        return problem
    if entry.get("values") is not None and not isinstance(entry["values"], Mapping):
        return f"`values` is {_kind(entry['values'])}, not an object"
    if not isinstance(entry.get("sensitive_values"), pv.MASK_TYPES):
        return f"`sensitive_values` is {_kind(entry['sensitive_values'])}"
    return None


def _state_resources(values: Any, where: str) -> Iterator[tuple[str, str, Any]]:
    """(where, module address, entry) of every resource of a values document, child modules included;
    an entry of the wrong shape is yielded as is (a module that is not an object as its own entry)."""
    if values is None:
        return
    if not isinstance(values, Mapping):
        yield where, "", values
        return
    for at, name, entry, bad_module in module_resources(values.get("root_module"), f"{where}.root_module"):
        if bad_module:
            yield at, "", entry if not isinstance(entry, Mapping) else "a module of the wrong shape"
        else:
            yield at, name, entry


def module_resources(root_module: Any, at: str) -> Iterator[tuple[str, str, Any, bool]]:
    """(where, module address, resource entry, False) of every resource under a `root_module` of Terraform's
    values representation (a plan's planned_values and prior_state, a state's `terraform show -json`), child
    modules included, in document order; a module that is not an object with lists of `resources` and
    `child_modules` is yielded once as (where, "", the module, True)."""
    todo: list[tuple[str, Any]] = [(at, root_module)]
    while todo:
        at, module = todo.pop(0)
        if module is None:
            continue
        if not isinstance(module, Mapping) or not isinstance(module.get("resources") or [], list) or \
                not isinstance(module.get("child_modules") or [], list):
            yield at, "", module, True
            continue
        name = module.get("address") if isinstance(module.get("address"), str) else ""
        for i, entry in enumerate(module.get("resources") or []):
            yield f"{at}.resources[{i}]", name, entry, False
        todo += [(f"{at}.child_modules[{i}]", m) for i, m in enumerate(module.get("child_modules") or [])]


def _disagreement(values: Mapping[str, Any], change: Mapping[str, Any]) -> str | None:
    """The first attribute planned_values and the change's after-state give differently, else None."""
    after = change.get("after") if isinstance(change.get("after"), Mapping) else {}
    unknown = change.get("after_unknown") if isinstance(change.get("after_unknown"), Mapping) else {}
    for key in sorted({*values, *after}):
        if unknown.get(key) is not True and values.get(key) != after.get(key):
            return key
    return None


ConfigIndex = dict[tuple[tuple[str, ...], str], Mapping[str, Any]]


def _config_index(plan: Plan) -> ConfigIndex:
    """Every managed resource block of the configuration by (module path, `type.name`): one pass.
    Parts of the wrong shape are left out (their resources are then located without them)."""
    index: ConfigIndex = {}
    todo: list[tuple[Any, tuple[str, ...]]] = [((plan.get("configuration") or {}).get("root_module"), ())]
    while todo:
        module, names = todo.pop()
        if not isinstance(module, Mapping):
            continue
        resources = module.get("resources")
        for r in resources if isinstance(resources, list) else []:
            if isinstance(r, Mapping) and r.get("mode") != "data":
                index.setdefault((names, str(r.get("address"))), r)
        calls = module.get("module_calls")
        for name, call in (calls.items() if isinstance(calls, Mapping) else ()):
            if isinstance(call, Mapping):
                todo.append((call.get("module"), (*names, str(name))))
    return index
