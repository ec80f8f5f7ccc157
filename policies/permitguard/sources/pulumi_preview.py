"""`pulumi preview --json` → Resources: every step's resource, judged on the state the step leads to.

Addresses are URNs. Each resource goes through the adapter the policy pack uses
(permitguard.pulumi.adapter), so both doors translate Pulumi properties once, the same way. A step's
`provider` reference (`<urn>::<id>`) names a provider step of the document; a default provider
(`default_<version>`) the document does not list is rebuilt from the document's stack `config`
(`<pkg>:region`), as the engine builds it. Deletes are judged on their old state and never fail.
A replacement is several steps of one URN (`create-replacement`, `replace`, `delete-replaced`): the
resource is judged once, on the step leading to its new state, and so is a replaced provider. Steps
of one URN leading to different new states (a document Pulumi would not write) are each judged, the
further ones as `<urn> (steps[i])`: the compliant copy never hides the other. A custom resource of a
cloud package is judged even when the document calls it a component (`custom: false`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource
from permitguard.pulumi import adapter
from permitguard.pulumi import providers as pv
from permitguard.pulumi.wire import urn_type
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import SourceResult
from permitguard.sources.documents import Documents

KIND = "pulumi_preview"
ACTIONS = {
    "create": Action.CREATE, "create-replacement": Action.CREATE, "import": Action.CREATE,
    "import-replacement": Action.CREATE, "update": Action.UPDATE, "replace": Action.UPDATE,
    "same": Action.NOOP, "delete": Action.DELETE, "delete-replaced": Action.DELETE,
    "discard": Action.DELETE, "discard-replaced": Action.DELETE, "remove-pending-replace": Action.DELETE,
    "read": Action.READ, "read-replacement": Action.READ, "read-discard": Action.READ, "refresh": Action.READ,
}
# Which of a URN's steps stands for it: the one leading to its new state first, its deletion last.
_RANK = {Action.CREATE: 0, Action.UPDATE: 1, Action.NOOP: 2, Action.READ: 3, Action.DELETE: 4}


def read_preview(path: str | Path, documents: Documents | None = None, *, types: ResourceTypeCatalog
                 ) -> SourceResult:
    """Raises InputError for a file unreadable, truncated or not a `pulumi preview --json` document.
    `types`: the run's resource-type catalog; `documents`: the run's parsed JSON inputs (else a parse of
    its own)."""
    path = Path(path)
    doc = (documents or Documents()).load(path, "Pulumi preview")
    steps = _one_per_urn(_steps(doc, path))
    chosen = [step for index, step in steps if index is None]
    config = doc.get("config") or {}
    if not isinstance(config, Mapping):
        raise InputError(f"{path}: `config` is not an object of stack config values")
    by_urn = {step["urn"]: _state(step) for step in chosen}
    resources: list[Resource] = []
    for index, step in steps:
        try:
            found = _resource(step, by_urn, config, types)
        except RecursionError:  # JSON nests deeper than Python's stack: say so, never an internal error
            raise InputError(f"{path}: {step['urn']}: property values nested too deeply to be read") from None
        if found is not None:  # a further step of a URN is judged as `<urn> (steps[i])`: both are reported
            label = found.address if index is None else f"{found.address} (steps[{index}])"
            resources.append(replace(found, address=label) if index is not None else found)
    return SourceResult(KIND, resources, files=1)


def _steps(doc: Any, path: Path) -> list[dict[str, Any]]:
    if not isinstance(doc, Mapping) or not ("steps" in doc or "changeSummary" in doc):
        raise InputError(f"{path}: not a `pulumi preview --json` document (no `steps`)")
    steps = doc.get("steps") or []
    if not isinstance(steps, list):
        raise InputError(f"{path}: `steps` is not a list")
    for i, step in enumerate(steps):
        if not (isinstance(step, Mapping) and isinstance(step.get("urn"), str) and step.get("op") in ACTIONS):
            raise InputError(f"{path}: steps[{i}] is not a preview step (needs `urn` and a known `op`)")
        if len(step["urn"].split("::")) < 4 or not step["urn"].startswith("urn:pulumi:"):
            raise InputError(f"{path}: steps[{i}]: {step['urn']!r} is not a Pulumi URN")
        state = _state(step)
        if not isinstance(state, Mapping):
            raise InputError(f"{path}: steps[{i}] ({step['urn']}) has no `newState` or `oldState` object")
        for name in ("newState", "oldState"):
            if step.get(name) is not None and not isinstance(step[name], Mapping):
                raise InputError(f"{path}: steps[{i}] ({step['urn']}): `{name}` is not an object")
            if not isinstance((step.get(name) or {}).get("inputs") or {}, Mapping):
                where = "" if name == "newState" else f" (in `{name}`)"
                raise InputError(f"{path}: steps[{i}] ({step['urn']}): `inputs` is not an object{where}")
        if not isinstance(step.get("provider") or state.get("provider") or "", str):
            raise InputError(f"{path}: steps[{i}] ({step['urn']}): `provider` is not a provider reference")
    return list(steps)


def _one_per_urn(steps: list[dict[str, Any]]) -> list[tuple[int | None, dict[str, Any]]]:
    """The step standing for each URN (index None); a further step of the URN leading to a different new
    state (a document Pulumi would not write) is kept too, with its index, so that both are judged."""
    chosen: dict[str, dict[str, Any]] = {}
    for step in steps:
        held = chosen.get(step["urn"])
        if held is None or _RANK[ACTIONS[step["op"]]] < _RANK[ACTIONS[held["op"]]]:
            chosen[step["urn"]] = step
    extra = [(i, step) for i, step in enumerate(steps)
             if step is not chosen[step["urn"]] and _leads_elsewhere(step, chosen)]
    return [(None, step) for step in chosen.values()] + extra


def _leads_elsewhere(step: Mapping[str, Any], chosen: Mapping[str, Mapping[str, Any]]) -> bool:
    held = chosen[step["urn"]]
    if ACTIONS[step["op"]] is Action.DELETE or ACTIONS[held["op"]] is Action.DELETE:
        return False
    mine, theirs = _state(step), _state(held)
    return (mine.get("inputs"), step.get("provider") or mine.get("provider")) != (
        theirs.get("inputs"), held.get("provider") or theirs.get("provider"))


def _state(step: Mapping[str, Any]) -> Any:
    old_first = ACTIONS[step["op"]] is Action.DELETE
    first, second = ("oldState", "newState") if old_first else ("newState", "oldState")
    return step.get(first) if step.get(first) is not None else step.get(second)


def _type(urn: str, state: Mapping[str, Any]) -> str:
    token = state.get("type")
    return token if isinstance(token, str) and token else urn_type(urn) or ""


def _resource(step: Mapping[str, Any], by_urn: Mapping[str, Any], config: Mapping[str, Any],
              types: ResourceTypeCatalog) -> Resource | None:
    urn, state = step["urn"], _state(step)
    token = _type(urn, state)
    action = ACTIONS[step["op"]]
    before = step.get("oldState") if action is Action.UPDATE else None
    custom = state.get("custom") is not False  # the stack and components have no provider
    ref = step.get("provider") or state.get("provider") or ""
    provider = _provider(ref, token, by_urn, config, types) if custom else None
    return adapter.to_resource(token, urn, state.get("inputs") or {}, provider, types, action,
                               (before.get("inputs") or {}) if isinstance(before, Mapping) else None)


def _provider(ref: str, token: str, by_urn: Mapping[str, Any], config: Mapping[str, Any],
              types: ResourceTypeCatalog) -> pv.ProviderInfo | None:
    """The provider a step uses: its provider step, else (default providers) one built from config."""
    if types.pulumi_provider_package(token) is not None:
        return None
    urn = ref.rsplit("::", 1)[0] if ref else ""
    state = by_urn.get(urn)
    name = urn.rsplit("::", 1)[-1] if urn else pv.DEFAULT_PREFIX
    if isinstance(state, Mapping):
        return pv.ProviderInfo(_type(urn, state), name, urn, state.get("inputs") or {})
    package = types.pulumi_provider_package(_type(urn, {})) if urn else token.split(":", 1)[0]
    if pv.is_default_name(name):
        version = name[len(pv.DEFAULT_PREFIX) + 1:].replace("_", ".") or None
        return pv.default_provider(package or token.split(":", 1)[0], version, config)
    return pv.ProviderInfo(pv.PROVIDERS + (package or ""), name, urn, {})
