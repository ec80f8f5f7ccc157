"""The packaged catalog covers, for every cloud, the resource categories the permit's duties judge."""

import pytest

from permitguard.resources import ResourceTypeCatalog

CATALOG = ResourceTypeCatalog.load()
FIVE = {"alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm"}

# category -> (clouds it must cover, Terraform types that must be listed)
COVERAGE = {
    "instance": (FIVE, """alicloud_instance tencentcloud_instance huaweicloud_compute_instance aws_instance
        azurerm_linux_virtual_machine azurerm_windows_virtual_machine azurerm_virtual_machine"""),
    "disk": (FIVE, """alicloud_disk alicloud_ecs_disk tencentcloud_cbs_storage huaweicloud_evs_volume
        aws_ebs_volume azurerm_managed_disk"""),
    "network": (FIVE, """alicloud_vpc alicloud_vswitch tencentcloud_vpc tencentcloud_subnet huaweicloud_vpc
        huaweicloud_vpc_subnet aws_vpc aws_subnet azurerm_virtual_network azurerm_subnet
        azurerm_resource_group"""),
    "security_group": (FIVE, """alicloud_security_group alicloud_security_group_rule
        tencentcloud_security_group tencentcloud_security_group_rule
        tencentcloud_security_group_rule_set tencentcloud_security_group_lite_rule
        huaweicloud_networking_secgroup huaweicloud_networking_secgroup_rule aws_security_group
        aws_security_group_rule aws_vpc_security_group_ingress_rule azurerm_network_security_group
        azurerm_network_security_rule"""),
    "load_balancer": (FIVE, """alicloud_slb_load_balancer alicloud_alb_load_balancer
        alicloud_nlb_load_balancer tencentcloud_clb_instance huaweicloud_elb_loadbalancer
        huaweicloud_lb_loadbalancer aws_lb aws_alb aws_elb azurerm_lb azurerm_application_gateway"""),
    "nat_gateway": (FIVE, """alicloud_nat_gateway tencentcloud_nat_gateway huaweicloud_nat_gateway
        aws_nat_gateway azurerm_nat_gateway"""),
    "eip": (FIVE, "alicloud_eip_address tencentcloud_eip huaweicloud_vpc_eip aws_eip azurerm_public_ip"),
    "database": (FIVE, """alicloud_db_instance alicloud_polardb_cluster tencentcloud_mysql_instance
        tencentcloud_postgresql_instance huaweicloud_rds_instance huaweicloud_gaussdb_mysql_instance
        aws_db_instance aws_rds_cluster azurerm_mssql_server azurerm_mysql_flexible_server
        azurerm_postgresql_flexible_server"""),
    "cache": (FIVE, """alicloud_kvstore_instance tencentcloud_redis_instance huaweicloud_dcs_instance
        aws_elasticache_replication_group azurerm_redis_cache"""),
    "object_storage": (FIVE, """alicloud_oss_bucket tencentcloud_cos_bucket huaweicloud_obs_bucket
        aws_s3_bucket azurerm_storage_account"""),
    "kms": (FIVE, """alicloud_kms_key tencentcloud_kms_key huaweicloud_kms_key aws_kms_key
        azurerm_key_vault_key"""),
    "log_store": (FIVE, """alicloud_log_project alicloud_log_store tencentcloud_cls_logset
        tencentcloud_cls_topic huaweicloud_lts_group huaweicloud_lts_stream aws_cloudwatch_log_group
        azurerm_log_analytics_workspace"""),
    "kubernetes": (FIVE, """alicloud_cs_managed_kubernetes alicloud_cs_kubernetes
        tencentcloud_kubernetes_cluster tencentcloud_kubernetes_cluster_endpoint huaweicloud_cce_cluster
        aws_eks_cluster azurerm_kubernetes_cluster"""),
    "cdn": (FIVE, """alicloud_cdn_domain_new tencentcloud_cdn_domain huaweicloud_cdn_domain
        aws_cloudfront_distribution azurerm_cdn_profile azurerm_cdn_endpoint"""),
    "dns": (FIVE, """alicloud_alidns_domain alicloud_alidns_record tencentcloud_dnspod_domain_instance
        tencentcloud_dnspod_record huaweicloud_dns_zone huaweicloud_dns_recordset aws_route53_zone
        aws_route53_record azurerm_dns_zone azurerm_dns_a_record"""),
    "iam": (FIVE, """alicloud_ram_role alicloud_ram_policy alicloud_ram_role_policy_attachment
        alicloud_ram_user alicloud_ram_group alicloud_ram_access_key tencentcloud_cam_role
        tencentcloud_cam_policy tencentcloud_cam_role_policy_attachment tencentcloud_cam_user
        tencentcloud_cam_group tencentcloud_cam_access_key huaweicloud_identity_role
        huaweicloud_identity_role_assignment huaweicloud_identity_user huaweicloud_identity_group
        huaweicloud_identity_access_key huaweicloud_identity_agency aws_iam_role aws_iam_policy
        aws_iam_role_policy_attachment aws_iam_user aws_iam_group aws_iam_access_key
        azurerm_role_definition azurerm_role_assignment"""),
    "sharing_and_delegation": (FIVE - {"tencentcloud"}, """alicloud_resource_manager_resource_share
        alicloud_resource_manager_shared_target alicloud_resource_manager_delegated_administrator
        huaweicloud_ram_resource_share huaweicloud_organizations_delegated_administrator
        aws_ram_resource_share aws_ram_principal_association aws_organizations_delegated_administrator
        azurerm_lighthouse_definition azurerm_lighthouse_assignment"""),
    "vpn": (FIVE, """alicloud_vpn_gateway alicloud_vpn_connection tencentcloud_vpn_gateway
        tencentcloud_vpn_connection huaweicloud_vpn_gateway huaweicloud_vpn_connection aws_vpn_gateway
        aws_vpn_connection aws_customer_gateway azurerm_virtual_network_gateway"""),
    "interconnect": (FIVE, """alicloud_cen_instance alicloud_express_connect_physical_connection
        tencentcloud_ccn tencentcloud_dc_gateway huaweicloud_cc_connection aws_ec2_transit_gateway
        aws_dx_connection azurerm_express_route_circuit"""),
}


def _types(category: str) -> list[str]:
    return COVERAGE[category][1].split()


@pytest.mark.parametrize("category", sorted(COVERAGE))
def test_category_is_listed_for_every_cloud(category):
    assert [t for t in _types(category) if not CATALOG.get(t).known] == []
    assert {CATALOG.get(t).cloud for t in _types(category)} == COVERAGE[category][0]


@pytest.mark.parametrize("category", ["iam", "cdn", "dns", "sharing_and_delegation"])
def test_global_services_have_no_location(category):
    regional = {  # resource shares live in a region
        "aws_ram_resource_share",
        "aws_ram_principal_association",
        "alicloud_resource_manager_resource_share",
        "alicloud_resource_manager_shared_target",
    }
    located = {t: CATALOG.get(t).placement for t in _types(category) if CATALOG.get(t).placement != "global"}
    assert located == {t: "regional" for t in _types(category) if t in regional}
    assert [t for t in _types(category) if t not in regional and CATALOG.get(t).region_attrs] == []


def test_interconnect_hubs_are_global():
    hubs = ["alicloud_cen_instance", "tencentcloud_ccn", "huaweicloud_cc_connection"]
    assert [CATALOG.get(t).placement for t in hubs] == ["global", "global", "global"]


def test_every_iam_and_sharing_type_is_control_plane():
    types = _types("iam") + _types("sharing_and_delegation")
    assert [t for t in types if not CATALOG.get(t).control_plane] == []
