"""Which licence profile the pack judges with, from Pulumi's own configuration.

Each policy of the pack accepts, through `--policy-pack-config`, a `license` (path to a profile file,
absolute or relative to the policy pack directory) or a `profile` (the profile inline, validated by the
same schema as a file). Without either: `$PERMITGUARD_LICENSE`, else the bundled permit profile.
A profile that cannot be used gives a ProfileProblem (one clear violation), never an exception.
One permit judges the whole stack: settings made on any policy apply to every policy of the pack, and
policies configured with different profiles are a ProfileProblem, never a silent mix of permits.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from permitguard import license, license_file
from permitguard.errors import PermitguardError
from permitguard.pulumi import run_state, wire
from permitguard.rule_catalog import RuleCatalog

if TYPE_CHECKING:  # imported by the first Analyze (`_load`): the pack starts without the engine's half
    from permitguard.context import Context

ENV = "PERMITGUARD_LICENSE"
INLINE = "--policy-pack-config profile"
BY_PATH = "--policy-pack-config license"

CONFIG_SCHEMA = {
    "license": {
        "type": "string",
        "description": "Licence profile file (YAML), absolute or relative to the "
        "policy pack directory. Default: $PERMITGUARD_LICENSE, "
        "else the bundled B1-20195402 profile.",
    },
    "profile": {
        "type": "object",
        "description": "The licence profile inline (same fields and schema as a "
        "profile file); takes precedence over `license`.",
    },
}
PROFILE_KEYS = tuple(CONFIG_SCHEMA)  # the licence settings a policy may carry


@dataclass(frozen=True)
class ProfileProblem:
    """Why no rule can run: the licence profile (or a catalog) is unusable."""

    message: str


def context(
    config: Mapping[str, Any] | None,
    environ: Mapping[str, str] | None = None,
    pack: Mapping[str, Mapping[str, Any]] | None = None,
) -> Context | ProfileProblem:
    """The Context for one policy's configuration, given every policy's licence settings (`pack`); built
    once per licence configuration (kept in `run_state`: the SDK gives a policy no run to keep it in)."""
    environ = os.environ if environ is None else environ
    config = effective(config or {}, pack or {})
    if isinstance(config, ProfileProblem):
        return config
    key = _key(config, environ)
    contexts = run_state.current().contexts
    if key not in contexts:
        contexts[key] = _load(key, environ)
    return contexts[key]


def licence_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The licence keys a policy's configuration sets (`license`, `profile`)."""
    return {k: settings[k] for k in PROFILE_KEYS if settings.get(k) is not None}


def effective(
    own: Mapping[str, Any], pack: Mapping[str, Mapping[str, Any]]
) -> Mapping[str, Any] | ProfileProblem:
    """This policy's settings with the pack-wide licence settings (the one profile set on any policy)."""
    if not pack and not licence_settings(own):
        return own  # the common case, on every Analyze: no licence configured anywhere
    candidates = {
        json.dumps(licence_settings(v), sort_keys=True, default=str): licence_settings(v)
        for v in [*pack.values(), own]
        if licence_settings(v)
    }
    if len(candidates) > 1:
        shown = sorted(str(c.get("license", "(inline profile)")) for c in candidates.values())
        return ProfileProblem(
            "permitguard cannot judge this stack: the policies of the pack are configured with "
            f"different licence profiles ({'; '.join(shown)}); one permit judges the whole "
            "stack: set the same `license` or `profile` on every policy (or on one)"
        )
    return {**own, **next(iter(candidates.values()))} if candidates else own


def _key(config: Mapping[str, Any], environ: Mapping[str, str]) -> tuple:
    as_of = environ.get("PERMITGUARD_AS_OF", "")
    if config.get("profile") is not None:
        inline = wire.plain(config["profile"], rename=False)
        return INLINE, json.dumps(inline, sort_keys=True, default=str), as_of
    if config.get("license") is not None:
        return BY_PATH, config["license"], as_of
    if environ.get(ENV):
        return "$" + ENV, environ[ENV], as_of
    return "bundled", _bundled(), as_of


@functools.cache
def _bundled() -> str:
    """The bundled profile's path, found once: it is looked up on every Analyze of every policy."""
    return str(license_file.bundled_path())


def _load(key: tuple, environ: Mapping[str, str]) -> Context | ProfileProblem:
    from permitguard.context import Context

    how, value, _ = key
    try:
        if not isinstance(value, str):
            raise PermitguardError(f"{how}: expected a path string, got {type(value).__name__}")
        profile = _inline(value) if how == INLINE else license_file.load_profile(Path(value).resolve(), how)
        ctx = Context.for_profile(profile, environ=environ)
        return dataclasses.replace(ctx, enforcement=_pulumi_decides(ctx.rules))
    except (PermitguardError, ValueError) as exc:
        return ProfileProblem(f"permitguard cannot judge this stack: {exc}")


def _pulumi_decides(rules: RuleCatalog) -> dict[str, str]:
    """In the pack, Pulumi's configuration decides which policies run: the engine skips none of them."""
    return {meta.id: "advisory" for meta in rules if meta.enforcement == "disabled"}


def _inline(text: str) -> license.LicenseProfile:
    data = json.loads(text)
    errors = license_file.validate_profile(data)
    if errors:
        listing = "\n".join(f"  - {e}" for e in errors)
        raise PermitguardError(f"licence profile ({INLINE}) is invalid:\n{listing}")
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as tmp:
        tmp.write(text)
    try:
        return license_file.load_profile(tmp.name, INLINE)
    finally:
        os.unlink(tmp.name)
