"""The other resources of the configuration a resource belongs to, for rules that judge a resource together
with resources that configure it from outside: a bucket with its split ACL, policy, public-access-block and
encryption resources (CKV_CNLIC_602), a DNS record with its zone's filing tag (501), a flow log with the
retention of the store it writes to (601), a SNAT entry against the VPN client pools (403).

A configuration is one Terraform root (its evaluation), one plan or one state (`JOINED_KINDS`): resources of
the same `root` join. A resource is found by its Terraform type (`of_type`, `others`) or by what refers to
it (`referenced`): an attribute value equal to one of its attributes (a store's name, a zone's domain), or
the reference an unresolved value was written as (`aws_cloudwatch_log_group.flow.arn`, known only after
apply), which the evaluator keeps in the Unknown's reason. Deleted and read-only resources configure
nothing. A Pulumi resource policy sees one resource at a time, so no front door joins Pulumi resources (the
pack and the CLI judge a preview alike): `Subject.peers` is then None — not known, never "there are none"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from permitguard.model import Action, Resource, Unknown
from permitguard.resources import ResourceTypeCatalog

JOINED_KINDS = ("terraform", "terraform_plan", "terraform_state")  # inputs whose resources join (not Pulumi)
_REFERENCE = re.compile(  # `module.a.type.name[key].attr` as an unresolved value was written
    r"`((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)([a-z][a-z0-9]*_[\w]+)\.([\w-]+)(?:\[[^\]]*\])?\."
)


class Peers:
    """`resources` is read once, when a rule first asks (a generator is fine: most rules never ask)."""

    def __init__(self, resources: Iterable[Resource], types: ResourceTypeCatalog) -> None:
        self._resources = resources
        self._types = types
        self._index: dict[tuple[str | None, str], list[Resource]] | None = None

    def _type(self, r: Resource) -> str:
        if r.source_kind == "pulumi":  # Pulumi tokens name the Terraform type through the catalog
            info = self._types.by_pulumi_token(r.type)
            return info.type if info else r.type
        return r.type

    def of_type(self, tf_type: str, root: str | None) -> list[Resource]:
        """The resources of `tf_type` in the configuration `root` that remain after the change."""
        if self._index is None:
            self._index = {}
            for r in self._resources:
                if r.action not in (Action.DELETE, Action.READ):
                    self._index.setdefault((r.root, self._type(r)), []).append(r)
        return list(self._index.get((root, tf_type), ()))

    def others(self, resource: Resource, types: Sequence[str]) -> list[Resource]:
        """The resources of `types` in the configuration `resource` belongs to (itself excluded)."""
        own = (resource.root, resource.address)
        return [p for t in types for p in self.of_type(t, resource.root) if (p.root, p.address) != own]

    def referenced(
        self, resource: Resource, value: Any, types: Sequence[str], keys: Sequence[str]
    ) -> list[Resource]:
        """The resources of `types` that `value` (an attribute of `resource`) names: by equality with one of
        their attributes `keys`, or by the reference an unresolved value was written as."""
        candidates = self.others(resource, types)
        if isinstance(value, Unknown):
            found = []
            for prefix, tf_type, name in _REFERENCE.findall(value.why):
                if tf_type not in types:
                    continue
                scope = _module_of(resource.address) if not prefix else prefix
                declared = f"{scope}{tf_type}.{name}"
                found += [p for p in candidates if _declared(p.address) == declared]
            return found
        if value is None or value == "":
            return []
        text = str(value)
        return [p for p in candidates
                if any(isinstance(p.attributes.get(k), str) and str(p.attributes[k]) == text for k in keys)]


def _module_of(address: str) -> str:
    """`module.a.module.b.` of an address inside modules, '' for a root resource."""
    parts = re.findall(r"module\.[\w-]+(?:\[[^\]]*\])?\.", address)
    return "".join(parts)


def _declared(address: str) -> str:
    """The address without its own instance key (`x.y["k"]` → `x.y`); module keys kept."""
    return re.sub(r"\[[^\]]*\]$", "", address)
