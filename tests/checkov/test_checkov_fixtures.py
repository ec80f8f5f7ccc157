"""Each check on its fixture folder (tests/fixtures/<id>/main.tf and plan.json), through Checkov itself:
the exact sets of passing, failing and skipped addresses, and no parsing errors."""

from __future__ import annotations

import re

import pytest

HCL = {
    "CKV_CNLIC_101": {
        "PASSED": {
            "alicloud_vpc.pass_default_provider",
            "alicloud_vpc.pass_locals_shanghai",
            "aws_vpc.pass_ningxia",
            "azurerm_resource_group.pass_azure_shanghai",
            "module.pass_module_sh.alicloud_vpc.net",
            "module.pass_module_sh.module.inner.alicloud_vpc.inner",
            "module.pass_module_inherits.alicloud_vpc.net",
            "module.pass_module_inherits.module.inner.alicloud_vpc.inner",
        },
        "FAILED": {
            "alicloud_vpc.fail_alias_hk",
            "alicloud_vpc.fail_tfvars_singapore",
            "alicloud_instance.fail_zone_hk",
            "azurerm_resource_group.fail_azure_hk",
            "module.fail_module_hk.alicloud_vpc.net",
            "module.fail_module_hk.module.inner.alicloud_vpc.inner",
        },
        "SKIPPED": {
            "alicloud_vpc.skip_hk",
            "module.skip_module_hk.alicloud_vpc.net",  # a skip on the module call reaches its resources
            "module.skip_module_hk.module.inner.alicloud_vpc.inner",
        },
    },
    "CKV_CNLIC_102": {
        "PASSED": {
            "alicloud_instance.pass_idc_zone_shenzhen",
            "alicloud_vpc.pass_isp_heyuan",
            "alicloud_vpc.pass_untagged_hangzhou",
            "tencentcloud_vpc.pass_idc_guangzhou",
        },
        "FAILED": {
            "alicloud_instance.fail_idc_zone_heyuan",
            "alicloud_vpc.fail_idc_hangzhou",
            "alicloud_vpc.fail_service_not_granted",
            "alicloud_vpc.fail_tags_not_a_map",
            "alicloud_vpc.fail_tag_value_unresolved",
        },
    },
    "CKV_CNLIC_103": {
        "PASSED": {"alicloud_vpc.pass_located", "alicloud_instance.pass_zone_from_variable",
                   "alicloud_instance.pass_zone_unresolved_in_provider_region"},
        "FAILED": {
            "alicloud_vpc.fail_unresolved_variable",
            "alicloud_vpc.fail_unknown_region_id",
            "alicloud_vpc.fail_provider_without_region",
            "tencentcloud_vpc.fail_tencent_no_region",
            "huaweicloud_vpc.fail_no_provider_block",
            "module.fail_module_unresolved.alicloud_vpc.net",
            "cloudflare_record.fail_unknown_provider",
        },
    },
    "CKV_CNLIC_201": {
        "PASSED": {
            "alicloud_ram_role.pass_ecs_service",
            "alicloud_ram_role.pass_own_account",
            "aws_iam_role.pass_lambda_service",
            "aws_iam_role.pass_policy_from_data_source",
        },
        "FAILED": {
            "alicloud_ram_role.fail_other_account",
            "aws_iam_role.fail_wildcard_principal",
            "aws_iam_role.fail_other_aws_account",
            "aws_iam_role.fail_policy_document_other_account",
            "aws_iam_role.fail_policy_document_merged",
        },
    },
    "CKV_CNLIC_202": {
        "PASSED": {
            "aws_security_group.pass_ssh_management",
            "aws_security_group.pass_https_world",
            "alicloud_security_group_rule.pass_ssh_management",
            "aws_eks_cluster.pass_private_endpoint",
        },
        "FAILED": {
            "aws_security_group.fail_all_ports_world",
            "aws_security_group.fail_dynamic_ports",
            "alicloud_security_group_rule.fail_ssh_world",
            "aws_eks_cluster.fail_public_endpoint",
        },
    },
    "CKV_CNLIC_301": {
        "PASSED": {
            "alicloud_instance.pass_filed_room_zone",
            "alicloud_oss_bucket.pass_filed_whole_region",
            "alicloud_instance.pass_prior_filing",
        },
        "FAILED": {
            "alicloud_instance.fail_new_zone_untagged",
            "alicloud_oss_bucket.fail_new_region_untagged",
            "alicloud_instance.fail_filing_out_of_scope",
        },
    },
    "CKV_CNLIC_302": {
        "PASSED": {"alicloud_instance.pass_valid_filing"},
        "FAILED": {
            "alicloud_instance.fail_malformed",
            "alicloud_instance.fail_unknown_reference",
            "alicloud_instance.fail_out_of_scope",
            "alicloud_instance.fail_dated_after_change",
            "alicloud_instance.fail_tag_unresolved",
        },
    },
    "CKV_CNLIC_401": {  # every cloud: areas, region ids, addresses, gateway references, own location
        "PASSED": {
            "alicloud_cen_bandwidth_limit.pass_two_mainland_regions",
            "alicloud_cen_bandwidth_package.pass_china_china",
            "alicloud_cen_instance_attachment.pass_shanghai_vpc",
            "aws_ec2_transit_gateway_peering_attachment.pass_peer_ningxia",
            "aws_vpc_peering_connection.pass_same_region_peering",
            "azurerm_virtual_network_gateway_connection.pass_vnet2vnet",
            "baiducloud_peer_conn.pass_peer_guangzhou",
            "huaweicloud_cc_bandwidth_package.pass_mainland_areas",
            "tencentcloud_ccn_attachment.pass_guangzhou",
            "tencentcloud_ccn_bandwidth_limit.pass_outer_limit_shanghai",
            "volcengine_cen_inter_region_bandwidth.pass_beijing_shanghai",
        },
        "FAILED": {
            "alicloud_cen_bandwidth_package.fail_legacy_list_europe",
            "alicloud_cen_bandwidth_package.fail_to_north_america",
            "alicloud_cen_bandwidth_package.fail_unknown_area_name",
            "alicloud_cen_bandwidth_package.fail_unknown_area_omitted",
            "alicloud_cen_bandwidth_package.fail_unknown_area_unset",
            "alicloud_cen_instance_attachment.fail_hongkong_vpc",
            "alicloud_cen_transit_router_peer_attachment.fail_peer_frankfurt",
            "alicloud_cen_transit_router_peer_attachment.fail_unknown_peer_region_omitted",
            "alicloud_cen_transit_router_vpc_attachment.fail_vpc_attachment_in_hongkong",
            "alicloud_vpc_peer_connection.fail_unknown_peer_region_id",
            "alicloud_vpn_connection.fail_unknown_via_gateway",
            "alicloud_vpn_customer_gateway.fail_unknown_office_ip",
            "aws_customer_gateway.fail_unknown_customer_ip",
            "aws_ec2_transit_gateway_peering_attachment.fail_peer_virginia",
            "azurerm_local_network_gateway.fail_unknown_branch_fqdn",
            "huaweicloud_cc_bandwidth_package.fail_asia_pacific_area",
            "huaweicloud_cc_network_instance.fail_hongkong_region_id",
            "tencentcloud_ccn_bandwidth_limit.fail_to_silicon_valley",
            "volcengine_cen_bandwidth_package.fail_to_asia",
        },
    },
    "CKV_CNLIC_404": {  # closed carrier codes (alicloud, tencent, volcengine), free text (aws, azurerm)
        "PASSED": {
            'alicloud_express_connect_physical_connection.by_map["pass_primary"]',
            "alicloud_express_connect_physical_connection.pass_unicom",
            "aws_dx_connection.pass_china_telecom",
            "azurerm_express_route_circuit.pass_china_broadnet",
            "tencentcloud_dc_instance.pass_china_mobile",
            "volcengine_direct_connect_connection.pass_china_unicom",
        },
        "FAILED": {
            'alicloud_express_connect_physical_connection.by_map["fail_backup"]',
            "alicloud_express_connect_physical_connection.fail_equinix",
            "alicloud_express_connect_physical_connection.fail_unknown_operator_unset",
            "aws_dx_connection.fail_unknown_provider_omitted",
            "aws_dx_lag.fail_reseller",
            "azurerm_express_route_circuit.fail_unknown_direct_port",
            "tencentcloud_dc_instance.fail_international_operator",
            "tencentcloud_dc_instance.fail_unknown_in_house_wiring",
            "volcengine_direct_connect_connection.fail_unknown_china_other",
        },
    },
}

