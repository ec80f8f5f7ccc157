provider "kubernetes" {
  config_path = "~/.kube/config"
}

variable "cluster_admins" {
  type    = list(string)
  default = ["wang.wu@example-operator.cn", "consultant@partner-corp.com"]
}

variable "namespace_admins" {
  type    = list(string)
  default = ["ops1@example-operator.cn", "ops2@example-operator.cn"]
}

resource "kubernetes_cluster_role_binding_v1" "admins" {
  count = length(var.cluster_admins) > 0 ? 1 : 0
  metadata {
    name = "cluster-admins"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  subject {
    kind      = "Group"
    name      = "system:masters"
    api_group = "rbac.authorization.k8s.io"
  }
  dynamic "subject" {
    for_each = toset(var.cluster_admins)
    content {
      kind      = "User"
      name      = subject.key
      api_group = "rbac.authorization.k8s.io"
    }
  }
}

resource "kubernetes_role_binding" "per_user" {
  count = length(var.namespace_admins)
  metadata {
    name      = "admin-${count.index}"
    namespace = "shop"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "admin"
  }
  subject {
    kind      = "User"
    name      = element(var.namespace_admins, count.index)
    api_group = "rbac.authorization.k8s.io"
  }
}
