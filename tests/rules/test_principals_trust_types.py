"""CKV_CNLIC_201 on trust-granting types added from public code (organisation identities, EKS access
entries, Key Vault access policies)."""

from __future__ import annotations

from helpers import judge, make, shown
from permitguard.model import Status
from permitguard.rules.control_plane import RULES

TRUST = RULES["CKV_CNLIC_201"]


def test_tencent_org_identity_attached_to_an_outside_member_fails(ctx):
    r = make("tencentcloud_organization_org_member_auth_identity_attachment", member_uin=200099998888,
             identity_ids=[1])
    v = judge(TRUST, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["principals"]) == (Status.FAILED, "third_party", "200099998888")


def test_eks_access_entry_for_another_account_fails_and_for_our_own_passes(ctx):
    outside = make("aws_eks_access_entry", principal_arn="arn:aws-cn:iam::999988887777:role/ops")
    ours = make("aws_eks_access_entry", principal_arn="arn:aws-cn:iam::111122223333:role/ops")
    assert [judge(TRUST, ctx, r).status for r in (outside, ours)] == [Status.FAILED, Status.PASSED]


def test_key_vault_access_for_a_foreign_tenant_fails(ctx):
    r = make("azurerm_key_vault_access_policy", tenant_id="99999999-0000-0000-0000-000000000000",
             object_id="x")
    assert judge(TRUST, ctx, r).reason == "third_party"


def test_volcengine_role_trusting_another_account_fails(ctx):
    doc = ('{"Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],'
           '"Principal":{"IAM":["trn:iam::2000000001:root"]}}]}')
    v = judge(TRUST, ctx, make("volcengine_iam_role", trust_policy_document=doc))
    assert (v.status, shown(v, ctx)["principals"]) == (Status.FAILED, "trn:iam::2000000001:root")
