"""Secrets stay secret in the pack: a policy never judges, and so never shows, a secret value.

The engine sends secret inputs wrapped in a signature object (KeepSecrets), but pulumi-policy's Analyze
unwraps them before a policy runs: a policy could not tell a secret from plain text. `install()` makes
pulumi-policy hand policies the blinded marker "[secret]" instead, as Pulumi's own displays do (and as
`pulumi preview --json` writes secret config); the adapter turns the marker into an Unknown, which
fails closed like a value known only after apply. `permitguard scan` reads secrets the same way, so
both doors give the same verdict. Remediation (which must keep secrets) is left untouched.

The same hook reads every other signature object as `wire.unwrap` does (pulumi-policy knows only
secrets, assets and archives, and raises on the rest), and a Struct holding NaN or an infinity is read
with a marker for the number: what the engine sends always reaches a policy, never a gRPC error.
(Plan values marked sensitive are another matter: they are present, judged, and masked in every
output; see permitguard.model.Sensitive.)
"""
from __future__ import annotations

import math
from typing import Any

import pulumi_policy.policy as _sdk
from google.protobuf import json_format, struct_pb2

from permitguard.pulumi import shared_reads
from permitguard.pulumi.wire import SIG_KEY, unwrap

NOT_FINITE = "[not a number]"  # a wire.OPAQUE marker: the adapter reads it as Unknown


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


class _JsonFormat:
    """pulumi-policy's `json_format`, except that a Struct holding NaN or an infinity (protobuf carries
    them, JSON cannot) is read with the number as the NOT_FINITE marker instead of raising: the pack would
    otherwise answer the engine with a gRPC error instead of a verdict."""

    def __getattr__(self, name: str) -> Any:
        return getattr(json_format, name)

    @staticmethod
    def MessageToDict(message: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - protobuf's name
        if args or kwargs:
            return _to_dict(message, *args, **kwargs)
        return shared_reads.once("dict", message, lambda: _to_dict(message))


def _to_dict(message: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return json_format.MessageToDict(message, *args, **kwargs)
    except ValueError:
        if not isinstance(message, struct_pb2.Struct):
            raise
        return _struct(message)


def _struct(message: struct_pb2.Struct) -> dict[str, Any]:
    return {key: _value(value) for key, value in message.fields.items()}


def _value(value: struct_pb2.Value) -> Any:
    kind = value.WhichOneof("kind")
    if kind == "number_value":
        return value.number_value if math.isfinite(value.number_value) else NOT_FINITE
    if kind == "struct_value":
        return _struct(value.struct_value)
    if kind == "list_value":
        return [_value(v) for v in value.list_value.values]
    return None if kind in (None, "null_value") else getattr(value, kind)


def install() -> None:
    """Blind secrets in what pulumi-policy deserialises for Analyze and AnalyzeStack, and read Structs
        holding numbers JSON cannot (idempotent). Within one Analyze request, each conversion is made once
    for all policies (permitguard.pulumi.shared_reads)."""
    if not isinstance(_sdk.json_format, _JsonFormat):
        _sdk.json_format = _JsonFormat()  # type: ignore[assignment]
    original = _sdk.deserialize_properties
    if getattr(original, "permitguard_blinds_secrets", False):
        return

    def deserialize_properties(props: dict, proxy_secrets: bool = False) -> Any:
        if proxy_secrets:
            return original(props, proxy_secrets)
        return shared_reads.once("deserialized", props, lambda: original(blinded(props), proxy_secrets))

    deserialize_properties.permitguard_blinds_secrets = True  # type: ignore[attr-defined]
    _sdk.deserialize_properties = deserialize_properties
