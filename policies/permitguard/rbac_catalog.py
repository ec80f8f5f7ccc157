"""The Kubernetes RBAC catalog (data/kubernetes_rbac.yaml, schema kubernetes_rbac.schema.json): which objects
and resource types grant rights in a cluster, which roles are control roles, which subjects are everyone or
the cluster's own (CKV_CNLIC_203). Loaded once; the Context carries it to the rule."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from permitguard import datafiles

BINDING, ROLE, MANIFEST, RELEASE, COMPONENT = "binding", "role", "manifest", "release", "component"
EKS_POLICY, EKS_ENTRY, ACK = "eks_access_policy", "eks_access_entry", "ack_permissions"


@dataclass(frozen=True)
class Shape:
    """What a resource type holds: one of the constants above, and for a manifest the attribute holding it."""

    shape: str
    attr: str | None = None


def _names(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


class RbacCatalog:
    def __init__(self, doc: dict) -> None:
        self.kinds: dict[str, str] = dict(doc["kinds"])
        self.tokens: dict[str, str] = dict(doc["pulumi_tokens"])
        self.terraform = {t: Shape(v["shape"], v.get("attr")) for t, v in doc["terraform_types"].items()}
        roles, subjects = doc["control_roles"], doc["subjects"]
        self.builtin = _names(roles["builtin"])
        self.not_control = _names(roles["not_control"])
        self.escalating_verbs = _names(roles["verbs"])
        self.write_verbs = _names(roles["write_verbs"])
        self.control_resources = _names(roles["resources"])
        self.eks_policies = _names(roles["eks_policies"])
        self.eks_groups = _names(roles["eks_groups"])
        self.ack_roles = _names(roles["ack_roles"])
        self.everyone = _names(subjects["everyone"])
        self.internal_groups = _names(subjects["internal_groups"])
        self.internal_prefixes = tuple(p.casefold() for p in subjects["internal_group_prefixes"])
        self.sa_user_prefix = subjects["service_account_user_prefix"].casefold()
        self.own_identity_types = {c: tuple(v) for c, v in doc["own_identity_types"].items()}
        self.not_offered: dict[str, str] = dict(doc["not_offered"])

    def shape(self, resource_type: str, source_kind: str) -> Shape | None:
        """What `resource_type` holds: a Terraform type, a Pulumi token (`kubernetes:<group>/<v>:<Kind>`) or
        a manifest object's type (the same token form); None for anything that grants no cluster rights."""
        if source_kind == "terraform" or ":" not in resource_type:
            return self.terraform.get(resource_type)
        if resource_type in self.tokens:
            return Shape(self.tokens[resource_type])
        package, _, kind = resource_type.rpartition(":")
        if not package.startswith("kubernetes:rbac.authorization.k8s.io/"):
            return None
        kind = kind.removesuffix("Patch")  # ClusterRoleBindingPatch: a server-side patch of the same object
        return Shape(self.kinds[kind]) if kind in self.kinds else None

    def kind_of(self, kind: str) -> str | None:
        """binding / role for a Kubernetes object kind, else None."""
        return self.kinds.get(kind)

    @classmethod
    def load(cls) -> RbacCatalog:
        return _load_default()


@functools.lru_cache(maxsize=1)
def _load_default() -> RbacCatalog:
    return RbacCatalog(datafiles.load_data("kubernetes_rbac.yaml", "kubernetes_rbac.schema.json"))