PLAN = {
    "CKV_CNLIC_101": {  # real plan: variable region, module with providers map, nested module, count, update
        "PASSED": {
            "aws_vpc.pass_beijing",
            "aws_vpc.pass_counted[0]",
            "aws_vpc.pass_counted[1]",
            "module.pass_nx.aws_vpc.net",
            "module.pass_nx.module.inner.aws_vpc.inner",
            "module.pass_inherit.aws_vpc.net",
            "module.pass_inherit.module.inner.aws_vpc.inner",
        },
        "FAILED": {
            "aws_vpc.fail_hk",
            "aws_subnet.fail_zone_hk",
            "module.fail_hk.aws_vpc.net",
            "module.fail_hk.module.inner.aws_vpc.inner",
        },
    },
    "CKV_CNLIC_102": {  # hand-written: module-declared provider keys, replace, no-op, tag after apply
        "PASSED": {
            "alicloud_vpc.pass_idc_shenzhen",
            "alicloud_vpc.pass_noop_shenzhen",
            "module.edge.module.leaf.alicloud_vpc.pass_isp_heyuan",
            'module.sz["a"].alicloud_vpc.pass_isp_mapped',
        },
        "FAILED": {
            "alicloud_instance.fail_idc_zone_heyuan",
            "alicloud_vpc.fail_replaced_heyuan",
            "alicloud_vpc.fail_tag_after_apply",
            "module.edge.alicloud_vpc.fail_idc_heyuan",
        },
    },
    "CKV_CNLIC_103": {  # real plan: region from a local, unknown region id, zone picked by the cloud
        "PASSED": {
            "aws_vpc.pass_beijing",
            "aws_subnet.pass_zone_given",
            "aws_subnet.pass_zone_picked_at_apply",
        },
        "FAILED": {
            "aws_vpc.fail_region_from_local",
            "aws_vpc.fail_unknown_region",
        },
    },
    "CKV_CNLIC_201": {  # real plan
        "PASSED": {"aws_iam_role.pass_own_account", "aws_iam_role.pass_service"},
        "FAILED": {"aws_iam_role.fail_other_account", "aws_iam_role.fail_wildcard"},
    },
    "CKV_CNLIC_202": {  # real plan: region from terraform.tfvars
        "PASSED": {
            "aws_security_group.pass_ssh_management",
            "aws_security_group.pass_https_world",
            "aws_eks_cluster.pass_private_endpoint",
        },
        "FAILED": {
            "aws_security_group.fail_all_ports_world",
            "aws_security_group_rule.fail_rdp_world",
            "aws_security_group_rule.fail_ssh_from_unknown",
            "aws_vpc_security_group_ingress_rule.fail_ssh_world",
            "aws_eks_cluster.fail_public_endpoint",
        },
    },
    "CKV_CNLIC_302": {  # hand-written: prior-filing tags, one known only after apply, a delete
        "PASSED": {"alicloud_instance.pass_valid_filing"},
        "FAILED": {"alicloud_instance.fail_dated_after_change", "alicloud_instance.fail_tag_after_apply"},
    },
    "CKV_CNLIC_401": {  # hand-written: a peer region known only after apply, an update
        "PASSED": {
            "alicloud_cen_bandwidth_package.pass_china_china",
            "aws_ec2_transit_gateway_peering_attachment.pass_peer_ningxia",
            "aws_vpc_peering_connection.pass_same_region",
        },
        "FAILED": {
            "alicloud_cen_bandwidth_package.fail_to_asia_pacific",
            "aws_customer_gateway.fail_unknown_office_ip",
            "aws_ec2_transit_gateway_peering_attachment.fail_peer_tokyo",
            "aws_vpc_peering_connection.fail_unknown_peer_region_after_apply",
        },
    },
    "CKV_CNLIC_404": {  # hand-written: a carrier known only after apply, an overseas subsidiary, an update
        "PASSED": {
            "alicloud_express_connect_physical_connection.pass_china_mobile",
            "aws_dx_connection.pass_china_unicom",
        },
        "FAILED": {
            "alicloud_express_connect_physical_connection.fail_other_overseas",
            "aws_dx_connection.fail_overseas_subsidiary",
            "aws_dx_connection.fail_unknown_provider_after_apply",
        },
    },
}


