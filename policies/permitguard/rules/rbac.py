"""SP-15(3), SP-16(5), SP-17(5): no control role of a Kubernetes cluster goes to anyone outside the
organisation.

A grant is a (Cluster)RoleBinding — a manifest object, a Pulumi Kubernetes resource, a Terraform
`kubernetes_*role_binding*`, `kubernetes_manifest` or `kubectl_manifest` — or a cloud's own grant of cluster
rights (an EKS access policy association or access entry, ACK permissions). The catalog
(data/kubernetes_rbac.yaml) says which roles are control roles and which subjects are everyone or the
cluster's own. Decisions:
- Control role: a built-in control role (cluster-admin, admin, edit), or a (Cluster)Role declared in the same
  input (the manifest reader resolves `roleRef` to it: `declared_role`) whose rules grant escalate, bind or
  impersonate, or a write verb on a control resource (`*`, secrets, roles, bindings, pods/exec …). `view` and
  the discovery roles are not. Any other name (a role declared elsewhere) could not be established, as could a
  declared role with an aggregationRule (its rules are collected in the cluster).
- Subjects: everyone (`system:authenticated`, `system:anonymous` …) fails whatever the role; a ServiceAccount
  (or `system:serviceaccount:` user) and the cluster's own groups (`system:masters`, nodes) are inside; a
  name with `@` is inside when its domain is one of the profile's `organization.identity_domains` or a
  subdomain of one; a name the profile lists in `organization.identity_principals` is inside; any other
  name could not be established (it shows no identity domain). A ServiceAccount of another namespace is still
  this cluster's own account: inside.
- Verdict: fail naming every outsider; else could-not-establish for the first unknown; else pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import OWN_ACCOUNT, Unknown
from permitguard.rbac_catalog import (
    ACK,
    BINDING,
    COMPONENT,
    DECLARED_ROLE,
    EKS_ENTRY,
    EKS_POLICY,
    MANIFEST,
    RELEASE,
    ROLE,
    RbacCatalog,
    Shape,
    field,
)
from permitguard.rules import principals as pr
from permitguard.rules.base import FAILED, NOT_APPLICABLE, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated

EVERYONE, INSIDE, OUTSIDE, UNKNOWN = "everyone", "inside", "outside", "unknown"


def _subjects(obj: Mapping) -> Any:
    found = field(obj, "subjects")
    if found is None:
        found = field(obj, "subject")  # Terraform: repeated `subject` blocks
    if isinstance(found, Mapping):
        return [found]
    return found


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# ------------------------------------------------------------------------------------------------ roles
def _role_control(obj: Mapping, rbac: RbacCatalog) -> tuple[str, Any]:
    """("control" | "not_control" | "unknown", what it rests on) for a binding's roleRef."""
    ref = field(obj, "roleRef")
    name = field(ref, "name") if isinstance(ref, Mapping) else ref
    declared = obj.get(DECLARED_ROLE)
    if isinstance(declared, Mapping):  # declared alongside (by name, or by a reference to its metadata)
        named = field(field(declared, "metadata"), "name")
        return _declared_control(str(named if isinstance(named, str) else name), declared, rbac)
    if isinstance(name, Unknown):
        return UNKNOWN, name
    if not name:
        return UNKNOWN, Unknown("roleRef names no role")
    word = str(name).casefold()
    if word in rbac.builtin:
        return "control", str(name)
    if word in rbac.not_control:
        return "not_control", str(name)
    return UNKNOWN, Unknown(f"the role {name} is not declared in this input and is no built-in role")


