"""Terraform plan JSON (`terraform show -json plan.bin`) → Resources, one per managed resource change.

Attributes are the after-state, every `after_unknown` path an `Unknown("known only after apply")`. The
provider region comes from the plan's configuration (see `plan_providers`). Plans carry no file or line
(`enrichment` takes them from the configuration when the CLI is given it).
"""
from __future__ import annotations

from collections.abc import Mapping
from itertools import zip_longest
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource, Unknown
from permitguard.sources import SourceResult, detect
from permitguard.sources.plan_providers import MODULE, Plan, cloud_of, provider_region

ACTIONS = {("delete",): Action.DELETE, ("create",): Action.CREATE, ("update",): Action.UPDATE,
           ("no-op",): Action.NOOP, ("read",): Action.READ, ("create", "delete"): Action.CREATE,
           ("delete", "create"): Action.CREATE, ("forget",): Action.DELETE}  # forget: `removed` blocks


def read_plan(path: str | Path) -> SourceResult:
    """Raises InputError (one line) for a missing, unreadable, truncated or non-plan file."""
    plan = _load(Path(path))
    changes = [rc for rc in plan.get("resource_changes") or [] if isinstance(rc, Mapping)]
    index = _config_index(plan)
    resources = [_resource(rc, plan, index) for rc in changes
                 if rc.get("mode", "managed") == "managed" and not rc.get("deposed")]
    return SourceResult(kind="terraform_plan", resources=resources, files=1)


def _load(path: Path) -> dict[str, Any]:
    plan = detect.load_json(path, "Terraform plan")
    if not isinstance(plan, dict) or "format_version" not in plan or not isinstance(
            plan.get("resource_changes", []), list):
        raise InputError(f"{path}: not a Terraform plan (expected the output of `terraform show -json`)")
    if "resource_changes" not in plan and "planned_values" not in plan:  # `terraform show -json` of a state
        raise InputError(f"{path}: a Terraform state, not a plan: run `terraform show -json` on a saved plan")
    if plan.get("errored"):  # Terraform saves a failed plan too; the resources it could not plan are missing
        raise InputError(f"{path}: the plan errored (`errored: true`), so it does not hold every resource; "
                         "fix the errors of `terraform plan` and scan again")
    return plan


ConfigIndex = dict[tuple[tuple[str, ...], str], Mapping[str, Any]]


def _config_index(plan: Plan) -> ConfigIndex:
    """Every managed resource block of the configuration by (module path, `type.name`): one pass."""
    index: ConfigIndex = {}

    def walk(module: Mapping[str, Any], names: tuple[str, ...]) -> None:
        for r in module.get("resources") or []:
            if isinstance(r, Mapping) and r.get("mode") != "data":
                index.setdefault((names, str(r.get("address"))), r)
        for name, call in (module.get("module_calls") or {}).items():
            if isinstance(call, Mapping):
                walk(call.get("module") or {}, (*names, name))

    walk((plan.get("configuration") or {}).get("root_module") or {}, ())
    return index


def _resource(rc: Mapping[str, Any], plan: Plan, index: ConfigIndex) -> Resource:
    change = rc.get("change") or {}
    actions = tuple(change.get("actions") or ())
    if actions not in ACTIONS:
        raise InputError(f"{rc.get('address')}: unknown change actions {list(actions)}")
    after = change.get("after")
    config = _configured(rc, index)
    unknown = _unset_computed(change.get("after_unknown") or {}, config)
    attributes = _overlay(after if isinstance(after, Mapping) else {}, unknown)
    region, origin = provider_region(rc, plan, config)
    return Resource(
        address=str(rc.get("address")), type=str(rc.get("type")), cloud=cloud_of(rc),
        attributes=attributes, provider_region=region, provider_region_from=origin,
        action=ACTIONS[actions], before=change.get("before"), source_kind="terraform_plan",
    )


def _configured(rc: Mapping[str, Any], index: ConfigIndex) -> Mapping[str, Any] | None:
    """The resource's block in the plan's `configuration`, if the plan records it."""
    names = tuple(MODULE.findall(str(rc.get("module_address") or "")))
    return index.get((names, f"{rc.get('type')}.{rc.get('name')}"))


def _unset_computed(unknown: Any, config: Mapping[str, Any] | None) -> Any:
    """Top-level attributes the configuration does not set are the provider's computed defaults (a zone
    the cloud picks, a `region` argument defaulting to the provider's): absent, not unknown, so the
    resource is located like its HCL, by the next attribute or its provider. Set ones stay unknown."""
    if config is None or not isinstance(unknown, Mapping):
        return unknown
    expressions = config.get("expressions") or {}
    return {k: v for k, v in unknown.items() if v is not True or k in expressions}


def _overlay(value: Any, unknown: Any) -> Any:
    """`value` with every `after_unknown` path that is true replaced by an Unknown, nested too."""
    if unknown is True:
        return Unknown("known only after apply")
    if isinstance(unknown, Mapping) and (isinstance(value, Mapping) or (value is None and _any(unknown))):
        value = value or {}
        return {k: _overlay(value.get(k), unknown.get(k)) for k in {**value, **unknown}}
    if isinstance(unknown, list) and isinstance(value, list):
        return [_overlay(v, u) for v, u in zip_longest(value, unknown[: len(value)])]
    return value


def _any(unknown: Any) -> bool:
    if isinstance(unknown, Mapping):
        return any(_any(u) for u in unknown.values())
    return any(_any(u) for u in unknown) if isinstance(unknown, list) else unknown is True
