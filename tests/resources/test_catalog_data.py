"""The packaged resource-type catalog: schema-valid, and exact where rules depend on it."""

import json
from importlib.resources import files

import pytest
import yaml
from jsonschema import Draft202012Validator

from permitguard.resources import ResourceTypeCatalog, TrustSpec

CATALOG = ResourceTypeCatalog.load()

def _raw() -> dict:
    return yaml.safe_load((files("permitguard") / "data" / "resource_types.yaml").read_text(encoding="utf-8"))


def test_packaged_catalog_is_valid_against_its_schema():
    schema = json.loads(
        (files("permitguard") / "schemas" / "resource_types.schema.json").read_text(encoding="utf-8")
    )
    Draft202012Validator.check_schema(schema)
    assert [e.json_path for e in Draft202012Validator(schema).iter_errors(_raw())] == []


def test_trust_granting_types_and_their_attributes():
    trust = {info.type: info.trust for info in CATALOG.types() if info.trust}
    assert trust == {
        "alicloud_ram_role": (
            TrustSpec("assume_role_policy_document", "policy_document"),
            TrustSpec("document", "policy_document"),
            TrustSpec("ram_users", "principal_list"),
        ),
        "alicloud_resource_manager_role": (TrustSpec("assume_role_policy_document", "policy_document"),),
        "alicloud_resource_manager_resource_share": (
            TrustSpec("targets", "principal_list"),
            TrustSpec("allow_external_targets", "external_switch"),
        ),
        "alicloud_resource_manager_shared_target": (TrustSpec("target_id", "account"),),
        "alicloud_resource_manager_delegated_administrator": (TrustSpec("account_id", "account"),),
        "tencentcloud_cam_role": (TrustSpec("document", "policy_document"),),
        "tencentcloud_cam_role_by_name": (TrustSpec("document", "policy_document"),),
        "huaweicloud_identity_agency": (TrustSpec("delegated_domain_name", "domain"),),
        "huaweicloud_identity_trust_agency": (TrustSpec("trust_policy", "policy_document"),),
        "huaweicloud_ram_resource_share": (TrustSpec("principals", "principal_list"),),
        "huaweicloud_organizations_delegated_administrator": (TrustSpec("account_id", "account"),),
        "aws_iam_role": (TrustSpec("assume_role_policy", "policy_document"),),
        "aws_ram_resource_share": (TrustSpec("allow_external_principals", "external_switch"),),
        "aws_ram_principal_association": (TrustSpec("principal", "account"),),
        "aws_organizations_delegated_administrator": (TrustSpec("account_id", "account"),),
        "azurerm_lighthouse_definition": (TrustSpec("managing_tenant_id", "tenant"),),
        "tencentcloud_organization_org_member_auth_identity_attachment": (
            TrustSpec("member_uin", "account"),
        ),
        "aws_eks_access_entry": (TrustSpec("principal_arn", "account"),),
        "aws_eks_access_policy_association": (TrustSpec("principal_arn", "account"),),
        "azurerm_key_vault_access_policy": (TrustSpec("tenant_id", "tenant"),),
        "volcengine_iam_role": (TrustSpec("trust_policy_document", "policy_document"),),
    }


def test_ingress_shapes():
    assert {info.type: info.ingress for info in CATALOG.types() if info.ingress} == {
        "alicloud_security_group_rule": "alicloud_sg_rule",
        "tencentcloud_security_group_rule": "tencent_sg_rule",
        "tencentcloud_security_group_rule_set": "tencent_sg_rule_set",
        "tencentcloud_security_group_lite_rule": "tencent_sg_lite_rule",
        "huaweicloud_networking_secgroup_rule": "huawei_secgroup_rule",
        "aws_security_group": "aws_sg_inline",
        "aws_security_group_rule": "aws_sg_rule",
        "aws_vpc_security_group_ingress_rule": "aws_vpc_sg_ingress",
        "azurerm_network_security_group": "azure_nsg_inline",
        "azurerm_network_security_rule": "azure_nsg_rule",
        "huaweicloud_networking_secgroup_rule_v2": "huawei_secgroup_rule",
        "tencentcloud_vpc_acl": "tencent_sg_lite_rule",
        "tencentcloud_cfw_edge_policy": "tencent_cfw_policy",
        "tencentcloud_cfw_nat_policy": "tencent_cfw_policy",
        "aws_network_acl": "aws_nacl",
        "aws_default_network_acl": "aws_nacl",
        "aws_network_acl_rule": "aws_nacl_entry",
        "aws_default_security_group": "aws_sg_inline",
        "alicloud_network_acl": "alicloud_nacl",
        "huaweicloud_vpc_network_acl": "huawei_nacl",
        "huaweicloud_network_acl_rule": "huawei_acl_entry",
        "baiducloud_security_group_rule": "baidu_sg_rule",
        "volcengine_security_group_rule": "volcengine_sg_rule",
    }