def _declared_control(name: str, role: Mapping, rbac: RbacCatalog) -> tuple[str, Any]:
    rules = field(role, "rules")
    if rules is None:
        rules = field(role, "rule")  # Terraform: repeated `rule` blocks
    if isinstance(rules, Unknown):
        return UNKNOWN, Unknown(f"the rules of the role {name} are known only after apply")
    if isinstance(rules, Mapping):
        rules = [rules]
    if rules is not None and not isinstance(rules, (list, tuple)):
        return UNKNOWN, Unknown(f"the rules of the role {name} are no list of rules")
    for rule in rules or []:
        if isinstance(rule, Unknown):
            return UNKNOWN, Unknown(f"a rule of the role {name} is known only after apply")
        if not isinstance(rule, Mapping):
            return UNKNOWN, Unknown(f"a rule of the role {name} is no map of verbs and resources")
        verbs = {_text(v).casefold() for v in _list(field(rule, "verbs"))}
        resources = {_text(r).casefold() for r in _list(field(rule, "resources"))}
        if verbs & rbac.escalating_verbs or (verbs & rbac.write_verbs and resources & rbac.control_resources):
            return "control", name
        if any(isinstance(v, Unknown) for key in ("verbs", "resources") for v in _list(field(rule, key))):
            return UNKNOWN, Unknown(f"a rule of the role {name} is known only after apply")
    aggregation = field(role, "aggregationRule")
    if isinstance(aggregation, Unknown) or aggregation:
        return UNKNOWN, Unknown(f"the role {name} aggregates other roles' rules, collected in the cluster")
    return "not_control", name


def _list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# ------------------------------------------------------------------------------------------------ subjects
def _domain_inside(name: str, domains: frozenset[str]) -> bool:
    domain = name.rsplit("@", 1)[1].strip().casefold().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in domains)


def subject_side(subject: Any, ctx: Context) -> tuple[str, Any]:
    """(everyone | inside | outside | unknown, the subject's name or the Unknown) for one subject."""
    if not isinstance(subject, Mapping):
        return UNKNOWN, Unknown("a subject that is no object")
    kind, name = field(subject, "kind"), field(subject, "name")
    for value in (kind, name):
        if isinstance(value, Unknown):
            return UNKNOWN, value
    rbac, text = ctx.rbac, _text(name).strip()
    word, kind_word = text.casefold(), _text(kind).casefold()
    if not text:
        return UNKNOWN, Unknown("a subject with no name")
    if word in rbac.everyone:
        return EVERYONE, text
    if kind_word == "serviceaccount" or word.startswith(rbac.sa_user_prefix):
        return INSIDE, text
    if kind_word == "group" and (word in rbac.internal_groups or word.startswith(rbac.internal_prefixes)):
        return INSIDE, text
    listed = ctx.profile.identity_principals.get("groups" if kind_word == "group" else "users", frozenset())
    if word in listed:
        return INSIDE, text
    if "@" in text:
        return (INSIDE if _domain_inside(text, ctx.profile.identity_domains) else OUTSIDE), text
    return UNKNOWN, text


def _judge_subjects(subjects: list, facts: dict, ctx: Context) -> Verdict:
    outsiders, everyone, inside = [], [], []
    unknown: Verdict | None = None
    for subject in subjects:
        side, what = subject_side(subject, ctx)
        if side == EVERYONE:
            everyone.append(what)
        elif side == OUTSIDE:
            outsiders.append(what)
        elif side == INSIDE:
            inside.append(what)
        elif unknown is None:
            unknown = (Verdict(FAILED, "subject_unresolved", {**facts, "why": what})
                       if isinstance(what, Unknown)
                       else Verdict(FAILED, "subject_unknown", {**facts, "principals": (what,)}))
    if everyone:
        return Verdict(FAILED, "everyone", {**facts, "principals": tuple(everyone + outsiders)})
    if outsiders:
        return Verdict(FAILED, "outside_subjects", {**facts, "principals": tuple(outsiders)})
    if unknown is not None:
        return unknown
    return Verdict(PASSED, "inside_subjects", {**facts, "principals": tuple(inside)})