@pytest.mark.parametrize("rule_id", sorted(HCL))
def test_hcl_fixture_gives_exact_results(checkov_runs, rule_id):
    outcome = checkov_runs[(rule_id, "hcl")]
    assert outcome.parsing_errors == []
    for result in ("PASSED", "FAILED", "SKIPPED"):
        assert outcome.addresses(rule_id, result) == HCL[rule_id].get(result, set()), result


@pytest.mark.parametrize("rule_id", sorted(PLAN))
def test_plan_fixture_gives_exact_results(checkov_runs, rule_id):
    outcome = checkov_runs[(rule_id, "plan")]
    assert outcome.parsing_errors == []
    for result in ("PASSED", "FAILED", "SKIPPED"):
        assert outcome.addresses(rule_id, result) == PLAN[rule_id].get(result, set()), result


def test_every_fixture_folder_and_plan_is_asserted(checkov_runs):
    assert {f for f, kind in checkov_runs if kind == "hcl"} == set(HCL)
    assert {f for f, kind in checkov_runs if kind == "plan"} == set(PLAN)


_VERDICT = re.compile(r"(?:^|\.)(pass|fail|skip|na)_")
_NAMED = {"pass": "PASSED", "fail": "FAILED", "skip": "SKIPPED", "na": None}


@pytest.mark.parametrize("kind", ["hcl", "plan"])
def test_fixture_names_tell_the_truth(checkov_runs, kind):
    """The first pass_/fail_/skip_/na_ name in an address (module call or resource) is its verdict."""
    for (rule_id, run_kind), outcome in checkov_runs.items():
        if run_kind != kind:
            continue
        for check_id, address, result in outcome.results:
            m = _VERDICT.search(address)
            if check_id == rule_id and m:
                assert _NAMED[m.group(1)] == result, (rule_id, address, result)


def test_failures_carry_the_bilingual_message_and_fix(checkov_runs):
    details = checkov_runs[("CKV_CNLIC_101", "hcl")].details[("CKV_CNLIC_101", "alicloud_vpc.fail_alias_hk")]
    assert details[0] == (
        "alicloud_vpc.fail_alias_hk is in alicloud cn-hongkong → Hong Kong (CN-HK), Hong Kong, "
        "outside mainland China (Hong Kong)."
    )
    assert "在中国大陆以外（中国香港）" in details[1]
    assert details[2].startswith("Fix: Move the resource to a mainland-China region")
    assert details[3].startswith("修复：")


def test_suppressed_check_is_reported_skipped_with_its_reason(checkov_runs):
    outcome = checkov_runs[("CKV_CNLIC_101", "hcl")]
    assert ("CKV_CNLIC_101", "alicloud_vpc.skip_hk", "SKIPPED") in outcome.results
    assert (
        "CKV_CNLIC_102",
        "alicloud_vpc.skip_hk",
        "FAILED",
    ) in outcome.results  # only the named id is skipped
