"""The Kubernetes RBAC catalog (data/kubernetes_rbac.yaml, schema kubernetes_rbac.schema.json): which objects
and resource types grant rights in a cluster, which roles are control roles, which subjects are everyone or
the cluster's own (CKV_CNLIC_203). Loaded once; the Context carries it to the rule."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from permitguard import datafiles
from permitguard.model import Resource

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


def field(node: Any, name: str) -> Any:
    """A field by its Kubernetes name whatever the front door wrote (roleRef, role_ref; apiGroup, api_group);
    a Terraform block (a list of one) as its block."""
    if not isinstance(node, Mapping):
        return None
    want = name.replace("_", "").casefold()
    value = next((v for k, v in node.items() if str(k).replace("_", "").casefold() == want), None)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], Mapping):
        return value[0]
    return value


DECLARED_ROLE = "declared_role"  # a binding's attribute: the role its roleRef names, from the same input
_ROLE_TYPES = {"kubernetes_cluster_role": "ClusterRole", "kubernetes_cluster_role_v1": "ClusterRole",
               "kubernetes_role": "Role", "kubernetes_role_v1": "Role"}
_BINDING_TYPES = ("kubernetes_cluster_role_binding", "kubernetes_cluster_role_binding_v1",
                  "kubernetes_role_binding", "kubernetes_role_binding_v1")


def _object_kind(r: Resource) -> str:
    """ClusterRole / Role / ClusterRoleBinding / RoleBinding / "" for a manifest object, Pulumi-token-typed
    resource or Terraform kubernetes resource."""
    if r.type in _ROLE_TYPES:
        return _ROLE_TYPES[r.type]
    if r.type in _BINDING_TYPES:
        return "ClusterRoleBinding" if "cluster" in r.type else "RoleBinding"
    return r.type.rsplit(":", 1)[-1] if r.type.startswith("kubernetes:rbac.authorization.k8s.io/") else ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def attach_declared_roles(resources: list[Resource]) -> list[Resource]:
    """The resources, each (Cluster)RoleBinding whose roleRef names a ClusterRole, or a Role of its namespace,
    declared among them carrying that role's attributes as `declared_role` (CKV_CNLIC_203 reads its rules):
    what one input declares together is judged together. A role named twice is ambiguous: not attached."""
    roles: dict[tuple[str, str, str], Any] = {}
    for r in resources:
        kind = _object_kind(r)
        if kind in ("ClusterRole", "Role"):
            meta = field(r.attributes, "metadata")
            key = (kind, "" if kind == "ClusterRole" else _text(field(meta, "namespace")) or "default",
                   _text(field(meta, "name")))
            roles[key] = None if key in roles else r.attributes
    by_address = {r.address: r.attributes for r in resources if r.type in _ROLE_TYPES}
    out = []
    for r in resources:
        if _object_kind(r) in ("ClusterRoleBinding", "RoleBinding"):
            ref, meta = field(r.attributes, "roleRef"), field(r.attributes, "metadata")
            kind, name = _text(field(ref, "kind")), field(ref, "name")
            key = (kind, "" if kind == "ClusterRole" else _text(field(meta, "namespace")) or "default",
                   _text(name))
            role = roles.get(key) or _referenced(name, r.address, by_address)
            if role is not None:
                r = dataclasses.replace(r, attributes={**r.attributes, DECLARED_ROLE: role})
        out.append(r)
    return out


_ROLE_REFERENCE = re.compile(r"\b(kubernetes_(?:cluster_)?role(?:_v1)?)\.([A-Za-z0-9_-]+)\.metadata\b")


def _referenced(name: Any, binding: str, roles: Mapping[str, Any]) -> Any:
    """The Terraform role a roleRef name refers to (`kubernetes_cluster_role_v1.x.metadata[0].name`, known
    only after apply: the evaluator's Unknown says which reference), declared in the binding's module."""
    m = _ROLE_REFERENCE.search(getattr(name, "why", "") or "")
    if m is None:
        return None
    module = binding[: binding.rfind(binding.split(".")[-2])] if binding.count(".") > 1 else ""
    return roles.get(f"{module}{m.group(1)}.{m.group(2)}")


@functools.lru_cache(maxsize=1)
def _load_default() -> RbacCatalog:
    return RbacCatalog(datafiles.load_data("kubernetes_rbac.yaml", "kubernetes_rbac.schema.json"))
