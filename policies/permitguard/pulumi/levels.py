"""What Pulumi configured for each policy of the pack: its enforcement level and its licence settings.

pulumi-policy keeps the levels of `--policy-pack-config` private and does not pass them to a policy.
A licence-profile problem is reported once, not once per policy: the policy that reports it must
know whether its report blocks the preview, or an advisory policy running first would swallow the
only report (and the preview would go through unjudged). `install()` records the levels Configure
receives (in `run_state`); `blocks(name, default)` says whether that policy's violations are mandatory.
The licence profile is pack-wide (one permit judges the whole stack), but Pulumi configures policies one
by one: `profile_settings()` gives every policy's `license`/`profile` settings so that one set on any
policy applies to all, and two different ones are a conflict, not a silent mix of permits.
"""
from __future__ import annotations

from typing import Any

import pulumi_policy.policy as _sdk
from google.protobuf.json_format import MessageToDict
from pulumi.runtime.proto import analyzer_pb2 as pb

from permitguard.pulumi import run_state
from permitguard.pulumi.config import licence_settings

_BLOCKING = {pb.MANDATORY, pb.REMEDIATE}  # pulumi-policy reports a remediate policy's violations as mandatory


def install() -> None:
    """Record the levels of every Configure request, and mark each Analyze request so that its policies
    share one evaluation and one read of the request (the SDK calls every policy with freshly deserialised
    props; permitguard.pulumi.shared_reads). Idempotent."""
    servicer = _sdk._PolicyAnalyzerServicer  # noqa: SLF001 - the only place the SDK keeps the levels
    original = servicer.Configure
    if getattr(original, "permitguard_records_levels", False):
        return
    original_analyze = servicer.Analyze

    def analyze(self: Any, request: Any, context: Any) -> Any:
        serving = run_state.current().request
        serving.token, serving.reads = object(), {}
        try:
            return original_analyze(self, request, context)
        finally:
            serving.token = serving.reads = None

    def configure(self: Any, request: Any, context: Any) -> Any:
        state = run_state.current()
        state.levels.clear()
        state.levels.update({name: cfg.enforcementLevel for name, cfg in request.policyConfig.items()})
        state.settings.clear()
        for name, cfg in request.policyConfig.items():
            props = MessageToDict(cfg.properties) if cfg.HasField("properties") else {}
            chosen = licence_settings(props)
            if chosen:
                state.settings[name] = chosen
        return original(self, request, context)

    configure.permitguard_records_levels = True  # type: ignore[attr-defined]
    servicer.Configure = configure
    servicer.Analyze = analyze


def blocks(policy: str, default: str) -> bool:
    """True when the policy's violations are mandatory: as configured, else its default level."""
    configured = run_state.current().levels
    if policy in configured:
        return configured[policy] in _BLOCKING
    return default in ("mandatory", "remediate")


def request_token() -> object | None:
    """The Analyze request this thread is serving (None outside one)."""
    return getattr(run_state.current().request, "token", None)


def profile_settings() -> dict[str, dict[str, Any]]:
    """Policy name -> its `license`/`profile` settings, for the policies that set one."""
    return dict(run_state.current().settings)
