"""What Pulumi configured for each policy of the pack: its enforcement level and its licence settings.

pulumi-policy keeps the levels of `--policy-pack-config` private and does not pass them to a policy.
A licence-profile problem is reported once, not once per policy: the policy that reports it must
know whether its report blocks the preview, or an advisory policy running first would swallow the
only report (and the preview would go through unjudged). `install()` records the levels Configure
receives; `blocks(name, default)` says whether that policy's violations are mandatory.
The licence profile is pack-wide (one permit judges the whole stack), but Pulumi configures policies one
by one: `profile_settings()` gives every policy's `license`/`profile` settings so that one set on any
policy applies to all, and two different ones are a conflict, not a silent mix of permits.
"""
from __future__ import annotations

import threading
from typing import Any

import pulumi_policy.policy as _sdk
from google.protobuf.json_format import MessageToDict
from pulumi.runtime.proto import analyzer_pb2 as pb

from permitguard.pulumi.config import licence_settings

_configured: dict[str, int] = {}
_settings: dict[str, dict[str, Any]] = {}
_BLOCKING = {pb.MANDATORY, pb.REMEDIATE}  # pulumi-policy reports a remediate policy's violations as mandatory


_request = threading.local()


def install() -> None:
    """Record the levels of every Configure request, and mark each Analyze request so that its policies
    share one evaluation (the SDK calls every policy with freshly deserialised props). Idempotent."""
    servicer = _sdk._PolicyAnalyzerServicer  # noqa: SLF001 - the only place the SDK keeps the levels
    original = servicer.Configure
    if getattr(original, "permitguard_records_levels", False):
        return
    original_analyze = servicer.Analyze

    def analyze(self: Any, request: Any, context: Any) -> Any:
        _request.token = object()
        try:
            return original_analyze(self, request, context)
        finally:
            _request.token = None

    def configure(self: Any, request: Any, context: Any) -> Any:
        _configured.clear()
        _configured.update({name: cfg.enforcementLevel for name, cfg in request.policyConfig.items()})
        _settings.clear()
        for name, cfg in request.policyConfig.items():
            props = MessageToDict(cfg.properties) if cfg.HasField("properties") else {}
            chosen = licence_settings(props)
            if chosen:
                _settings[name] = chosen
        return original(self, request, context)

    configure.permitguard_records_levels = True  # type: ignore[attr-defined]
    servicer.Configure = configure
    servicer.Analyze = analyze


def blocks(policy: str, default: str) -> bool:
    """True when the policy's violations are mandatory: as configured, else its default level."""
    if policy in _configured:
        return _configured[policy] in _BLOCKING
    return default in ("mandatory", "remediate")


def request_token() -> object | None:
    """The Analyze request this thread is serving (None outside one)."""
    return getattr(_request, "token", None)


def profile_settings() -> dict[str, dict[str, Any]]:
    """Policy name -> its `license`/`profile` settings, for the policies that set one."""
    return dict(_settings)
