"""CKV_CNLIC_203 through the pack (gRPC): Pulumi Kubernetes RBAC resources as the Kubernetes provider sends
them (native, camelCase properties: roleRef, subjects, apiGroup), and the clouds' own grants (EKS, ACK)."""

from __future__ import annotations

from pack_client import request, violations

K8S = ("pulumi:providers:kubernetes", "k8s", {"kubeconfig": "~/.kube/config"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
CRB = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
RB = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"
ADMIN = {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"}


def failed(response) -> set[str]:
    return {name[:9] for name, level, _ in violations(response) if level == "mandatory"}


def messages(response) -> list[str]:
    return [text for name, _, text in violations(response) if name.startswith("cnlic-203")]


def test_cluster_admin_to_an_outside_user_fails_naming_the_user(pack):
    props = {
        "metadata": {"name": "partner-admin"},
        "roleRef": ADMIN,
        "subjects": [
            {"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "ops@example-operator.cn"},
            {
                "kind": "User",
                "apiGroup": "rbac.authorization.k8s.io",
                "name": "night-shift@outsourcer.example",
            },
        ],
    }
    out = pack.analyze(request(CRB, "partnerAdmin", props, K8S))
    assert failed(out) == {"cnlic-203"}
    assert any(
        "night-shift@outsourcer.example" in m and "ops@example-operator.cn" not in m for m in messages(out)
    )


def test_edit_to_a_service_account_of_the_cluster_passes(pack):
    props = {
        "metadata": {"name": "team-edit", "namespace": "shop"},
        "roleRef": {**ADMIN, "name": "edit"},
        "subjects": [{"kind": "ServiceAccount", "name": "shop-deployer", "namespace": "shop"}],
    }
    assert failed(pack.analyze(request(RB, "teamEdit", props, K8S))) == set()


def test_a_binding_to_everyone_fails_and_a_bare_group_could_not_be_established(pack):
    everyone = {
        "metadata": {"name": "all"},
        "roleRef": ADMIN,
        "subjects": [{"kind": "Group", "name": "system:authenticated"}],
    }
    assert failed(pack.analyze(request(CRB, "all", everyone, K8S))) == {"cnlic-203"}
    bare = {
        "metadata": {"name": "ops"},
        "roleRef": ADMIN,
        "subjects": [{"kind": "Group", "name": "platform-ops"}],
    }
    out = pack.analyze(request(CRB, "ops", bare, K8S))
    assert failed(out) == {"cnlic-203"}
    assert any("platform-ops" in m and "identity_principals" in m for m in messages(out))


def test_a_helm_release_could_not_be_established_and_a_chart_component_is_judged_object_by_object(pack):
    release = pack.analyze(request("kubernetes:helm.sh/v3:Release", "agent", {"chart": "edge-agent"}, K8S))
    assert failed(release) == {"cnlic-203"}
    chart = pack.analyze(request("kubernetes:helm.sh/v4:Chart", "agent", {"chart": "edge-agent"}, K8S))
    assert failed(chart) == set()


def test_eks_cluster_admin_policy_to_another_account_fails(pack):
    other = {
        "clusterName": "prod-bj",
        "principalArn": "arn:aws-cn:iam::444455556666:role/msp",
        "policyArn": "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        "accessScope": {"type": "cluster"},
    }
    token = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation"
    assert "cnlic-203" in failed(pack.analyze(request(token, "msp", other, AWS)))
    own = {**other, "principalArn": "arn:aws-cn:iam::111122223333:role/platform"}
    assert "cnlic-203" not in failed(pack.analyze(request(token, "own", own, AWS)))
