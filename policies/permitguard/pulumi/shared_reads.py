"""What pulumi-policy reads from one Analyze request, read once for all the pack's policies.

For each policy of the pack, pulumi-policy's Analyze converts the request's properties and its provider's
properties from protobuf to dicts, deserialises them and wraps them in unknown-checking proxies, afresh:
twenty policies, twenty conversions of the same request (a third of the pack's time per resource). The pack's
policies only read what they are given (and share one evaluation per request: permitguard.pulumi.policies),
so within one Analyze request `once` hands every policy the same conversion (and the same provider and
resource options, which pulumi-policy builds per policy too). The hooks are the points the pack already
replaces in pulumi-policy (permitguard.pulumi.secrets: its `json_format`, its `deserialize_properties`)
plus its `unknown_checking_proxy` and the servicer's `_get_provider_resource` and `_get_resource_options`;
pulumi-policy's public API has no way to share them. Outside an Analyze request (Configure, AnalyzeStack,
Remediate) nothing is shared.

Before every request pulumi-policy also sets the Pulumi runtime's settings and config (context variables of
the serving thread) from the environment (PULUMI_CONFIG, PULUMI_PROJECT…): `install` has it do so again
only when that environment differs from the last time in the same thread (the pack's policies read
neither; a policy that did would see the same settings).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import pulumi_policy.policy as _sdk

from permitguard.pulumi import run_state

T = TypeVar("T")
RUNTIME_ENV = ("PULUMI_CONFIG", "PULUMI_PROJECT", "PULUMI_STACK", "PULUMI_DRY_RUN", "PULUMI_ORGANIZATION")


def once(kind: str, source: Any, read: Callable[[], T]) -> T:
    """`read()` of `source` (a message or dict of the request being served, a policy's configuration),
    computed once per Analyze request, kind and source; outside a request, every time. The memo holds
    `source`, so its id stays its own while the request is served."""
    reads = _reads()
    if reads is None:
        return read()
    key = (kind, id(source))
    hit = reads.get(key)
    if hit is not None and hit[0] is source:
        return hit[1]
    value = read()
    reads[key] = (source, value)
    return value


def _reads() -> dict[tuple[str, int], tuple[Any, Any]] | None:
    """The memo of the Analyze request this thread serves (None outside one: permitguard.pulumi.levels
    starts one for each request and drops it when the request is answered)."""
    return getattr(run_state.current().request, "reads", None)


def install() -> None:
    """Share the unknown-checking proxies, the provider and the resource options of one Analyze request
    among its policies, and set the runtime's settings only when their environment changed (idempotent;
    the conversions are shared by the hooks permitguard.pulumi.secrets installs)."""
    original = _sdk.unknown_checking_proxy
    if getattr(original, "permitguard_shares_reads", False):
        return

    def unknown_checking_proxy(props: Any, *rest: Any) -> Any:  # any other call is passed on as it is
        return original(props, *rest) if rest else once("proxy", props, lambda: original(props))

    unknown_checking_proxy.permitguard_shares_reads = True  # type: ignore[attr-defined]
    _sdk.unknown_checking_proxy = unknown_checking_proxy
    servicer = _sdk._PolicyAnalyzerServicer  # noqa: SLF001 - where the SDK reads each request per policy
    for name in ("_get_provider_resource", "_get_resource_options"):
        if (method := getattr(servicer, name, None)) is not None:
            setattr(servicer, name, _shared(name, method))
    configure = getattr(servicer, "_configure_runtime_settings", None)
    if configure is None:
        return

    def configure_when_changed(self: Any, *rest: Any) -> Any:
        serving = run_state.current().request  # per thread: the settings are the thread's context variables
        environment = tuple(os.environ.get(name) for name in RUNTIME_ENV)
        if rest or getattr(serving, "runtime_environment", None) != environment:
            result = configure(self, *rest)
            serving.runtime_environment = None if rest else environment  # recorded once it has been set
            return result
        return None

    servicer._configure_runtime_settings = configure_when_changed  # noqa: SLF001


def _shared(kind: str, method: Callable[..., T]) -> Callable[..., T]:
    def read(self: Any, request: Any, *rest: Any) -> T:  # any other call is passed on as it is
        return method(self, request, *rest) if rest else once(kind, request, lambda: method(self, request))

    return read
