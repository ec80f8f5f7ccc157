"""Terraform plan JSON (`terraform show -json plan.bin`) → Resources, one per managed resource change.

Attributes are the after-state, with every `after_unknown` path an `Unknown("known only after apply")`;
the provider region comes from `configuration.provider_config[<provider_config_key>]` (a constant, or a
root variable from the plan's `variables`), through module calls' `providers` maps where a key
names a module's own configuration. Plans carry no file or line.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import zip_longest
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource, Unknown
from permitguard.sources import SourceResult

ACTIONS = {("delete",): Action.DELETE, ("create",): Action.CREATE, ("update",): Action.UPDATE,
           ("no-op",): Action.NOOP, ("read",): Action.READ, ("create", "delete"): Action.CREATE,
           ("delete", "create"): Action.CREATE,
           ("forget",): Action.DELETE}  # `removed` blocks: Terraform stops managing it; never a violation
_MODULE = re.compile(r'module\.([^.\[]+)(?:\[[^\]]*\])?')


def read_plan(path: str | Path) -> SourceResult:
    """Raises InputError (one line) for a missing, unreadable, truncated or non-plan file."""
    plan = _load(Path(path))
    config = plan.get("configuration") or {}
    changes = [rc for rc in plan.get("resource_changes") or [] if isinstance(rc, Mapping)]
    resources = [_resource(rc, plan, config) for rc in changes
                 if rc.get("mode", "managed") == "managed" and not rc.get("deposed")]
    return SourceResult(kind="terraform_plan", resources=resources, files=1)


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        plan = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON (truncated?): {exc}") from None
    if not isinstance(plan, dict) or "format_version" not in plan or not isinstance(
            plan.get("resource_changes", []), list):
        raise InputError(f"{path}: not a Terraform plan (expected the output of `terraform show -json`)")
    return plan


def _resource(rc: Mapping[str, Any], plan: Mapping[str, Any], config: Mapping[str, Any]) -> Resource:
    change = rc.get("change") or {}
    actions = tuple(change.get("actions") or ())
    if actions not in ACTIONS:
        raise InputError(f"{rc.get('address')}: unknown change actions {list(actions)}")
    after = change.get("after")
    attributes = _overlay(after if isinstance(after, Mapping) else {}, change.get("after_unknown") or {})
    region, origin = _provider_region(rc, plan, config)
    return Resource(
        address=str(rc.get("address")), type=str(rc.get("type")), cloud=_cloud(rc),
        attributes=attributes, provider_region=region, provider_region_from=origin,
        action=ACTIONS[actions], before=change.get("before"), source_kind="terraform_plan",
    )


def _cloud(rc: Mapping[str, Any]) -> str:
    """`registry.terraform.io/aliyun/alicloud` → alicloud; else the type's prefix."""
    name = str(rc.get("provider_name") or "")
    return name.rsplit("/", 1)[-1] if name else str(rc.get("type")).split("_", 1)[0]


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


def _module_call(config: Mapping[str, Any], names: list[str]) -> Mapping[str, Any]:
    call: Mapping[str, Any] = {"module": config.get("root_module") or {}}
    for name in names:
        call = ((call.get("module") or {}).get("module_calls") or {}).get(name) or {}
    return call


def _config_key(rc: Mapping[str, Any], config: Mapping[str, Any]) -> tuple[str, list[str]]:
    """The resource's provider_config_key from the configuration, and its module names."""
    names = _MODULE.findall(str(rc.get("module_address") or ""))
    local = f"{rc.get('type')}.{rc.get('name')}"
    for res in (_module_call(config, names).get("module") or {}).get("resources") or []:
        if res.get("address") == local and res.get("mode", "managed") == "managed":
            return str(res.get("provider_config_key")), names
    return (":".join(["module." + ".module.".join(names), _cloud(rc)]) if names else _cloud(rc)), names


def _provider_region(rc: Mapping[str, Any], plan: Mapping[str, Any],
                     config: Mapping[str, Any]) -> tuple[Any, str]:
    providers = config.get("provider_config") or {}
    key, names = _config_key(rc, config)
    while key not in providers and ":" in key and names:  # a module's own key, mapped by its caller
        local = key.split(":", 1)[1]
        mapping = _module_call(config, names).get("providers") or {}
        names = names[:-1]
        parent = mapping.get(local, local if "." not in local else None)
        if parent is None:
            return Unknown(f"provider {key} is not passed to its module"), f"provider {key}"
        key = (":".join(["module." + ".module.".join(names), parent]) if names else parent)
    if key not in providers:
        return None, f"provider {key} (no provider configuration)"
    return _region(providers[key], plan, config), f"provider {key} (plan provider_config)"


def _region(provider: Mapping[str, Any], plan: Mapping[str, Any], config: Mapping[str, Any]) -> Any:
    expr = (provider.get("expressions") or {}).get("region")
    if not isinstance(expr, Mapping):
        return None
    if "constant_value" in expr:
        return expr["constant_value"]
    refs = [r for r in expr.get("references") or [] if isinstance(r, str)]
    if not refs:
        return Unknown("unresolved reference in provider region")
    parts = refs[0].split(".")
    names = _MODULE.findall(str(provider.get("module_address") or ""))
    if parts[0] != "var":
        return Unknown(f"unresolved reference {refs[0]}")
    if names:  # a module's variable: the caller's constant argument, if it gave one
        args = _module_call(config, names).get("expressions") or {}
        value = (args.get(parts[1]) or {}).get("constant_value")
    else:
        value = ((plan.get("variables") or {}).get(parts[1]) or {}).get("value")
    for part in parts[2:]:
        value = value.get(part) if isinstance(value, Mapping) else None
    return value if isinstance(value, str) else Unknown(f"unresolved reference {refs[0]}")
