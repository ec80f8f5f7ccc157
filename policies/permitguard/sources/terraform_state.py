"""Terraform state → Resources as deployed: `terraform show -json` of a state (`values.root_module`, each
resource's `sensitive_values` mask) and a raw `terraform.tfstate` of format version 4 (`resources[]` with
`module`, `mode`, `type`, `name`, `provider`, `each`, and `instances[]` with `index_key`, `status`,
`deposed`, `attributes`, `sensitive_attributes` paths). Nothing read is dropped.

Every managed resource instance is judged as it exists (`Action.NOOP`: a state has no change, the scan
date is its only date), addressed as Terraform addresses it (`module.net[0].aws_subnet.a["x"]`), on its
recorded attributes, sensitive ones Sensitive (judged, never shown). A tainted instance exists until the
next apply replaces it: judged. A deposed object (the old copy of a create-before-destroy replacement
Terraform has not destroyed yet) exists too: judged as `<address> (deposed <key>)`. Data sources are read,
not deployed: left out, as a plan's are. A state records the provider *configuration address* a resource
was made with (`provider["registry.terraform.io/aliyun/alicloud"].hk`), never that configuration's region:
a resource is located by its own attributes (zone, region), else its location is unknown and
CKV_CNLIC_103 fails closed.

An entry of a shape Terraform does not write (or would refuse to read) is a could-not-evaluate part
(`terraform_plan_entry`, failed by CKV_CNLIC_100); a document that is not a state is unusable input (one
line, exit 2).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from permitguard.errors import InputError
from permitguard.model import Action, Resource, TrailStep, Unknown, sensitive_texts
from permitguard.sources import SourceResult
from permitguard.sources import plan_values as pv
from permitguard.sources.deployed import TERRAFORM_STATE
from permitguard.sources.documents import Documents
from permitguard.sources.plan_providers import cloud_of
from permitguard.sources.terraform_plan import PART, module_resources

KIND = TERRAFORM_STATE
MODES = ("managed", "data")
_KEY = r'\[(?:[0-9]+|"(?:[^"\\]|\\.)*")\]'
_CALL = rf"module\.[A-Za-z_][A-Za-z0-9_-]*(?:{_KEY})?"
MODULE = re.compile(rf"^{_CALL}(?:\.{_CALL})*$")
# provider["registry.terraform.io/aliyun/alicloud"].hk, module.net.provider["…"], legacy provider.aws.hk
PROVIDER = re.compile(r'^(?:module\.[A-Za-z_][A-Za-z0-9_-]*\.)*provider'
                      r'(?:\["(?P<source>[^"]+)"\]|\.(?P<legacy>[A-Za-z0-9_-]+))(?:\.[A-Za-z_][A-Za-z0-9_-]*)?$')
DEPOSED_KEY_LENGTH = 8  # states.DeposedKey: Terraform refuses a state with any other


def looks_like_state(doc: Any) -> bool:
    """`terraform show -json` of a state (`format_version` and `values`, none of a plan's sections) or a
    raw state file (`version` with `resources`, `lineage` or `serial`). A plan holds a state in
    `prior_state` but is a plan: sniff plans by `resource_changes`/`planned_values` first or after this."""
    if not isinstance(doc, Mapping) or "resource_changes" in doc or "planned_values" in doc:
        return False
    if "format_version" in doc and "values" in doc:
        return True
    return "version" in doc and any(key in doc for key in ("resources", "lineage", "serial"))


def read_state(path: str | Path, documents: Documents | None = None) -> SourceResult:
    """Raises InputError (one line) for a missing, unreadable, truncated or non-state file."""
    path = Path(path)
    doc = (documents or Documents()).load(path, "Terraform state")
    if not looks_like_state(doc):
        raise InputError(f"{path}: not a Terraform state (expected `terraform show -json` of a state, or a "
                         "terraform.tfstate of format version 4)")
    shown = "format_version" in doc and "values" in doc
    reader = _Reader()
    for where, entry in (_shown_entries(doc, path) if shown else _raw_entries(doc, path)):
        try:
            reader.entry(where, entry)
        except RecursionError:  # JSON nests deeper than Python's stack: named, never an internal error
            reader.part(where, "values nested too deeply to be read", entry.get("address"))
    return SourceResult(kind=KIND, resources=reader.resources, files=1)


# ---- the two shapes, as one kind of entry: {"address", "mode", "type", "provider_name", "provider",
# "values", "sensitive" (a mask), "deposed", "tainted"}, or {"problem", "address"} ----

def _shown_entries(doc: Mapping[str, Any], path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    if not str(doc["format_version"]).startswith(("0.", "1.")):
        raise InputError(f"{path}: state format_version {doc['format_version']!r} is not one permitguard "
                         "reads (0.x, 1.x)")
    values = doc["values"]  # Terraform writes no `values` for an empty state, and `root_module` always
    if not isinstance(values, Mapping):
        raise InputError(f"{path}: not a Terraform state: `values` is not an object")
    if not isinstance(values.get("root_module"), Mapping):
        raise InputError(f"{path}: not a Terraform state: `values` has no `root_module` object")
    for at, _, entry, bad_module in module_resources(values["root_module"], "values.root_module"):
        if bad_module:
            yield at, {"problem": "a module that is not an object with lists of resources and child_modules"}
        else:
            yield at, _shown_entry(entry)


def _shown_entry(entry: Any) -> dict[str, Any]:
    if not isinstance(entry, Mapping):
        return {"problem": f"not an object ({_kind(entry)})"}
    found = {"address": entry.get("address"), "mode": entry.get("mode"), "type": entry.get("type"),
             "provider_name": entry.get("provider_name"), "provider": None, "values": entry.get("values"),
             "sensitive": entry.get("sensitive_values"), "deposed": entry.get("deposed_key"),
             "tainted": entry.get("tainted")}
    if entry.get("provider_name") is not None and not isinstance(entry["provider_name"], str):
        found["problem"] = f"`provider_name` is {_kind(entry['provider_name'])}, not a string"
    elif not isinstance(entry.get("sensitive_values"), pv.MASK_TYPES):
        found["problem"] = f"`sensitive_values` is {_kind(entry['sensitive_values'])}"
    elif entry.get("tainted") not in (None, True, False):
        found["problem"] = f"`tainted` is {_kind(entry['tainted'])}, not a boolean"
    return found


def _raw_entries(doc: Mapping[str, Any], path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    version = doc.get("version")
    if version != 4 or isinstance(version, bool):
        raise InputError(f"{path}: state format version {version!r} is not one permitguard reads (4, written "
                         "by Terraform 0.12 and later): run `terraform show -json` on it")
    resources = doc.get("resources")
    if resources is None:
        return
    if not isinstance(resources, list):
        raise InputError(f"{path}: not a Terraform state: `resources` is not a list")
    for i, resource in enumerate(resources):
        where = f"resources[{i}]"
        base = _raw_address(resource)
        problem = _resource_problem(resource)
        if problem is not None:
            yield where, {"problem": problem, "address": base}
            continue
        match = PROVIDER.match(resource["provider"])
        name = (match["source"] or match["legacy"]) if match else None
        for j, instance in enumerate(resource["instances"]):
            problem, key = _instance_problem(instance, resource.get("each"))
            address = base if problem is not None else f"{base}{_index(key)}"
            if problem is not None:
                yield f"{where}.instances[{j}]", {"problem": problem, "address": address}
                continue
            yield f"{where}.instances[{j}]", {
                "address": address, "mode": resource["mode"], "type": resource["type"], "provider_name": name,
                "provider": resource["provider"], "values": instance["attributes"],
                "sensitive": _mask(instance.get("sensitive_attributes") or []),
                "deposed": instance.get("deposed") or None, "tainted": instance.get("status") == "tainted"}


def _raw_address(resource: Any) -> str | None:
    """`module.a[0].data.aws_region.r`: the resource's address without an instance key, if it has one."""
    if not isinstance(resource, Mapping):
        return None
    module, kind, name = resource.get("module") or "", resource.get("type"), resource.get("name")
    if not (isinstance(kind, str) and isinstance(name, str) and isinstance(module, str)):
        return None
    return f"{module + '.' if module else ''}{'data.' if resource.get('mode') == 'data' else ''}{kind}.{name}"


def _resource_problem(resource: Any) -> str | None:
    if not isinstance(resource, Mapping):
        return f"not an object ({_kind(resource)})"
    if resource.get("mode") not in MODES:
        return f"mode {resource.get('mode')!r} is not one Terraform writes (managed, data)"
    for key in ("type", "name", "provider"):
        if not isinstance(resource.get(key), str) or not resource[key]:
            return f"no `{key}`"
    module = resource.get("module")
    if module not in (None, "") and not (isinstance(module, str) and MODULE.match(module)):
        return f"`module` {module!r} is not a module address"
    if not PROVIDER.match(resource["provider"]):
        return f"`provider` {resource['provider']!r} is not a provider configuration address"
    if resource.get("each") not in (None, "list", "map"):
        return f"`each` {resource.get('each')!r} is not one Terraform writes (list, map)"
    if not isinstance(resource.get("instances"), list):
        return "`instances` is not a list"
    return None


def _instance_problem(instance: Any, each: Any) -> tuple[str | None, Any]:
    """(why the instance cannot be read, else None; its index key)."""
    if not isinstance(instance, Mapping):
        return f"an instance that is not an object ({_kind(instance)})", None
    key = instance.get("index_key")
    if isinstance(key, float) and key.is_integer():  # Terraform reads a whole JSON number as an int key
        key = int(key)
    expected = {None: type(None), "list": int, "map": str}[each]
    if isinstance(key, bool) or not isinstance(key, expected):
        return f"`index_key` {key!r} does not fit `each` {each!r}", None
    if "attributes" not in instance and "attributes_flat" in instance:
        return "legacy flat attributes (`attributes_flat`): upgrade the state (`terraform apply " \
               "-refresh-only`) or scan `terraform show -json` of it", key
    if not isinstance(instance.get("attributes"), Mapping):
        return f"`attributes` is {_kind(instance.get('attributes'))}, not an object", key
    paths = instance.get("sensitive_attributes") or []
    if not isinstance(paths, list):
        return "`sensitive_attributes` is not a list of paths", key
    for p in paths:
        if _path(p) is None:
            return f"`sensitive_attributes` holds {json.dumps(p)[:80]}, not a path Terraform writes", key
    for name in ("deposed", "status"):
        if instance.get(name) is not None and not isinstance(instance[name], str):
            return f"`{name}` is {_kind(instance[name])}, not a string", key
    if instance.get("status") not in (None, "", "tainted"):
        return f"`status` {instance['status']!r} is not one Terraform writes (tainted)", key
    if instance.get("deposed") and len(instance["deposed"]) != DEPOSED_KEY_LENGTH:
        return f"deposed key {instance['deposed']!r} is not one Terraform writes (8 characters)", key
    return None, key


def _index(key: Any) -> str:
    """`[0]`, `["a \\"b\\""]`: as Terraform writes instance keys (a string quoted, non-ASCII kept)."""
    if key is None:
        return ""
    return f"[{key}]" if isinstance(key, int) else f"[{json.dumps(key, ensure_ascii=False)}]"


def _path(steps: Any) -> list[str | int | None] | None:
    """A v4 `sensitive_attributes` path as attribute names and indices, else None (a shape Terraform does
    not write): [{"type": "get_attr", "value": "tags"}, {"type": "index", "value": {"value": "owner",
    "type": "string"}}] → ["tags", "owner"]. An index by a value of another type (a set element) ends
    the path with None: what it leads into is marked sensitive as a whole."""
    if not isinstance(steps, list):
        return None
    out: list[str | int | None] = []
    for step in steps:
        if not isinstance(step, Mapping):
            return None
        value = step.get("value")
        if step.get("type") == "get_attr" and isinstance(value, str):
            out.append(value)
        elif step.get("type") == "index" and isinstance(value, Mapping) and "type" in value:
            key = value.get("value")
            if value["type"] == "string" and isinstance(key, str):
                out.append(key)
            elif value["type"] == "number" and type(key) is int and key >= 0:
                out.append(key)
            else:
                out.append(None)
                return out
        else:
            return None
    return out


def _mask(paths: list[Any]) -> Any:
    """`sensitive_attributes` paths as the mask `plan_values.mark` takes (true at each path; a path that
    ends in a set element marks the set; an empty path the whole object)."""
    mask: Any = {}
    for p in paths:
        steps = _path(p) or []
        if steps and steps[-1] is None:
            steps = steps[:-1]
        if not steps:
            return True
        mask = _set(mask, steps)
    return mask


def _set(node: Any, steps: list[Any]) -> Any:
    """`node` with true at `steps` (a key of a map, a position of a list); an already true node stays."""
    step, rest = steps[0], steps[1:]
    if node is True:
        return True
    if isinstance(step, int):
        node = list(node) if isinstance(node, list) else []
        node.extend([None] * (step + 1 - len(node)))
        node[step] = True if not rest else _set(node[step] if node[step] is not None else {}, rest)
        return node
    node = dict(node) if isinstance(node, Mapping) else {}
    node[step] = True if not rest else _set(node.get(step) if node.get(step) is not None else {}, rest)
    return node


class _Reader:
    def __init__(self) -> None:
        self.resources: list[Resource] = []
        self.seen: dict[str, str] = {}  # address → the entry that first named it

    def entry(self, where: str, entry: Mapping[str, Any]) -> None:
        problem = entry.get("problem") or _identity_problem(entry)
        if problem:
            return self.part(where, problem, entry.get("address"))
        if entry["mode"] == "data":
            return None  # a data source is read, not deployed: nothing to judge
        address = entry["address"] + (f" (deposed {entry['deposed']})" if entry.get("deposed") else "")
        first = self.seen.setdefault(address, where)
        if first != where:  # Terraform refuses such a state; both copies are judged, the second named
            self.part(where, f"{address} appears again (first at {first}); both copies are judged", address)
            address = f"{address} ({where})"
        self.resources.append(self.resource(entry, address))
        return None

    def resource(self, entry: Mapping[str, Any], address: str) -> Resource:
        attributes = pv.mark(entry.get("values") or {}, entry.get("sensitive"))
        config = entry.get("provider") or f'provider["{entry.get("provider_name") or cloud_of(entry)}"]'
        region = Unknown("a Terraform state records which provider configuration made a resource, not "
                         "that configuration's region")
        return Resource(
            address=address, type=entry["type"], cloud=cloud_of(entry), attributes=attributes,
            provider_region=region, provider_region_from=f"{config} (Terraform state)", action=Action.NOOP,
            trail=(TrailStep("state_provider", f"{config}: the state records no provider region"),),
            source_kind="terraform", hidden=sensitive_texts(attributes), deployed=True,
        )

    def part(self, where: str, why: str, address: Any = None) -> None:
        label = f"{where} ({address})" if isinstance(address, str) and address else where
        self.resources.append(Resource(address=label, type=PART, cloud="terraform",
                                       attributes={"source": "state", "why": why, "reason": "unparsed"},
                                       source_kind="terraform"))


def _identity_problem(entry: Mapping[str, Any]) -> str | None:
    if entry.get("mode") not in MODES:
        return f"mode {entry.get('mode')!r} is not one Terraform writes (managed, data)"
    for key in ("address", "type"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            return f"no `{key}`"
    if entry.get("values") is not None and not isinstance(entry["values"], Mapping):
        return f"`values` is {_kind(entry['values'])}, not an object"
    if entry.get("deposed") is not None and not isinstance(entry["deposed"], str):
        return f"`deposed_key` is {_kind(entry['deposed'])}, not a string"
    return None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")