# ------------------------------------------------------------------------------------------------ shapes
def judge_binding(obj: Mapping, facts: dict, ctx: Context) -> Verdict:
    """A (Cluster)RoleBinding, whichever front door wrote it."""
    subjects = _subjects(obj)
    control, what = _role_control(obj, ctx.rbac)
    role = what if isinstance(what, str) else field(field(obj, "roleRef"), "name")
    if isinstance(role, Unknown):
        return Verdict(FAILED, "role_unresolved", {**facts, "why": role})
    facts = {**facts, "role": _text(role)}  # every message names the role
    if isinstance(subjects, Unknown):
        return Verdict(FAILED, "subject_unresolved", {**facts, "why": subjects})
    if subjects is not None and not isinstance(subjects, (list, tuple)):
        return Verdict(FAILED, "subject_unresolved", {**facts, "why": Unknown(
            f"its subjects are no list of subjects ({type(subjects).__name__})")})
    if not subjects:
        return Verdict(PASSED, "no_subjects", facts)
    if control == "not_control":
        everyone = [n for side, n in (subject_side(x, ctx) for x in subjects) if side == EVERYONE]
        if everyone:  # a read-only role to everyone still opens the cluster's contents to anyone
            return Verdict(FAILED, "everyone", {**facts, "principals": tuple(everyone)})
        return Verdict(PASSED, "not_control_role", facts)
    verdict = _judge_subjects(list(subjects), facts, ctx)
    if control == UNKNOWN and verdict.status is PASSED:
        return Verdict(FAILED, "role_unknown", {**facts, "why": what})
    if control == UNKNOWN and verdict.reason == "outside_subjects":
        return Verdict(FAILED, "role_unknown_outside", {**verdict.facts, "why": what})
    return verdict


def _manifest(s: Subject, attr: str, facts: dict, ctx: Context) -> Verdict:
    from permitguard.sources.kubernetes_manifests import parse_object_text

    value = s.attributes.get(attr)
    if isinstance(value, Unknown):
        return Verdict(FAILED, "manifest_unresolved", {**facts, "attr": attr, "why": value})
    if isinstance(value, str):
        try:
            value = parse_object_text(value)
        except ValueError as exc:
            return Verdict(FAILED, "manifest_unresolved", {**facts, "attr": attr, "why": Unknown(str(exc))})
    if not isinstance(value, Mapping):
        return Verdict(FAILED, "manifest_unresolved",
                       {**facts, "attr": attr, "why": Unknown("not a Kubernetes object")})
    kind = value.get("kind")
    if isinstance(kind, Unknown):
        return Verdict(FAILED, "manifest_unresolved", {**facts, "attr": attr, "why": kind})
    what = ctx.rbac.kind_of(_text(kind))
    if what == BINDING:
        return judge_binding(value, facts, ctx)
    if what == ROLE:
        return Verdict(NOT_APPLICABLE, "role_itself", facts)
    return Verdict(NOT_APPLICABLE, "not_rbac", facts)


def _eks_policy(s: Subject, facts: dict, ctx: Context) -> Verdict:
    policy = s.attributes.get("policy_arn")
    if isinstance(policy, Unknown):
        return Verdict(FAILED, "policy_unresolved", {**facts, "why": policy})
    name = _text(policy).rsplit("/", 1)[-1]
    facts = {**facts, "role": name}
    if name.casefold() not in ctx.rbac.eks_policies:
        return Verdict(PASSED, "not_control_role", facts)
    return _cloud_principal(s.attributes.get("principal_arn"), s, facts, ctx)


def _eks_entry(s: Subject, facts: dict, ctx: Context) -> Verdict:
    groups = s.attributes.get("kubernetes_groups")
    if isinstance(groups, Unknown):
        return Verdict(FAILED, "policy_unresolved", {**facts, "why": groups})
    found = [g for g in _list(groups) if isinstance(g, Unknown) or _text(g).casefold() in ctx.rbac.eks_groups]
    if not found:
        return Verdict(PASSED, "no_control_group", facts)
    if isinstance(found[0], Unknown):
        return Verdict(FAILED, "policy_unresolved", {**facts, "why": found[0]})
    return _cloud_principal(s.attributes.get("principal_arn"), s, {**facts, "role": _text(found[0])}, ctx)


def _cloud_principal(value: Any, s: Subject, facts: dict, ctx: Context) -> Verdict:
    if isinstance(value, Unknown):
        return Verdict(FAILED, "subject_unresolved", {**facts, "why": value})
    if not value:
        return Verdict(FAILED, "subject_unresolved", {**facts, "why": Unknown("no principal is named")})
    principal = pr.Principal("AWS", _text(value))
    if pr.is_first_party(principal, s.resource.cloud, ctx.profile):
        return Verdict(PASSED, "inside_subjects", {**facts, "principals": (principal.value,)})
    return Verdict(FAILED, "outside_subjects", {**facts, "principals": (principal.value,)})


