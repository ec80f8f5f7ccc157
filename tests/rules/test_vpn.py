"""CKV_CNLIC_402 (VPN cryptography: SM2/SM3/SM4 where offered) and CKV_CNLIC_403 (no internet egress for VPN
client networks) on hand-built resources, per cloud; CKV_CNLIC_401's own VPN peers (organization.vpn_peers);
and the VPN catalog held to the resource-type and rule catalogs."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from helpers import judge, make, shown
from permitguard import datafiles
from permitguard.context import Subject
from permitguard.model import Status, Unknown
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules.links import RULES as LINK_RULES
from permitguard.rules.vpn import RULES
from permitguard.vpn_catalog import VpnCatalog

SM, EGRESS, LINK = RULES["CKV_CNLIC_402"], RULES["CKV_CNLIC_403"], LINK_RULES["CKV_CNLIC_401"]
VPN, TYPES = VpnCatalog.load(), ResourceTypeCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE


def verdict(rule, ctx, type_, **kw):
    v = judge(rule, ctx, make(type_, **kw))
    return v.status, v.reason


def joined(rule, ctx, resource, peers):
    """A verdict judged in a configuration (`peers`), as the CLI and Checkov front doors judge it."""
    return rule(Subject(resource, ctx, Peers(peers, ctx.types)), ctx)


# ---------------------------------------------------------------- 402, per cloud
@pytest.mark.parametrize(("attrs", "expected"), [
    ({"vpn_type": "NationalStandard"}, (PASSED, "sm")),
    ({"vpn_type": "nationalstandard"}, (PASSED, "sm")),  # the schema ignores case
    ({}, (FAILED, "not_sm_default")),  # Normal by default
    ({"vpn_type": "Normal"}, (FAILED, "not_sm")),
    ({"vpn_type": Unknown()}, (FAILED, "crypto_unresolved")),
    ({"enable_ipsec": False, "enable_ssl": True}, (NA, "no_sm_option")),  # SSL only: no SM cipher offered
    ({"enable_ipsec": Unknown(), "vpn_type": "NationalStandard"}, (FAILED, "crypto_unresolved")),
])
def test_alicloud_gateway_type(ctx, attrs, expected):
    assert verdict(SM, ctx, "alicloud_vpn_gateway", provider_region="cn-beijing", **attrs) == expected


def test_alicloud_connection_every_phase_and_both_tunnel_shapes(ctx):
    sm = {"ike_config": [{"ike_enc_alg": "sm4", "ike_auth_alg": "sm3"}],
          "ipsec_config": [{"ipsec_enc_alg": "sm4", "ipsec_auth_alg": "sm3"}]}
    assert verdict(SM, ctx, "alicloud_vpn_connection", **sm) == (PASSED, "sm")
    tunnels = [{"tunnel_ike_config": [{"ike_enc_alg": "sm4", "ike_auth_alg": "sm3"}],
                "tunnel_ipsec_config": [{"ipsec_enc_alg": "sm4", "ipsec_auth_alg": "sm3"}]},
               {"tunnel_ike_config": [{"ike_enc_alg": "aes256", "ike_auth_alg": "sm3"}],
                "tunnel_ipsec_config": [{"ipsec_enc_alg": "sm4", "ipsec_auth_alg": "sm3"}]}]
    v = judge(SM, ctx, make("alicloud_vpn_connection", tunnel_options_specification=tunnels))
    assert (v.status, v.reason, v.facts["attr"], v.facts["value"]) == (
        FAILED, "not_sm", "tunnel_options_specification.tunnel_ike_config.ike_enc_alg", "aes256")
    v = judge(SM, ctx, make("alicloud_vpn_connection"))
    assert (v.reason, v.facts["value"]) == ("not_sm_default", "aes")  # absent = default = not SM
    no_hash = {**sm, "ike_config": [{"ike_enc_alg": "sm4"}]}
    assert verdict(SM, ctx, "alicloud_vpn_connection", **no_hash) == (FAILED, "not_sm_unset")


def test_alicloud_ssl_vpn_server_is_not_applicable_and_says_why(ctx):
    v = judge(SM, ctx, make("alicloud_ssl_vpn_server", cipher="AES-128-CBC"))
    assert (v.status, v.reason) == (NA, "no_sm_option")
    assert "no SM cipher" in shown(v, ctx)["because"] and "国密" in shown(v, ctx, "zh")["because"]


@pytest.mark.parametrize(("attrs", "expected"), [
    ({"ike_proto_encry_algorithm": "SM4", "ipsec_encrypt_algorithm": "SM4"}, (PASSED, "sm")),
    ({"ike_proto_encry_algorithm": "SM4"}, (FAILED, "not_sm_default")),  # IPsec: 3DES-CBC by default
    ({"ike_proto_encry_algorithm": "AES-CBC-256", "ipsec_encrypt_algorithm": "SM4"}, (FAILED, "not_sm")),
    ({"ike_proto_encry_algorithm": "SM4", "ipsec_encrypt_algorithm": Unknown()},
     (FAILED, "crypto_unresolved")),
])
def test_tencentcloud_connection_judges_ciphers_only(ctx, attrs, expected):
    # Tencent offers no SM3 hash: an MD5 integrity algorithm does not fail the rule
    tc = "tencentcloud_vpn_connection"
    assert verdict(SM, ctx, tc, ike_proto_authen_algorithm="MD5", **attrs) == expected


def test_huaweicloud_flavor_and_policies(ctx):
    assert verdict(SM, ctx, "huaweicloud_vpn_gateway", flavor="GM") == (PASSED, "sm")
    v = judge(SM, ctx, make("huaweicloud_vpn_gateway"))
    assert (v.reason, v.facts["value"]) == ("not_sm_default", "Professional1")
    policies = {"ikepolicy": [{"encryption_algorithm": "sm4", "authentication_algorithm": "sm3"}],
                "ipsecpolicy": [{"encryption_algorithm": "sm4", "authentication_algorithm": "sha2-256"}]}
    v = judge(SM, ctx, make("huaweicloud_vpn_connection", **policies))
    assert (v.reason, v.facts["attr"]) == ("not_sm", "ipsecpolicy.authentication_algorithm")


def test_volcengine_flat_attributes(ctx):
    flat = {"ike_config_enc_alg": "sm4", "ike_config_auth_alg": "sm3", "ipsec_config_enc_alg": "sm4",
            "ipsec_config_auth_alg": "sm3"}
    assert verdict(SM, ctx, "volcengine_vpn_connection", **flat) == (PASSED, "sm")
    assert verdict(SM, ctx, "volcengine_vpn_connection", ike_config_auth_alg="sm3") == (
        FAILED, "not_sm_default")


@pytest.mark.parametrize("type_", ["aws_vpn_connection", "aws_ec2_client_vpn_endpoint",
                                   "azurerm_virtual_network_gateway_connection",
                                   "azurerm_virtual_network_gateway", "azurerm_point_to_site_vpn_gateway",
                                   "baiducloud_vpn_conn"])
def test_clouds_without_an_sm_option_are_not_applicable_never_failed(ctx, type_):
    assert verdict(SM, ctx, type_, tunnel1_phase1_encryption_algorithms=["AES128"]) == (NA, "no_sm_option")


def test_a_type_without_vpn_cryptography_is_not_applicable(ctx):
    assert verdict(SM, ctx, "alicloud_instance") == (NA, "not_vpn_crypto")


# ---------------------------------------------------------------- 403, per cloud
@pytest.mark.parametrize(("local", "expected"), [
    ("10.8.0.0/16,10.9.0.0/16", (PASSED, "split_tunnel")),
    ("10.8.0.0/16, 0.0.0.0/0", (FAILED, "full_tunnel")),  # comma-joined, blanks aside
    ("10.8.0.0/16,vpc-default", (FAILED, "unreadable_range")),
    (Unknown("known only after apply: read from data source data.alicloud_vpcs.default"),
     (FAILED, "egress_unresolved")),
])
def test_alicloud_ssl_server_local_subnet(ctx, local, expected):
    assert verdict(EGRESS, ctx, "alicloud_ssl_vpn_server", client_ip_pool="192.168.1.0/24",
                   local_subnet=local) == expected


def test_tencent_and_huawei_servers_pushing_a_default_route(ctx):
    assert verdict(EGRESS, ctx, "tencentcloud_vpn_ssl_server", local_address=["10.0.0.0/16", "0.0.0.0/0"],
                   remote_address="192.168.2.0/24") == (FAILED, "full_tunnel")
    assert verdict(EGRESS, ctx, "huaweicloud_vpn_server", local_subnets=["10.0.0.0/16"],
                   client_cidr="192.168.3.0/24") == (PASSED, "split_tunnel")
    assert verdict(EGRESS, ctx, "huaweicloud_vpn_server", client_cidr="192.168.3.0/24") == (
        FAILED, "egress_not_stated")  # local_subnets is required: its absence is no split tunnel


def test_aws_client_vpn_route_to_the_internet(ctx):
    assert verdict(EGRESS, ctx, "aws_ec2_client_vpn_route", destination_cidr_block="0.0.0.0/0") == (
        FAILED, "default_route")
    assert verdict(EGRESS, ctx, "aws_ec2_client_vpn_route", destination_cidr_block="::/0") == (
        FAILED, "default_route")
    assert verdict(EGRESS, ctx, "aws_ec2_client_vpn_route", destination_cidr_block="10.50.0.0/16") == (
        PASSED, "private_route")
    assert verdict(EGRESS, ctx, "aws_ec2_client_vpn_authorization_rule", target_network_cidr="0.0.0.0/0") == (
        NA, "not_egress")


def test_client_vpn_routes_are_no_ingress_exposure_for_202(ctx):
    from permitguard.rules.control_plane import RULES as CONTROL

    for type_, attr in (("aws_ec2_client_vpn_route", "destination_cidr_block"),
                        ("aws_ec2_client_vpn_authorization_rule", "target_network_cidr")):
        route = make(type_, provider_region="cn-north-1", **{attr: "0.0.0.0/0"})
        v = judge(CONTROL["CKV_CNLIC_202"], ctx, route)
        assert (v.status, v.reason) == (NA, "no_exposure"), type_


def test_azure_point_to_site_internet_security(ctx):
    on = [{"name": "c", "internet_security_enabled": True,
           "vpn_client_address_pool": [{"address_prefixes": ["172.30.0.0/24"]}]}]
    assert verdict(EGRESS, ctx, "azurerm_point_to_site_vpn_gateway", connection_configuration=on) == (
        FAILED, "internet_switch")
    default = [{"name": "c", "vpn_client_address_pool": [{"address_prefixes": ["172.30.0.0/24"]}]}]
    assert verdict(EGRESS, ctx, "azurerm_point_to_site_vpn_gateway", connection_configuration=default) == (
        PASSED, "no_internet_switch")


def test_snat_entries_are_judged_against_the_client_pools_of_their_configuration(ctx):
    pool = make("alicloud_ssl_vpn_server", client_ip_pool="192.168.100.0/24", local_subnet="10.0.0.0/16")
    other_cloud = make("tencentcloud_vpn_ssl_server", remote_address="10.8.1.0/24",
                       local_address=["10.0.0.0/8"])
    staff = make("alicloud_snat_entry", source_cidr="192.168.100.0/25")
    app = make("alicloud_snat_entry", source_cidr="10.8.1.0/24")
    v = joined(EGRESS, ctx, staff, [pool, other_cloud, staff, app])
    assert (v.status, v.reason, v.facts["pool"]) == (FAILED, "snat_client_pool", "alicloud_ssl_vpn_server.r")
    assert joined(EGRESS, ctx, app, [pool, other_cloud, staff, app]).reason == "snat_not_client_pool"
    assert joined(EGRESS, ctx, app, [app]).reason == "no_client_pool"
    unknown_pool = make("alicloud_vpn_ipsec_server", client_ip_pool=Unknown(), local_subnet="10.0.0.0/16")
    assert joined(EGRESS, ctx, app, [app, unknown_pool]).status is FAILED  # could not be established
    assert joined(EGRESS, ctx, app, [app, unknown_pool]).reason == "pool_unresolved"
    every = make("alicloud_snat_entry", source_cidr="0.0.0.0/0")
    assert joined(EGRESS, ctx, every, [pool, every]).reason == "snat_client_pool"
    assert joined(EGRESS, ctx, make("alicloud_snat_entry", source_cidr=Unknown()), [pool]).reason == (
        "egress_unresolved")
    assert joined(EGRESS, ctx, make("alicloud_snat_entry", source_vswitch_id="vsw-1"), [pool]).reason == (
        "no_source_range")


def test_a_pool_of_another_root_is_not_this_configuration(ctx):
    pool = dataclasses.replace(make("huaweicloud_vpn_server", client_cidr="192.168.9.0/24"), root="live/b")
    snat = dataclasses.replace(make("huaweicloud_nat_snat_rule", cidr="192.168.9.0/24"), root="live/a")
    assert joined(EGRESS, ctx, snat, [pool, snat]).reason == "no_client_pool"


def test_without_its_configuration_a_snat_entry_says_it_cannot_see_the_pools(ctx):
    assert verdict(EGRESS, ctx, "volcengine_snat_entry", source_cidr="192.168.0.0/16") == (
        NA, "pools_not_visible")


# ---------------------------------------------------------------- 401: the organisation's own VPN peers
def test_a_customer_gateway_listed_in_vpn_peers_is_a_mainland_end(ctx):
    gateway = make("aws_customer_gateway", provider_region="cn-north-1", ip_address="192.0.2.5")
    listed = judge(LINK, ctx, gateway)
    assert (listed.status, listed.reason) == (PASSED, "domestic")
    assert "Beijing head office" in shown(listed, ctx)["ends"]
    fqdn = judge(LINK, ctx, make("azurerm_local_network_gateway", location="chinaeast2",
                                 gateway_fqdn="VPN-BJ.example-operator.cn."))
    assert (fqdn.status, fqdn.reason) == (PASSED, "domestic")  # a domain name: case and root dot aside


def test_an_address_not_listed_still_fails_closed_and_says_how_to_fix(ctx):
    v = judge(LINK, ctx, make("aws_customer_gateway", provider_region="cn-north-1", ip_address="203.0.113.5"))
    assert (v.status, v.reason) == (FAILED, "address_only")
    assert "organization.vpn_peers" in ctx.rules["CKV_CNLIC_401"].messages["address_only"].en


def test_a_connection_is_placed_by_the_gateway_the_reader_resolved(ctx):
    own = {"gateway": "alicloud_vpn_customer_gateway.bj", "addresses": ["192.0.2.20"]}
    other = {"gateway": "alicloud_vpn_customer_gateway.x", "addresses": ["203.0.113.20"]}
    conn = "alicloud_vpn_connection"
    assert verdict(LINK, ctx, conn, provider_region="cn-beijing", customer_gateway_id=own) == (
        PASSED, "domestic")
    assert verdict(LINK, ctx, conn, provider_region="cn-beijing", customer_gateway_id=other) == (
        FAILED, "gateway_address_only")
    assert verdict(LINK, ctx, conn, provider_region="cn-beijing", customer_gateway_id=Unknown()) == (
        FAILED, "gateway_end")


def test_vpn_peers_are_validated_with_the_profile(tmp_path):
    from permitguard.errors import ProfileError
    from permitguard.license_file import load_profile

    text = (datafiles.data_path("licenses", "B1-20195402.yaml")).read_text("utf-8")
    bad = text.replace("cidrs: [192.0.2.16/28]", "cidrs: [192.0.2.300/28]")
    path = tmp_path / "p.yaml"
    path.write_text(bad, "utf-8")
    with pytest.raises(ProfileError, match=r"vpn_peers\[1\]\.cidrs\[0\]"):
        load_profile(path, "--license")


# ---------------------------------------------------------------- the VPN catalog against the other catalogs
def _rules_yaml() -> dict:
    return {r["id"]: r for r in yaml.safe_load(datafiles.data_path("rules.yaml").read_text("utf-8"))["rules"]}


def test_vpn_catalog_is_valid_against_its_schema():
    data = yaml.safe_load(datafiles.data_path("vpn.yaml").read_text("utf-8"))
    assert datafiles.schema_errors("vpn.schema.json", data) == []


def test_every_vpn_type_is_in_the_resource_type_catalog_and_judged_one_way():
    assert [t for t in [*VPN.crypto_types(), *VPN.egress_types()] if TYPES.uncatalogued(t)] == []
    assert set(VPN.cryptography).isdisjoint(VPN.no_sm_option)
    assert set(VPN.egress).isdisjoint(VPN.not_egress)


def test_every_type_a_rule_reads_is_named_in_its_catalog_definition_for_its_cloud():
    rules = _rules_yaml()
    for rule_id, types in (("CKV_CNLIC_402", VPN.crypto_types()), ("CKV_CNLIC_403", VPN.egress_types())):
        inspects = rules[rule_id]["inspects"]
        assert [t for t in types if t not in inspects[TYPES.get(t).cloud]] == [], rule_id
        assert rules[rule_id]["unknown"]
        assert set(inspects) >= {"alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm", "volcengine",
                                 "baiducloud"}
