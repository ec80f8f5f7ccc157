"""Secrets stay secret in the pack: a policy never judges, and so never shows, a secret value.

The engine sends secret inputs wrapped in a signature object (KeepSecrets), but pulumi-policy's Analyze
unwraps them before a policy runs: a policy could not tell a secret from plain text. `install()` makes
pulumi-policy hand policies the blinded marker "[secret]" instead, as Pulumi's own displays do (and as
`pulumi preview --json` writes secret config); the adapter turns the marker into an Unknown, which
fails closed like a value known only after apply. `permitguard scan` reads secrets the same way, so
both doors give the same verdict. Remediation (which must keep secrets) is left untouched.
"""
from __future__ import annotations

from typing import Any

import pulumi_policy.policy as _sdk

from permitguard.pulumi.wire import SIG_KEY, unwrap


def blinded(value: Any) -> Any:
    """A wire value (as json_format.MessageToDict gives it) with every secret replaced by "[secret]" and
    every other signature object by what it stands for (`wire.unwrap`: a plain value, the unknown
    sentinel or a marker the adapter reads as Unknown). pulumi-policy's own deserialiser knows secrets,
    assets and archives only: an output value or a resource reference would make it raise, and the
    pack answer the engine with a gRPC error instead of a verdict."""
    if isinstance(value, dict):
        while isinstance(value, dict) and SIG_KEY in value:
            value = unwrap(value)
        if not isinstance(value, dict):
            return blinded(value)
        return {k: blinded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [blinded(v) for v in value]
    return value


def install() -> None:
    """Blind secrets in what pulumi-policy deserialises for Analyze and AnalyzeStack (idempotent)."""
    original = _sdk.deserialize_properties
    if getattr(original, "permitguard_blinds_secrets", False):
        return

    def deserialize_properties(props: dict, proxy_secrets: bool = False) -> Any:
        return original(props if proxy_secrets else blinded(props), proxy_secrets)

    deserialize_properties.permitguard_blinds_secrets = True  # type: ignore[attr-defined]
    _sdk.deserialize_properties = deserialize_properties