def _own_identity(value: Unknown, cloud: str, ctx: Context) -> str | None:
    """The identity type of this configuration an apply-time value refers to (the Terraform reader says
    which resource an unknown attribute belongs to), if it is one of the cloud's own identity types."""
    for tf_type in ctx.rbac.own_identity_types.get(cloud, ()):
        if re.search(rf"\b{re.escape(tf_type)}\.[A-Za-z0-9_-]+", value.why):
            return tf_type
    return None


def _ack(s: Subject, facts: dict, ctx: Context) -> Verdict:
    grants = s.attributes.get("permissions")
    if isinstance(grants, Unknown):
        return Verdict(FAILED, "policy_unresolved", {**facts, "why": grants})
    control: list[str] = []
    for grant in _list(grants):
        if isinstance(grant, Unknown):
            return Verdict(FAILED, "policy_unresolved", {**facts, "why": grant})
        name, is_custom = field(grant, "role_name"), field(grant, "is_custom")
        for value in (name, is_custom):
            if isinstance(value, Unknown):
                return Verdict(FAILED, "policy_unresolved", {**facts, "why": value})
        word = _text(name).casefold()
        custom = str(is_custom).casefold() in ("true", "1")
        if (custom and word in ctx.rbac.builtin) or (not custom and word in ctx.rbac.ack_roles):
            control.append(_text(name))
        elif custom and word not in ctx.rbac.not_control:
            return Verdict(FAILED, "role_unknown", {**facts, "role": _text(name), "why": Unknown(
                f"the custom role {name} is a ClusterRole of the cluster, not declared in this input")})
    if not control:
        return Verdict(PASSED, "not_control_role", {**facts, "role": ", ".join(
            _text(field(g, "role_name")) for g in _list(grants)) or "none"})
    facts = {**facts, "role": control[0]}
    uid = s.attributes.get("uid")
    if isinstance(uid, Unknown):
        own = _own_identity(uid, s.resource.cloud, ctx)
        if own is not None:
            return Verdict(PASSED, "own_identity", {**facts, "identity_type": own})
        return Verdict(FAILED, "subject_unresolved", {**facts, "why": uid})
    if OWN_ACCOUNT in _text(uid):
        return Verdict(PASSED, "own_identity", {**facts, "identity_type": "own account"})
    return Verdict(FAILED, "uid_unknown", {**facts, "principals": (_text(uid),)})


def _shape(t: TypeOf, ctx: Context) -> Shape | None:
    """The RBAC shape of a type (`data/kubernetes_rbac.yaml`), None when it grants or holds no role."""
    shape = ctx.rbac.shape(t.type, t.source_kind)
    if shape is None and t.info.known:  # a Pulumi token of a catalogued Terraform type (aws:eks/accessEntry…)
        shape = ctx.rbac.shape(t.info.type, "terraform")
    return shape


def _no_role(t: TypeOf, ctx: Context) -> str | None:
    return "not_rbac" if _shape(t, ctx) is None else None


@type_gated(_no_role)
def outside_control_role(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    shape = _shape(s.type_of, ctx)
    if shape.shape == BINDING:
        return judge_binding(s.attributes, facts, ctx)
    if shape.shape == ROLE:
        return Verdict(NOT_APPLICABLE, "role_itself", facts)
    if shape.shape == COMPONENT:
        return Verdict(NOT_APPLICABLE, "component", facts)
    if shape.shape == RELEASE:
        return Verdict(FAILED, "chart_not_rendered", facts)
    if shape.shape == MANIFEST:
        return _manifest(s, shape.attr or "manifest", facts, ctx)
    if shape.shape == EKS_POLICY:
        return _eks_policy(s, facts, ctx)
    if shape.shape == EKS_ENTRY:
        return _eks_entry(s, facts, ctx)
    if shape.shape == ACK:
        return _ack(s, facts, ctx)
    return Verdict(NOT_APPLICABLE, "not_rbac", facts)


RULES = {"CKV_CNLIC_203": outside_control_role}
