"""CKV_CNLIC_203 (Kubernetes control roles only to the organisation's identities) on hand-built objects, as
each front door writes them (manifest camelCase, Terraform blocks, Pulumi snake_case), and the RBAC catalog
held to its schema."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from helpers import judge, make
from permitguard import datafiles
from permitguard.model import Resource, Status, Unknown
from permitguard.rules.rbac import RULES

RULE = RULES["CKV_CNLIC_203"]
CRB = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE


def obj(role="cluster-admin", *subjects, **extra) -> Resource:
    attrs = {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRoleBinding",
        "metadata": {"name": "b"},
        "roleRef": {"kind": "ClusterRole", "name": role},
        "subjects": list(subjects),
        **extra,
    }
    return Resource("ClusterRoleBinding.default.b", CRB, "kubernetes", attrs, source_kind="kubernetes")


def user(name):
    return {"kind": "User", "name": name}


def verdict(ctx, resource):
    v = judge(RULE, ctx, resource)
    return v.status, v.reason


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("li@example-operator.cn", (PASSED, "inside_subjects")),
        ("li@OPS.Example-Operator.CN", (PASSED, "inside_subjects")),  # a subdomain, any case
        ("li@example-operator.cn.attacker.io", (FAILED, "outside_subjects")),
        ("li@evil-example-operator.cn", (FAILED, "outside_subjects")),  # not a subdomain: another domain
        (
            "oidc:li@partner-corp.com",
            (FAILED, "outside_subjects"),
        ),  # an issuer prefix: the domain still counts
        ("system:serviceaccount:ci:deployer", (PASSED, "inside_subjects")),
        ("system:anonymous", (FAILED, "everyone")),
        ("li", (FAILED, "subject_unknown")),
        (Unknown("known only after apply"), (FAILED, "subject_unresolved")),
    ],
)
def test_users(ctx, name, expected):
    assert verdict(ctx, obj("cluster-admin", user(name))) == expected


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("system:masters", (PASSED, "inside_subjects")),
        ("system:serviceaccounts:ci", (PASSED, "inside_subjects")),  # one namespace's service accounts
        (
            "system:serviceaccounts",
            (FAILED, "everyone"),
        ),  # every service account of every namespace… and tenant
        ("system:authenticated", (FAILED, "everyone")),
        ("platform-ops", (FAILED, "subject_unknown")),
    ],
)
def test_groups(ctx, group, expected):
    assert verdict(ctx, obj("edit", {"kind": "Group", "name": group})) == expected


def test_a_group_the_profile_lists_is_the_organisations_own(ctx):
    profile = dataclasses.replace(ctx.profile, identity_principals={"groups": frozenset({"platform-ops"})})
    listed = dataclasses.replace(ctx, profile=profile)
    assert verdict(listed, obj("edit", {"kind": "Group", "name": "Platform-Ops"})) == (
        PASSED,
        "inside_subjects",
    )
    assert verdict(listed, obj("edit", user("platform-ops"))) == (FAILED, "subject_unknown")  # a group only


def test_one_outsider_among_insiders_fails_and_is_the_one_named(ctx):
    v = judge(RULE, ctx, obj("admin", user("a@example-operator.cn"), user("b@partner-corp.com")))
    assert (v.status, v.reason, v.facts["principals"]) == (
        FAILED,
        "outside_subjects",
        ("b@partner-corp.com",),
    )


def test_roles(ctx):
    outsider = user("b@partner-corp.com")
    assert verdict(ctx, obj("view", outsider)) == (PASSED, "not_control_role")
    assert verdict(ctx, obj("view", user("system:unauthenticated"))) == (FAILED, "everyone")
    assert verdict(ctx, obj("vendor-operator", outsider)) == (FAILED, "role_unknown_outside")
    assert verdict(ctx, obj("vendor-operator", user("a@example-operator.cn"))) == (FAILED, "role_unknown")
    escalate = {
        "rules": [
            {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate"]}
        ]
    }
    assert verdict(ctx, obj("custom", outsider, declared_role=escalate)) == (FAILED, "outside_subjects")
    secrets = {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "patch"]}]}
    assert verdict(ctx, obj("custom", outsider, declared_role=secrets)) == (FAILED, "outside_subjects")
    read = {"rules": [{"apiGroups": [""], "resources": ["secrets", "pods"], "verbs": ["get", "list"]}]}
    assert verdict(ctx, obj("custom", outsider, declared_role=read)) == (PASSED, "not_control_role")
    aggregated = {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "true"}}]}}
    assert verdict(ctx, obj("custom", outsider, declared_role=aggregated)) == (FAILED, "role_unknown_outside")


def test_pulumi_properties_in_terraform_names_are_read_alike(ctx):
    attrs = {
        "role_ref": {"api_group": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin"},
        "subjects": [
            {"kind": "User", "api_group": "rbac.authorization.k8s.io", "name": "x@partner-corp.com"}
        ],
    }
    pulumi = Resource("urn", CRB, "kubernetes", attrs, source_kind="pulumi")
    assert verdict(ctx, pulumi) == (FAILED, "outside_subjects")


def test_terraform_binding_with_unknown_subjects_fails_closed(ctx):
    binding = make(
        "kubernetes_cluster_role_binding_v1",
        role_ref=[{"kind": "ClusterRole", "name": "admin"}],
        subject=Unknown("known only after apply"),
    )
    assert verdict(ctx, binding) == (FAILED, "subject_unresolved")


def test_objects_that_grant_nothing_are_not_applicable(ctx):
    role = Resource(
        "ClusterRole.default.r",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        "kubernetes",
        {"rules": []},
        source_kind="kubernetes",
    )
    assert verdict(ctx, role) == (NA, "role_itself")
    pod = Resource("Pod.default.p", "kubernetes:core/v1:Pod", "kubernetes", {}, source_kind="kubernetes")
    assert verdict(ctx, pod) == (NA, "not_rbac")
    component = Resource("c", "kubernetes:yaml/v2:ConfigGroup", "kubernetes", {}, source_kind="pulumi")
    assert verdict(ctx, component) == (NA, "component")
    assert verdict(ctx, make("alicloud_vpc")) == (NA, "not_rbac")


def test_location_rules_say_the_object_is_located_with_its_cluster(ctx):
    from permitguard import engine

    reasons = {f.rule_id: f.reason for f in engine.evaluate(obj("view"), ctx)}
    assert reasons["CKV_CNLIC_101"] == reasons["CKV_CNLIC_103"] == "cluster_type"
    assert reasons["CKV_CNLIC_301"] == "cluster_type"


def test_rbac_catalog_is_valid_against_its_schema():
    data = yaml.safe_load(datafiles.data_path("kubernetes_rbac.yaml").read_text(encoding="utf-8"))
    assert datafiles.schema_errors("kubernetes_rbac.schema.json", data) == []


def test_a_role_declared_twice_under_one_name_is_not_taken_for_either():
    from permitguard.rbac_catalog import DECLARED_ROLE, attach_declared_roles

    role = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
    attrs = {"metadata": {"name": "ops"}, "rules": []}
    roles = [Resource(f"ClusterRole.default.r{i}", role, "kubernetes", attrs, source_kind="kubernetes")
             for i in (1, 2)]
    found = attach_declared_roles([*roles, obj("ops", user("x@partner-corp.com"))])
    assert DECLARED_ROLE not in found[-1].attributes
    found = attach_declared_roles([roles[0], obj("ops", user("x@partner-corp.com"))])
    assert found[-1].attributes[DECLARED_ROLE]["metadata"]["name"] == "ops"


@pytest.mark.parametrize("rules", [
    Unknown("known only after apply"),  # the whole list
    [Unknown("known only after apply")],  # one rule of it
    "get secrets",  # no list of rules
    ["verbs: [escalate]"],  # a rule that is no map
], ids=["unknown-list", "unknown-rule", "string", "rule-no-map"])
def test_a_declared_role_whose_rules_cannot_be_read_is_never_taken_for_harmless(ctx, rules):
    outsider = user("b@partner-corp.com")
    binding = obj("custom", outsider, declared_role={"rules": rules})
    assert verdict(ctx, binding) == (FAILED, "role_unknown_outside")


def test_an_aggregation_known_only_after_apply_is_not_taken_for_none(ctx):
    role = {"rules": [], "aggregationRule": Unknown("known only after apply")}
    assert verdict(ctx, obj("custom", user("b@partner-corp.com"), declared_role=role)) == (
        FAILED, "role_unknown_outside")


@pytest.mark.parametrize("subjects", [5, "system:unauthenticated", {"kind": "Group"}.keys()],
                         ids=["number", "string", "other"])
def test_subjects_that_are_no_list_are_could_not_evaluate_not_a_crash(ctx, subjects):
    binding = obj("cluster-admin")
    binding = dataclasses.replace(binding, attributes={**binding.attributes, "subjects": subjects})
    assert verdict(ctx, binding) == (FAILED, "subject_unresolved")


@pytest.mark.parametrize("grant", [
    Unknown("known only after apply"),
    {"role_name": "cluster-admin", "is_custom": Unknown("known only after apply")},
], ids=["grant", "is_custom"])
def test_an_ack_grant_known_only_after_apply_fails_closed(ctx, grant):
    perms = make("alicloud_cs_kubernetes_permissions", uid="28xxxx", permissions=[grant])
    assert verdict(ctx, perms) == (FAILED, "policy_unresolved")
