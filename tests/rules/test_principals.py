"""CKV_CNLIC_201 on the principal formats clouds really write (adversarial review regressions)."""

from __future__ import annotations

import json

from helpers import make, shown
from permitguard.context import Subject
from permitguard.model import Status, Unknown
from permitguard.rules.control_plane import RULES

TRUST = RULES["CKV_CNLIC_201"]


def judge(ctx, resource):
    v = TRUST(Subject(resource, ctx), ctx)
    return v.status, v.reason, shown(v, ctx).get("principals")


def _allow(principal, **extra) -> dict:
    return {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal, **extra}


def test_statement_known_only_after_apply_fails_closed(ctx):
    r = make("aws_iam_role", assume_role_policy={"Version": "2012-10-17", "Statement": Unknown()})
    assert judge(ctx, r) == (Status.FAILED, "unresolved", None)


def test_one_statement_known_only_after_apply_fails_closed(ctx):
    doc = {"Statement": [_allow({"Service": "ec2.amazonaws.com.cn"}), Unknown()]}
    assert judge(ctx, make("aws_iam_role", assume_role_policy=doc)) == (Status.FAILED, "unresolved", None)


def test_principal_known_only_after_apply_fails_closed(ctx):
    doc = {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": Unknown()}]}
    assert judge(ctx, make("aws_iam_role", assume_role_policy=doc)) == (Status.FAILED, "unresolved", None)


def test_effect_known_only_after_apply_counts_as_allow(ctx):
    doc = {"Statement": [{"Effect": Unknown(), "Principal": {"AWS": "999988887777"}}]}
    assert judge(ctx, make("aws_iam_role", assume_role_policy=doc)) == (
        Status.FAILED,
        "third_party",
        "999988887777",
    )


def test_wildcard_with_org_condition_is_still_a_wildcard(ctx):
    cond = {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}
    r = make("aws_iam_role", assume_role_policy=json.dumps({"Statement": [_allow("*", Condition=cond)]}))
    assert judge(ctx, r) == (Status.FAILED, "third_party", "*")


def test_not_principal_says_it_admits_everyone_else(ctx):
    st = {"Effect": "Allow", "Action": "sts:AssumeRole", "NotPrincipal": {"AWS": "111122223333"}}
    assert judge(ctx, make("aws_iam_role", assume_role_policy=json.dumps({"Statement": st}))) == (
        Status.FAILED,
        "third_party",
        "NotPrincipal (everyone but the principals listed)",
    )


def test_huawei_agency_own_account_name_in_other_case_is_first_party(ctx):
    r = make("huaweicloud_identity_agency", delegated_domain_name="Example-Operator")
    assert judge(ctx, r) == (Status.PASSED, "first_party", "Example-Operator")


def test_huawei_agency_own_domain_id_in_upper_case_is_first_party(ctx):
    r = make("huaweicloud_identity_agency", delegated_domain_name="0A1B2C3D4E5F60718293A4B5C6D7E8F9")
    assert judge(ctx, r)[0] is Status.PASSED


def test_huawei_trust_policy_naming_own_account_urn_is_first_party(ctx):
    doc = {"Version": "5.0", "Statement": [_allow({"IAM": ["iam::0a1b2c3d4e5f60718293a4b5c6d7e8f9:root"]})]}
    r = make("huaweicloud_identity_trust_agency", trust_policy=json.dumps(doc))
    assert judge(ctx, r) == (Status.PASSED, "first_party", "iam::0a1b2c3d4e5f60718293a4b5c6d7e8f9:root")


def test_resource_share_to_ou_of_own_organisation_is_first_party(ctx):
    ou = "arn:aws-cn:organizations::111122223333:ou/o-abc123/ou-ab12-cdef3456"
    r = make("aws_ram_principal_association", provider_region="cn-north-1", principal=ou)
    assert judge(ctx, r) == (Status.PASSED, "first_party", ou)


def test_resource_share_to_own_organisation_is_first_party(ctx):
    org = "arn:aws-cn:organizations::111122223333:organization/o-abc123"
    r = make("aws_ram_principal_association", provider_region="cn-north-1", principal=org)
    assert judge(ctx, r)[0] is Status.PASSED


def test_account_arn_inside_own_organisation_names_that_account(ctx):
    acct = "arn:aws-cn:organizations::111122223333:account/o-abc123/999988887777"
    r = make("aws_ram_principal_association", provider_region="cn-north-1", principal=acct)
    assert judge(ctx, r) == (Status.FAILED, "third_party", acct)


def test_resource_share_allowing_external_principals_fails(ctx):
    r = make("aws_ram_resource_share", provider_region="cn-north-1", allow_external_principals=True)
    assert judge(ctx, r) == (
        Status.FAILED,
        "third_party",
        "any principal outside the organisation (external sharing on)",
    )


def test_resource_share_inside_the_organisation_passes(ctx):
    r = make("aws_ram_resource_share", provider_region="cn-north-1", allow_external_principals=False)
    assert judge(ctx, r) == (Status.PASSED, "first_party", "none")


def test_resource_share_external_switch_unknown_fails_closed(ctx):
    r = make("aws_ram_resource_share", provider_region="cn-north-1", allow_external_principals=Unknown())
    assert judge(ctx, r)[:2] == (Status.FAILED, "unresolved")


def test_alicloud_resource_share_allowing_external_targets_fails(ctx):
    r = make(
        "alicloud_resource_manager_resource_share",
        provider_region="cn-beijing",
        resource_share_name="s",
        allow_external_targets=True,
    )
    assert judge(ctx, r)[:2] == (Status.FAILED, "third_party")
