"""What pulumi-policy reads from one Analyze request, read once for all the pack's policies.

For each policy of the pack, pulumi-policy's Analyze converts the request's properties and its provider's
properties from protobuf to dicts, deserialises them and wraps them in unknown-checking proxies, afresh:
twenty policies, twenty conversions of the same request, most of the pack's time per resource. The pack's
policies only read what they are given (and share one evaluation per request: permitguard.pulumi.policies),
so within one Analyze request `once` hands every policy the same conversion. The hooks are the points the
pack already replaces in pulumi-policy (permitguard.pulumi.secrets: its `json_format`, its
`deserialize_properties`) plus its `unknown_checking_proxy`; pulumi-policy's public API has no way to
share them. Outside an Analyze request (Configure, AnalyzeStack, Remediate) nothing is shared.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pulumi_policy.policy as _sdk

from permitguard.pulumi import run_state

T = TypeVar("T")


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
    """Share the unknown-checking proxies of one Analyze request among its policies (idempotent; the
    conversions are shared by the hooks permitguard.pulumi.secrets installs)."""
    original = _sdk.unknown_checking_proxy
    if getattr(original, "permitguard_shares_reads", False):
        return

    def unknown_checking_proxy(props: Any) -> Any:
        return once("proxy", props, lambda: original(props))

    unknown_checking_proxy.permitguard_shares_reads = True  # type: ignore[attr-defined]
    _sdk.unknown_checking_proxy = unknown_checking_proxy
