"""The other resources of the configuration a resource belongs to: what a rule reads when a duty lives on a
related resource (a DNS record's filing tag on its zone, a flow log's retention on the store it writes to).

A configuration is one Terraform root (its evaluation), one plan or one state: resources of the same
`root` join. A resource is found by what refers to it: an attribute value equal to one of its attributes
(a store's name, a zone's domain), or a reference the value was written as and that could not be resolved
statically (`aws_cloudwatch_log_group.flow.arn`, known only after apply), which the evaluator keeps in the
Unknown's reason. A Pulumi resource policy sees one resource at a time, so no front door joins Pulumi
resources (the pack and the CLI judge a preview alike); rules then say the relation could not be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from permitguard.model import Resource, Unknown

JOINED_KINDS = ("terraform", "terraform_plan", "terraform_state")  # inputs whose resources join (not Pulumi)
_REFERENCE = re.compile(  # `module.a.type.name[key].attr` as an unresolved value was written
    r"`((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)([a-z][a-z0-9]*_[\w]+)\.([\w-]+)(?:\[[^\]]*\])?\."
)


class Peers:
    def __init__(self, resources: Iterable[Resource]) -> None:
        self._by: dict[tuple[str | None, str], list[Resource]] = {}
        for r in resources:
            self._by.setdefault((r.root, r.type), []).append(r)

    def of_type(self, resource: Resource, types: Sequence[str]) -> list[Resource]:
        """The resources of `types` in the configuration `resource` belongs to (itself excluded)."""
        own = (resource.root, resource.address)
        return [p for t in types for p in self._by.get((resource.root, t), []) if (p.root, p.address) != own]

    def referenced(
        self, resource: Resource, value: Any, types: Sequence[str], keys: Sequence[str]
    ) -> list[Resource]:
        """The resources of `types` that `value` (an attribute of `resource`) names: by equality with one of
        their attributes `keys`, or by the reference an unresolved value was written as."""
        candidates = self.of_type(resource, types)
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
