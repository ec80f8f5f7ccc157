"""Pulumi's property wire format → the plain values rules read (one translation for pack and CLI).

Pulumi sends resource properties with camelCase names, numbers as floats, values known only after
apply as sentinel strings and secrets, output values, resource references, assets and archives as
signature objects. `attributes(props, keep)` returns Terraform snake_case names, integral floats as ints,
`Unknown(...)` for sentinels and for secrets (a policy never shows a secret, so it cannot vouch for one:
secrets fail closed like unknowns). A signature object is what `unwrap` says it stands for: an output
value its plain value when it holds one and is not secret (else secret or unknown), a resource reference
the referenced id when known, and an asset, an archive or a signature this module does not know an
Unknown that says so: never a plain string that could pass. Maps named in `keep`
(tags) keep their keys. tfbridge pluralises list blocks (`security_rule` → `securityRules`): such a
list of objects is also given under its singular names, so rules find the Terraform name.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from permitguard.model import Unknown

# Sentinels of values unknown during preview (pulumi sdk/go/common/resource/plugin/rpc.go, same as
# pulumi_policy.proxy): the engine sends the string one; `pulumi preview --json` writes it too.
UNKNOWN_SENTINELS = frozenset({
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
})
SIG_KEY = "4dabf18193072939515e22adb298388d"  # sdk/go/common/resource/properties.go
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4"
ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17"
ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7"
BLINDED = "[secret]"  # how Pulumi blinds a secret in displays and `preview --json` config
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # the engine's unknown sentinel

UNKNOWN_WHY = "unknown during preview"
SECRET_WHY = "a secret (its value is never shown, so it cannot be judged)"
# Markers of values that hold nothing a rule can judge (`unwrap`), with the reason the Unknown gives.
OPAQUE = {
    "[asset]": "an asset (file contents, not a value that can be judged)",
    "[archive]": "an archive (file contents, not a value that can be judged)",
    "[resource reference]": "a reference to another resource whose id is not known during preview",
    "[unrecognised value]": "a value of a kind permitguard does not read (an unknown Pulumi signature)",
    "[not a number]": "a number that is not finite (NaN or an infinity)",
}
_OPAQUE_SIGS = {ASSET_SIG: "[asset]", ARCHIVE_SIG: "[archive]"}

_CAMEL = re.compile(r"^[a-z][A-Za-z0-9]*$")
_HUMP = re.compile(r"(?<=[A-Za-z0-9])([A-Z])")  # every capital starts a word: `regionAId` → `region_a_id`


@functools.lru_cache(maxsize=4096)
def snake(name: str) -> str:
    """`availabilityZone` → `availability_zone`; keys that are not camelCase identifiers stay."""
    return _HUMP.sub(r"_\1", name).lower() if _CAMEL.match(name) else name


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def scalar(value: Any) -> Any:
    """One wire value without renaming: sentinels, secrets and opaque values become Unknown, floats ints
    when whole, signature objects what they stand for (`unwrap`)."""
    while isinstance(value, Mapping) and SIG_KEY in value:
        value = unwrap(value)
    if isinstance(value, str):
        if value in UNKNOWN_SENTINELS:
            return Unknown(UNKNOWN_WHY)
        if value in OPAQUE:
            return Unknown(OPAQUE[value])
        return Unknown(SECRET_WHY) if value == BLINDED else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def unwrap(value: Mapping) -> Any:
    """The wire value a signature object stands for: the blinded secret, the unknown sentinel, an
    output value's plain value, a referenced id, or an `OPAQUE` marker. The pack blinds what it is
    sent with this too (permitguard.pulumi.secrets), so both doors read signatures alike."""
    sig = value.get(SIG_KEY)
    if sig == SECRET_SIG:
        return BLINDED
    if sig == OUTPUT_VALUE_SIG:
        if value.get("secret") not in (None, False):
            return BLINDED
        return value["value"] if "value" in value else UNKNOWN
    if sig == RESOURCE_REF_SIG:
        ref = value.get("id")
        return ref if isinstance(ref, str) and ref else "[resource reference]"
    return _OPAQUE_SIGS.get(sig, "[unrecognised value]") if isinstance(sig, str) else "[unrecognised value]"


def plain(value: Any, rename: bool = True) -> Any:
    """A wire value, recursively: see the module docstring. `rename=False` keeps map keys as they are."""
    value = scalar(value)
    if isinstance(value, Mapping):
        return _object(value) if rename else {k: plain(v, False) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [plain(v, rename) for v in value]
    return value


def _object(value: Mapping) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = snake(key)
        out[name] = converted = plain(item)
        if _is_block_list(converted):
            for alias in singulars(name):
                out.setdefault(alias, converted)
    return out


def _is_block_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def singulars(name: str) -> tuple[str, ...]:
    """Terraform names a tfbridge plural may stand for: rules → rule, ingresses → ingress."""
    if name.endswith("ies"):
        return (name[:-3] + "y",)
    if name.endswith(("sses", "xes", "ches")):
        return (name[:-2],)
    if name.endswith("s") and not name.endswith("ss"):
        return (name[:-1],)
    return ()


def attributes(props: Mapping[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Resource properties as rule attributes; maps whose snake name is in `keep` keep their keys."""
    out = _object({k: v for k, v in props.items() if snake(k) not in keep})
    for key, value in props.items():
        if snake(key) in keep:
            out[snake(key)] = plain(value, rename=False)
    return out


def urn_type(urn: str) -> str | None:
    """The type token a URN names (`urn:pulumi:stack::project::parent$type::name` → `type`), else None."""
    parts = urn.split("::")
    return parts[2].split("$")[-1] or None if len(parts) >= 4 else None
