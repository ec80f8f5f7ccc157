"""The other resources of the configuration a resource belongs to (its root module, plan or preview), for
rules that judge a resource together with the resources that configure it from outside — CKV_CNLIC_602 joins a
bucket with its split ACL, policy, public-access-block and encryption resources. The front doors that read a
whole configuration (the CLI, Checkov) hand them to the engine; the Pulumi pack judges one resource per
Analyze call and has none (`None`: not known, never "there are none")."""

from __future__ import annotations

from collections.abc import Iterable

from permitguard.model import Action, Resource
from permitguard.resources import ResourceTypeCatalog


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
        """The resources of `tf_type` in the configuration `root` that remain after the change (deleted and
        read-only ones configure nothing)."""
        if self._index is None:
            self._index = {}
            for r in self._resources:
                if r.action not in (Action.DELETE, Action.READ):
                    self._index.setdefault((r.root, self._type(r)), []).append(r)
        return list(self._index.get((root, tf_type), ()))
