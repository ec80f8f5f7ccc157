"""Provider resolution over Checkov graph vertices, as Terraform resolves it."""

from __future__ import annotations

import pytest

from permitguard.checkov.providers import GraphIndex, split_address
from permitguard.model import Unknown


@pytest.mark.parametrize(
    ("address", "path", "rest"),
    [
        ("alicloud_vpc.v", (), "alicloud_vpc.v"),
        ("module.a.module.b.alicloud_vpc.v", ("a", "b"), "alicloud_vpc.v"),
        ('module.a["k.1"].module.b[0].alicloud_vpc.v[2]', ('a["k.1"]', "b[0]"), "alicloud_vpc.v[2]"),
        ("module.a.inner", ("a",), "inner"),
    ],
)
def test_split_address(address, path, rest):
    assert split_address(address) == (path, rest)


def provider(address: str, name: str, line: int = 1, **conf) -> dict:
    return {
        "block_type_": "provider",
        "block_name_": name,
        "__address__": address,
        "file_path_": "/w/p.tf",
        "__start_line__": line,
        "config_": {name.split(".")[0]: {k: [v] for k, v in conf.items()}},
    }


def module(address: str, providers: dict | None = None) -> dict:
    return {
        "block_type_": "module",
        "__address__": address,
        **({"providers": providers} if providers else {}),
    }


INDEX = GraphIndex.of(
    [
        provider("alicloud.default", "alicloud", 1, region="cn-beijing"),
        provider("alicloud.hk", "alicloud.hk", 5, region="cn-hongkong"),
        provider("module.own.alicloud.default", "alicloud", 9, region="cn-shanghai"),
        module("mapped", {"alicloud": "alicloud.hk"}),
        module("module.mapped.deep"),
        module("partial", {"aws": "aws.x"}),
        module("own"),
        module("plain"),
    ],
    root="/w",
)


@pytest.mark.parametrize(
    ("address", "meta", "region", "origin"),
    [
        ("alicloud_vpc.v", None, "cn-beijing", "provider alicloud (p.tf:1)"),
        ("alicloud_vpc.v", "alicloud.hk", "cn-hongkong", "provider alicloud.hk (p.tf:5)"),
        ("module.mapped.module.deep.alicloud_vpc.v", None, "cn-hongkong", "provider alicloud.hk (p.tf:5)"),
        ("module.own.alicloud_vpc.v", None, "cn-shanghai", "provider module.own.alicloud (p.tf:9)"),
        ("module.plain.alicloud_vpc.v", None, "cn-beijing", "provider alicloud (p.tf:1)"),
        ("tencentcloud_vpc.v", None, None, "provider tencentcloud (no provider block)"),
        (
            "module.partial.alicloud_vpc.v",
            None,
            "cn-beijing",
            "provider alicloud (p.tf:1)",
        ),  # map names aws only
    ],
)
def test_provider_resolution(address, meta, region, origin):
    found = INDEX.provider_for(address, address.rsplit(".", 2)[-2], meta)
    assert (found.region, found.origin) == (region, origin)


@pytest.mark.parametrize(
    ("address", "meta", "why"),
    [
        (
            "module.plain.alicloud_vpc.v",
            "alicloud.edge",
            "provider alicloud.edge is not passed to module.plain",
        ),
        ("alicloud_vpc.v", "alicloud.nowhere", "no provider block alicloud.nowhere"),
    ],
)
def test_unresolvable_provider_is_unknown(address, meta, why):
    found = INDEX.provider_for(address, "alicloud_vpc", meta)
    assert isinstance(found.region, Unknown) and found.region.why == why
