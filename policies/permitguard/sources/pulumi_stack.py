"""`pulumi stack export` → Resources as deployed: every resource of the checkpoint judged as it exists.

A stack export is `{"version": 3, "deployment": {"manifest", "secrets_providers", "resources": [...],
"pending_operations"}}`; each resource has `urn`, `type`, `custom`, `inputs`, `outputs`, `parent` and, for a
custom resource, `provider` (`<provider urn>::<provider id>`, the provider being a resource of the same
export: default providers `default_<version>` are exported like explicit ones). Addresses are URNs.

Properties are the recorded outputs over the inputs, translated by the adapter the policy pack uses
(permitguard.pulumi.adapter), so both doors read Pulumi properties one way. Secrets are signature
objects: exported with `--show-secrets` they hold `plaintext` (the JSON text of the value), which is judged
and never shown (Sensitive); encrypted (`ciphertext`) they are Unknown and fail closed, as in a preview.
Resources are judged as deployed (`Action.NOOP`); one read with `get` (`external: true`) is read, not
judged; one awaiting deletion (`delete: true`, the old copy of a replacement) still exists: judged as
`<urn> (pending delete)`. Pending operations (an update interrupted) make the export's record of those
resources unreliable: each is a could-not-evaluate part, as is a resource of a shape Pulumi does not write.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource, Unknown, sensitive, sensitive_texts
from permitguard.pulumi import adapter, wire
from permitguard.pulumi import providers as pv
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources import SourceResult
from permitguard.sources.deployed import PULUMI_STACK
from permitguard.sources.documents import Documents
from permitguard.sources.terraform_plan import PART

KIND = PULUMI_STACK
VERSIONS = (3,)  # the deployment format `pulumi stack export` writes (apitype.DeploymentSchemaVersionCurrent)


def looks_like_stack_export(doc: Any) -> bool:
    """`{"version": …, "deployment": {…}}`: neither a preview (`steps`) nor a Terraform document."""
    return isinstance(doc, Mapping) and "deployment" in doc and "version" in doc and "steps" not in doc


def read_stack_export(path: str | Path, documents: Documents | None = None, *, types: ResourceTypeCatalog,
                      ) -> SourceResult:
    """Raises InputError (one line) for a file unreadable, truncated or not a `pulumi stack export`."""
    path = Path(path)
    doc = (documents or Documents()).load(path, "Pulumi stack export")
    if not looks_like_stack_export(doc):
        raise InputError(f"{path}: not a `pulumi stack export` document (no `version` and `deployment`)")
    if doc["version"] not in VERSIONS or isinstance(doc["version"], bool):
        raise InputError(f"{path}: stack export version {doc['version']!r} is not one permitguard reads (3)")
    deployment = doc["deployment"]
    if not isinstance(deployment, Mapping):
        raise InputError(f"{path}: `deployment` is not an object")
    entries = deployment.get("resources") if deployment.get("resources") is not None else []
    pending = deployment.get("pending_operations") if deployment.get("pending_operations") is not None else []
    if not isinstance(entries, list) or not isinstance(pending, list):
        raise InputError(f"{path}: `deployment.resources` and `pending_operations` must be lists")
    readable: dict[str, Mapping[str, Any]] = {}  # URN → its entry, for provider references: the live copy
    for e in sorted((e for e in entries if _problem(e) is None), key=lambda e: e.get("delete") is True):
        readable.setdefault(e["urn"], e)
    resources: list[Resource] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = f"deployment.resources[{i}]"
        problem = _problem(entry)
        if problem is not None:
            resources.append(_part(where, problem, entry))
            continue
        try:
            found = _resource(entry, readable, types)
        except RecursionError:  # JSON nests deeper than Python's stack: named, never an internal error
            resources.append(_part(where, "property values nested too deeply to be read", entry))
            continue
        if found is None:
            continue
        label = f"{found.address} (pending delete)" if entry.get("delete") is True else found.address
        first = seen.setdefault(label, where)
        if first != where:
            resources.append(_part(where, f"{label} appears again (first at {first}); both copies are judged",
                                   entry))
            label = f"{label} ({where})"
        resources.append(replace(found, address=label) if label != found.address else found)
    for i, op in enumerate(pending):
        urn = op.get("resource", {}).get("urn") if isinstance(op, Mapping) and \
            isinstance(op.get("resource"), Mapping) else None
        kind = op.get("type") if isinstance(op, Mapping) else None
        resources.append(_part(f"deployment.pending_operations[{i}]",
                               f"a pending {kind!r} operation: an update was interrupted, so the export may "
                               "not record what exists (run `pulumi refresh`)", {"urn": urn}))
    return SourceResult(KIND, resources, files=1)


def _problem(entry: Any) -> str | None:
    if not isinstance(entry, Mapping):
        return "not an object"
    urn = entry.get("urn")
    if not isinstance(urn, str) or not urn.startswith("urn:pulumi:") or len(urn.split("::")) < 4:
        return f"`urn` {urn!r} is not a Pulumi URN"
    if not isinstance(entry.get("type"), str) or not entry["type"]:
        return "no `type`"
    for key in ("inputs", "outputs"):
        if entry.get(key) is not None and not isinstance(entry[key], Mapping):
            return f"`{key}` is not an object"
    for key in ("provider", "parent", "id"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return f"`{key}` is not a string"
    for key in ("custom", "delete", "external"):
        if entry.get(key) is not None and not isinstance(entry[key], bool):
            return f"`{key}` is not a boolean"
    return None


def _resource(entry: Mapping[str, Any], readable: Mapping[str, Any], types: ResourceTypeCatalog
              ) -> Resource | None:
    token, urn = entry["type"], entry["urn"]
    props = {**_revealed(entry.get("inputs") or {}), **_revealed(entry.get("outputs") or {})}
    if types.pulumi_provider_package(token) is not None or token.startswith(pv.PROVIDERS):
        props = _revealed(entry.get("inputs") or {})  # a provider's configuration is its inputs
    provider = _provider(entry, readable) if entry.get("custom") is not False else None
    action = Action.READ if entry.get("external") is True else Action.NOOP
    found = adapter.to_resource(token, urn, props, provider, types, action)
    if found is None:
        return None
    return replace(found, hidden=sensitive_texts(found.attributes, found.provider_region), deployed=True)


def _provider(entry: Mapping[str, Any], readable: Mapping[str, Any]) -> pv.ProviderInfo | None:
    """The provider resource the entry names (`<urn>::<id>`), from the same export; one the export does
    not hold gives no region (Unknown)."""
    ref = entry.get("provider") or ""
    if not ref:
        return None
    urn = ref.rsplit("::", 1)[0]
    name = urn.rsplit("::", 1)[-1]
    held = readable.get(urn)
    if held is None:
        kind = wire.urn_type(urn) or ""
        return pv.ProviderInfo(kind if kind.startswith(pv.PROVIDERS) else pv.PROVIDERS, name, urn, {})
    return pv.ProviderInfo(held["type"], name, urn, _revealed(held.get("inputs") or {}))


def _revealed(value: Any) -> Any:
    """Exported properties with every `plaintext` secret (`--show-secrets`) as its Sensitive value; an
    encrypted one (`ciphertext`) stays the secret signature (the adapter makes it Unknown)."""
    if isinstance(value, Mapping):
        if value.get(wire.SIG_KEY) == wire.SECRET_SIG:
            text = value.get("plaintext")
            if not isinstance(text, str):
                return {wire.SIG_KEY: wire.SECRET_SIG}
            try:
                plain = json.loads(text, parse_constant=_no_constant)
            except (ValueError, RecursionError):
                return Unknown("a secret whose plaintext is not JSON")
            return sensitive(_whole(_revealed(plain)))
        return {k: _revealed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revealed(v) for v in value]
    return value


def _whole(value: Any) -> Any:
    """Whole floats as ints before marking (the adapter turns a whole float into a plain int)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {k: _whole(v) for k, v in value.items()}
    return [_whole(v) for v in value] if isinstance(value, list) else value


def _no_constant(literal: str) -> Any:
    raise ValueError(literal)


def _part(where: str, why: str, entry: Any) -> Resource:
    urn = entry.get("urn") if isinstance(entry, Mapping) else None
    label = f"{where} ({urn})" if isinstance(urn, str) and urn else where
    return Resource(address=label, type=PART, cloud="pulumi",
                    attributes={"source": "stack export", "why": why, "reason": "unparsed"},
                    source_kind="terraform")
