provider "aws" {
  region = "cn-north-1"
}

resource "aws_eks_access_entry" "platform" {
  cluster_name  = "prod-bj"
  principal_arn = "arn:aws-cn:iam::111122223333:role/platform-admins"
}

resource "aws_eks_access_policy_association" "platform" {
  cluster_name  = "prod-bj"
  principal_arn = aws_eks_access_entry.platform.principal_arn
  policy_arn    = "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}

resource "aws_eks_access_entry" "msp" {
  cluster_name      = "prod-bj"
  principal_arn     = "arn:aws-cn:iam::444455556666:role/msp-operators"
  kubernetes_groups = ["system:masters"]
}

resource "aws_eks_access_policy_association" "msp" {
  cluster_name  = "prod-bj"
  principal_arn = aws_eks_access_entry.msp.principal_arn
  policy_arn    = "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}
