"""Checkov conf → attributes: unwrapping, nested blocks, unresolved expressions, the resource's cloud."""

from __future__ import annotations

import pytest

from permitguard.checkov import normalise
from permitguard.model import Unknown


def test_hcl_values_are_unwrapped_and_blocks_become_lists_of_dicts():
    conf = {
        "__start_line__": 1,
        "__address__": "alicloud_instance.x",
        "provider": ["alicloud.hz"],
        "count": [2],
        "instance_type": ["ecs.g6.large"],
        "security_groups": [["sg-1", "sg-2"]],
        "port": [22],
        "tags": [{"license-service": "idc", "Name": "x"}],
        "empty": [{}],
        "data_disks": [{"size": [20]}, {"size": [40], "__start_line__": [3]}],
        "ingress": [{"from_port": [22]}],
    }
    assert normalise.attributes(conf) == {
        "instance_type": "ecs.g6.large",
        "security_groups": ["sg-1", "sg-2"],
        "port": 22,
        "tags": {"license-service": "idc", "Name": "x"},
        "empty": {},
        "data_disks": [{"size": 20}, {"size": 40}],
        "ingress": [{"from_port": 22}],
    }


def test_json_documents_stay_maps_even_when_every_value_is_a_list():
    policy = {"Statement": [{"Effect": "Allow", "Principal": "*"}]}
    assert normalise.attributes({"assume_role_policy": [policy]}) == {"assume_role_policy": policy}


def test_plan_bookkeeping_keys_are_dropped():
    conf = {
        "__file__": ["/p/plan.json"],
        "__startline__": [1],
        "start_line": [0],
        "cidr_block": ["10.0.0.0/16"],
    }
    assert normalise.attributes(conf) == {"cidr_block": "10.0.0.0/16"}


@pytest.mark.parametrize(
    "text",
    [
        "var.region",
        "var.cfg.region",
        'var.m["k"]',
        "local.region",
        "module.net.vpc_id",
        "data.aws_ami.x.id",
        "${var.region}-a",
        "each.value",
        "count.index",
        "ingress.value",
        "aws_vpc.main.id",
        'lookup(var.m, "k")',
    ],
)
def test_unrendered_expressions_are_unknown(text):
    value = normalise.wrapped([text])
    assert isinstance(value, Unknown) and value.why == f"unresolved reference {text}"


@pytest.mark.parametrize(
    "text",
    [
        "cn-beijing",
        "ecs.g6.large",
        "data.csv",
        "10.0.0.0/8",
        "acs:ram::1:root",
        "arn:aws-cn:iam::111122223333:root",
        "ecs.aliyuncs.com",
        "0.0.0.0/0",
    ],
)
def test_literals_stay_literals(text):
    assert normalise.wrapped([text]) == text


@pytest.mark.parametrize(
    "text",
    [
        "lookup({'prod': 'cn-beijing'}, 'dev')",
        'terraform.workspace == "prod" ? "cn-beijing" : "cn-hongkong"',
        "element(['cn-beijing-h', 'cn-beijing-i'], 3)",
    ],
)
def test_expressions_checkov_could_not_evaluate_are_unknown(text):
    value = normalise.wrapped([text])
    assert isinstance(value, Unknown) and value.why == f"unresolved expression {text}"



def test_unknown_inside_maps_and_lists():
    value = normalise.wrapped([{"license-service": "var.service", "list": ["a", "${local.b}"]}])
    assert value["license-service"].why == "unresolved reference var.service"
    assert value["list"][0] == "a" and isinstance(value["list"][1], Unknown)


@pytest.mark.parametrize(
    ("resource_type", "provider", "cloud"),
    [
        ("alicloud_instance", None, "alicloud"),
        ("alicloud_instance", "alicloud.hz", "alicloud"),
        ("aws_vpc", "aws.west", "aws"),
        ("azurerm_resource_group", None, "azurerm"),
    ],
)
def test_cloud_is_the_provider_local_name(resource_type, provider, cloud):
    assert normalise.cloud_of(resource_type, provider) == cloud
