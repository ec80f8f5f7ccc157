"""Provider regions in a Terraform plan: `configuration.provider_config[<key>].expressions.region`, a
constant or a variable (the plan's `variables`, module arguments); a module's own key (`module.edge:alicloud`)
not in provider_config goes up through the module calls' `providers` maps. Anything else (locals, resources)
a plan does not record: Unknown. A variable declared `sensitive` gives a Sensitive region (judged, never
shown)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from permitguard.model import TrailStep, Unknown, sensitive
from permitguard.terraform.providers import split_address

Plan = Mapping[str, Any]


def module_names(module_address: Any) -> tuple[str, ...]:
    """A plan's `module_address` (`module.edge["a"].module.net`) → the module calls it goes through
    (`('edge', 'net')`): instance keys dropped, as `configuration` records calls once per block."""
    return tuple(call.split("[", 1)[0] for call in split_address(f"{module_address or ''}.")[0])


def cloud_of(rc: Mapping[str, Any]) -> str:
    """`registry.terraform.io/aliyun/alicloud` → alicloud; else the type's prefix."""
    name = str(rc.get("provider_name") or "")
    return name.rsplit("/", 1)[-1] if name else str(rc.get("type")).split("_", 1)[0]


def _call(plan: Plan, names: list[str]) -> Mapping[str, Any]:
    """The module call at module path `names` (the root module wrapped as a call for `[]`)."""
    call: Mapping[str, Any] = {"module": (plan.get("configuration") or {}).get("root_module") or {}}
    for name in names:
        call = ((call.get("module") or {}).get("module_calls") or {}).get(name) or {}
    return call


def _key(names: list[str], local: str) -> str:
    return f"{'.'.join('module.' + n for n in names)}:{local}" if names else local


def provider_region(rc: Mapping[str, Any], plan: Plan, config: Mapping[str, Any] | None,
                    trail: list[TrailStep] | None = None) -> tuple[Any, str]:
    """The region and where it came from; the steps that found it are appended to `trail`."""
    steps = trail if trail is not None else []
    providers = (plan.get("configuration") or {}).get("provider_config") or {}
    names = list(module_names(rc.get("module_address")))
    key = str((config or {}).get("provider_config_key") or _key(names, cloud_of(rc)))
    steps.append(TrailStep("plan_provider_key", f"provider_config_key {key}"))
    while key not in providers and ":" in key and names:  # a module's own key, mapped by its caller
        local = key.split(":", 1)[1]
        parent = (_call(plan, names).get("providers") or {}).get(local, None if "." in local else local)
        if parent is None:  # an aliased configuration is only ever passed explicitly
            steps.append(TrailStep("module_providers", f"module.{names[-1]} providers: {local} not passed"))
            return Unknown(f"provider {key} is not passed to its module"), f"provider {key}"
        steps.append(TrailStep("module_providers", f"module.{names[-1]} providers: {local} = {parent}"))
        names = names[:-1]
        key = _key(names, parent)
    if key not in providers:
        steps.append(TrailStep("no_provider_block", f"configuration.provider_config has no {key}"))
        return None, f"provider {key} (no provider configuration)"
    steps.append(TrailStep("plan_provider_config", f"configuration.provider_config[{key}]"))
    return _region(providers[key], plan, steps), f"provider {key} (plan provider_config)"


def _region(provider: Mapping[str, Any], plan: Plan, steps: list[TrailStep]) -> Any:
    expr = (provider.get("expressions") or {}).get("region")
    if not isinstance(expr, Mapping):
        return None
    value = _value(expr, list(module_names(provider.get("module_address"))), plan, steps)
    return value if value is None or isinstance(value, (str, Unknown)) else Unknown(f"region {value!r}")


def _value(expr: Any, names: list[str], plan: Plan, steps: list[TrailStep]) -> Any:
    """A constant, or a variable of module `names` (the root's from the plan's `variables`), followed up
    through the module calls' arguments. Anything else (locals, resources) a plan does not record."""
    if not isinstance(expr, Mapping) or "constant_value" in expr:
        value = expr.get("constant_value") if isinstance(expr, Mapping) else None
        steps.append(TrailStep("plan_constant", f"constant {value}"))
        return value
    refs = [r for r in expr.get("references") or [] if isinstance(r, str)]
    parts = refs[0].split(".") if refs else ["?"]
    if parts[0] != "var" or len(parts) < 2:
        return Unknown(f"unresolved reference {refs[0] if refs else 'in the provider configuration'}")
    declared = ((_call(plan, names).get("module") or {}).get("variables") or {}).get(parts[1]) or {}
    if names:
        arg = (_call(plan, names).get("expressions") or {}).get(parts[1])
        steps.append(TrailStep("module_argument", f"module.{names[-1]}: var.{parts[1]}"
                               + ("" if arg is not None else " (its default)")))
        value = _value(arg, names[:-1], plan, steps) if arg is not None else declared.get("default")
    else:
        value = ((plan.get("variables") or {}).get(parts[1]) or {}).get("value")
        shown = "(sensitive)" if declared.get("sensitive") is True else value
        steps.append(TrailStep("plan_variable", f"variables.{parts[1]} = {shown}"))
    for part in parts[2:]:
        value = value.get(part) if isinstance(value, Mapping) else None
    return sensitive(value) if declared.get("sensitive") is True else value
