"""Kubernetes RBAC (CKV_CNLIC_203) through Pulumi: the objects the Kubernetes provider registers, with its own
type tokens and camelCase inputs. The program declares them as custom resources of those tokens (what
`pulumi_kubernetes.rbac.v1.ClusterRoleBinding` registers), so that it runs without the Kubernetes SDK, whose
current releases need a newer Pulumi SDK than the one pinned here.

Compliant: cluster-admin to users of the identity domain, edit in a namespace to a service account of the
cluster. Violating: cluster-admin to an outsourcer's user next to an own user; edit to every signed-in
identity; a Helm release (its chart is rendered only when installed: could not be established).
"""
import pulumi

cluster = pulumi.ProviderResource("kubernetes", "cluster", {"kubeconfig": "~/.kube/config"})
on_cluster = pulumi.ResourceOptions(provider=cluster)
RBAC = "rbac.authorization.k8s.io"
CRB, RB = f"kubernetes:{RBAC}/v1:ClusterRoleBinding", f"kubernetes:{RBAC}/v1:RoleBinding"


def binding(token: str, name: str, role: str, subjects: list[dict], namespace: str | None = None) -> None:
    metadata = {"name": name, **({"namespace": namespace} if namespace else {})}
    pulumi.CustomResource(token, name, {
        "apiVersion": f"{RBAC}/v1", "kind": token.rsplit(":", 1)[1], "metadata": metadata,
        "roleRef": {"apiGroup": RBAC, "kind": "ClusterRole", "name": role}, "subjects": subjects,
    }, on_cluster)


def user(name: str) -> dict:
    return {"kind": "User", "apiGroup": RBAC, "name": name}


# Compliant.
binding(CRB, "platform-admins", "cluster-admin", [user("zhang.san@example-operator.cn"),
                                                  user("oncall@ops.example-operator.cn")])
binding(RB, "shop-deployer", "edit", [{"kind": "ServiceAccount", "name": "deployer", "namespace": "ci"}],
        namespace="shop")

# Violating.
binding(CRB, "partner-admin", "cluster-admin", [user("ops@example-operator.cn"),
                                                user("night-shift@outsourcer.example")])
binding(CRB, "everyone-edit", "edit", [{"kind": "Group", "apiGroup": RBAC, "name": "system:authenticated"}])
release = {"chart": "edge-agent", "repositoryOpts": {"repo": "https://charts.example.com"}}
pulumi.CustomResource("kubernetes:helm.sh/v3:Release", "edge-agent", release, on_cluster)