def test_kubernetes_endpoint_shapes():
    assert {info.type: info.endpoint for info in CATALOG.types() if info.endpoint} == {
        "alicloud_cs_managed_kubernetes": "alicloud_cs",
        "alicloud_cs_kubernetes": "alicloud_cs",
        "alicloud_cs_serverless_kubernetes": "alicloud_cs",
        "tencentcloud_kubernetes_cluster": "tencent_tke",
        "tencentcloud_kubernetes_cluster_endpoint": "tencent_tke_endpoint",
        "huaweicloud_cce_cluster": "huawei_cce",
        "aws_eks_cluster": "aws_eks",
        "azurerm_kubernetes_cluster": "azure_aks",
    }


@pytest.mark.parametrize(
    ("tf_type", "placement", "region_attrs", "zone_attrs"),
    [
        ("alicloud_instance", "zonal", (), ("availability_zone",)),
        ("alicloud_vswitch", "zonal", (), ("zone_id",)),
        ("tencentcloud_instance", "zonal", (), ("availability_zone",)),
        ("huaweicloud_compute_instance", "zonal", ("region",), ("availability_zone",)),
        ("aws_instance", "zonal", ("region",), ("availability_zone",)),
        ("aws_subnet", "zonal", ("region",), ("availability_zone", "availability_zone_id")),
        ("aws_db_instance", "zonal", ("region",), ("availability_zone",)),
        ("azurerm_resource_group", "regional", ("location",), ("zone", "zones")),
        ("azurerm_linux_virtual_machine", "regional", ("location",), ("zone",)),
        ("azurerm_kubernetes_cluster", "regional", ("location",), ("default_node_pool.zones",)),
        ("alicloud_alb_load_balancer", "regional", (), ("zone_mappings.zone_id",)),
        (
            "alicloud_cen_instance_attachment",
            "regional",
            ("child_instance_region_id",),
            ("availability_zone", "zone_id"),
        ),
        ("azurerm_network_security_rule", "child", (), ()),
    ],
)
def test_where_a_type_keeps_its_location(tf_type, placement, region_attrs, zone_attrs):
    info = CATALOG.get(tf_type)
    assert (info.placement, info.region_attrs, info.zone_attrs) == (placement, region_attrs, zone_attrs)


def test_tags_attribute_is_null_for_types_without_tags():
    assert [
        CATALOG.get(t).tags_attr for t in ("aws_iam_role", "aws_iam_group", "alicloud_security_group_rule")
    ] == ["tags", None, None]


def test_every_type_states_its_footprint():
    assert {info.footprint for info in CATALOG.types()} == {"room", "logical"}


@pytest.mark.parametrize(("tf_type", "footprint"), [
    ("alicloud_instance", "room"), ("alicloud_nat_gateway", "room"), ("alicloud_eip_address", "room"),
    ("alicloud_cs_managed_kubernetes", "room"), ("alicloud_express_connect_physical_connection", "room"),
    ("alicloud_vpn_gateway", "room"), ("tencentcloud_clb_instance", "room"), ("aws_db_instance", "room"),
    ("alicloud_security_group_rule", "logical"), ("alicloud_ram_role", "logical"),
    ("tencentcloud_cam_policy", "logical"), ("huaweicloud_identity_agency", "logical"),
    ("aws_iam_role_policy_attachment", "logical"), ("aws_route53_record", "logical"),
    ("azurerm_network_security_rule", "logical"), ("alicloud_vpc", "logical"),
])
def test_footprint_decisions(tf_type, footprint):
    assert CATALOG.get(tf_type).footprint == footprint


def test_a_type_not_in_the_catalog_has_no_footprint():
    assert CATALOG.get("alicloud_brand_new_thing").occupies_room is None


def test_defaults_that_decide_a_verdict_are_recorded_with_their_source():
    found = {info.type: {d.attr: d.value for d in info.defaults} for info in CATALOG.types() if info.defaults}
    assert found["alicloud_cs_managed_kubernetes"] == {"slb_internet_enabled": True}
    assert found["aws_eks_cluster"] == {"vpc_config.endpoint_public_access": True,
                                        "vpc_config.public_access_cidrs": ["0.0.0.0/0"]}
    assert found["azurerm_kubernetes_cluster"] == {"private_cluster_enabled": False}
    assert found["tencentcloud_kubernetes_cluster"] == {"cluster_internet": False}
    assert found["alicloud_security_group_rule"] == {"policy": "accept"}
    sources = [d.source for info in CATALOG.types() for d in info.defaults]
    assert all(s.startswith(("https://", "schema: ")) for s in sources)
