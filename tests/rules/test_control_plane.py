"""CKV_CNLIC_201/202: no control-plane trust to third parties, no management surface open to outsiders."""

from __future__ import annotations

import json

from helpers import judge, make, shown
from permitguard.model import Status, Unknown
from permitguard.rules.control_plane import RULES

TRUST, EXPOSED = RULES["CKV_CNLIC_201"], RULES["CKV_CNLIC_202"]


def _assume(principal) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal}],
        }
    )


def test_aws_role_trusting_another_account_fails(ctx):
    r = make("aws_iam_role", assume_role_policy=_assume({"AWS": "arn:aws-cn:iam::999988887777:root"}))
    v = judge(TRUST, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["principals"]) == (
        Status.FAILED,
        "third_party",
        "arn:aws-cn:iam::999988887777:root",
    )


def test_aws_role_trusting_own_account_and_service_passes(ctx):
    r = make(
        "aws_iam_role",
        assume_role_policy=_assume(
            {"AWS": ["arn:aws-cn:iam::111122223333:root"], "Service": "ec2.amazonaws.com.cn"}
        ),
    )
    assert judge(TRUST, ctx, r).status is Status.PASSED


def test_wildcard_principal_fails(ctx):
    assert judge(TRUST, ctx, make("aws_iam_role", assume_role_policy=_assume("*"))).reason == "third_party"


def test_alicloud_ram_role_with_service_principal_passes(ctx):
    doc = {
        "Version": "1",
        "Statement": [
            {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}}
        ],
    }
    assert (
        judge(
            TRUST,
            ctx,
            make("alicloud_ram_role", assume_role_policy_document=json.dumps(doc), document=json.dumps(doc)),
        ).status
        is Status.PASSED
    )


def test_tencent_cam_lowercase_policy_with_foreign_uin_fails(ctx):
    doc = {
        "version": "2.0",
        "statement": [
            {
                "action": "name/sts:AssumeRole",
                "effect": "allow",
                "principal": {"qcs": ["qcs::cam::uin/200099998888:root"]},
            }
        ],
    }
    v = judge(TRUST, ctx, make("tencentcloud_cam_role", document=json.dumps(doc)))
    assert (v.status, shown(v, ctx)["principals"]) == (Status.FAILED, "qcs::cam::uin/200099998888:root")


def test_unparseable_or_unknown_policy_fails_closed(ctx):
    assert judge(TRUST, ctx, make("aws_iam_role", assume_role_policy="{not json")).reason == "unresolved"
    assert judge(TRUST, ctx, make("aws_iam_role", assume_role_policy=Unknown())).reason == "unresolved"


def test_lighthouse_foreign_tenant_fails(ctx):
    r = make("azurerm_lighthouse_definition", managing_tenant_id="99999999-0000-0000-0000-000000000000")
    assert judge(TRUST, ctx, r).reason == "third_party"


def test_huawei_agency_to_other_domain_fails(ctx):
    r = make("huaweicloud_identity_agency", delegated_domain_name="partner-corp")
    assert (judge(TRUST, ctx, r).status, shown(judge(TRUST, ctx, r), ctx)["principals"]) == (
        Status.FAILED,
        "partner-corp",
    )


def test_non_trust_type_is_not_applicable(ctx):
    assert (
        judge(TRUST, ctx, make("alicloud_instance", provider_region="cn-beijing")).status
        is Status.NOT_APPLICABLE
    )


def test_ssh_from_internet_fails(ctx):
    r = make(
        "alicloud_security_group_rule",
        type="ingress",
        ip_protocol="tcp",
        port_range="22/22",
        cidr_ip="0.0.0.0/0",
        policy="accept",
    )
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason, shown(v, ctx)["ports"], shown(v, ctx)["sources"]) == (
        Status.FAILED,
        "exposed_port",
        "22",
        "0.0.0.0/0",
    )


def test_ssh_from_management_network_passes(ctx):
    r = make(
        "alicloud_security_group_rule",
        type="ingress",
        ip_protocol="tcp",
        port_range="22/22",
        cidr_ip="10.20.0.0/16",
    )
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_huge_port_range_covers_management_ports(ctx):
    r = make(
        "aws_security_group",
        ingress=[{"from_port": 0, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["203.0.113.0/24"]}],
    )
    assert shown(judge(EXPOSED, ctx, r), ctx)["ports"] == "0-65535"


def test_https_from_internet_is_not_management(ctx):
    r = make(
        "aws_security_group",
        ingress=[{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}],
    )
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_azure_rdp_from_internet_service_tag_fails(ctx):
    r = make(
        "azurerm_network_security_rule",
        direction="Inbound",
        access="Allow",
        protocol="Tcp",
        destination_port_range="3389",
        source_address_prefix="Internet",
    )
    assert judge(EXPOSED, ctx, r).reason == "exposed_port"


def test_unknown_cidr_fails_closed(ctx):
    r = make(
        "tencentcloud_security_group_rule",
        type="ingress",
        cidr_ip=Unknown(),
        port_range="22",
        ip_protocol="tcp",
        policy="accept",
    )
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason, v.facts["what"]) == (Status.FAILED, "unresolved", "cidr_ip")


def test_eks_public_endpoint_by_default_fails(ctx):
    v = judge(EXPOSED, ctx, make("aws_eks_cluster", vpc_config=[{"subnet_ids": ["subnet-1"]}]))
    assert (v.status, v.reason) == (Status.FAILED, "public_endpoint_default")


def test_eks_private_endpoint_passes(ctx):
    r = make(
        "aws_eks_cluster", vpc_config=[{"endpoint_public_access": False, "endpoint_private_access": True}]
    )
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_huawei_rule_from_a_security_group_reference_passes(ctx):
    r = make(
        "huaweicloud_networking_secgroup_rule",
        direction="ingress",
        protocol="tcp",
        port_range_min=22,
        port_range_max=22,
        remote_group_id=Unknown(),
    )
    assert judge(EXPOSED, ctx, r).status is Status.PASSED


def test_huawei_rule_from_an_address_group_cannot_be_evaluated(ctx):
    r = make(
        "huaweicloud_networking_secgroup_rule",
        direction="ingress",
        protocol="tcp",
        ports="22",
        remote_address_group_id="ag-123",
    )
    v = judge(EXPOSED, ctx, r)  # the group's addresses are not in the rule: never taken as inside
    assert (v.status, v.reason, v.facts["attr"], shown(v, ctx)["value"]) == (
        Status.FAILED, "prefix_list", "remote_address_group_id", "ag-123")


def test_huawei_rule_without_any_remote_is_open_to_all(ctx):
    r = make("huaweicloud_networking_secgroup_rule", direction="ingress", protocol="tcp", ports="3389")
    assert shown(judge(EXPOSED, ctx, r), ctx)["sources"] == "0.0.0.0/0"


def test_cce_eip_known_only_after_apply_is_public(ctx):
    v = judge(EXPOSED, ctx, make("huaweicloud_cce_cluster", eip=Unknown()))
    assert (v.status, v.reason) == (Status.FAILED, "public_endpoint")


def test_unreadable_port_range_fails_closed_and_says_why(ctx):
    r = make("tencentcloud_security_group_rule", type="ingress", cidr_ip="0.0.0.0/0", port_range="ssh",
             ip_protocol="tcp", policy="accept")
    v = judge(EXPOSED, ctx, r)
    assert (v.status, v.reason) == (Status.FAILED, "unreadable")
    assert "ssh" in v.facts["detail"]
