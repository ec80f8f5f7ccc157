"""The enforcement level Pulumi configured for each policy of the pack.

pulumi-policy keeps the levels of `--policy-pack-config` private and does not pass them to a policy.
A licence-profile problem is reported once, not once per policy: the policy that reports it must
know whether its report blocks the preview, or an advisory policy running first would swallow the
only report (and the preview would go through unjudged). `install()` records the levels Configure
receives; `blocks(name, default)` says whether that policy's violations are mandatory.
"""
from __future__ import annotations

from typing import Any

import pulumi_policy.policy as _sdk
from pulumi.runtime.proto import analyzer_pb2 as pb

_configured: dict[str, int] = {}
_BLOCKING = {pb.MANDATORY, pb.REMEDIATE}  # pulumi-policy reports a remediate policy's violations as mandatory


def install() -> None:
    """Record the levels of every Configure request (idempotent; before the pack serves)."""
    servicer = _sdk._PolicyAnalyzerServicer  # noqa: SLF001 - the only place the SDK keeps the levels
    original = servicer.Configure
    if getattr(original, "permitguard_records_levels", False):
        return

    def configure(self: Any, request: Any, context: Any) -> Any:
        _configured.clear()
        _configured.update({name: cfg.enforcementLevel for name, cfg in request.policyConfig.items()})
        return original(self, request, context)

    configure.permitguard_records_levels = True  # type: ignore[attr-defined]
    servicer.Configure = configure


def blocks(policy: str, default: str) -> bool:
    """True when the policy's violations are mandatory: as configured, else its default level."""
    if policy in _configured:
        return _configured[policy] in _BLOCKING
    return default in ("mandatory", "remediate")
