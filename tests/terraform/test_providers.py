"""Provider resolution as Terraform resolves it (permitguard.terraform.providers)."""

from __future__ import annotations

import pytest

from permitguard.model import Unknown
from permitguard.terraform.providers import ProviderIndex, split_address


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


def index() -> ProviderIndex:
    found = ProviderIndex(region_attrs={"alicloud": ("region",)})
    found.add_block((), "alicloud", {"region": "cn-beijing"}, "p.tf:1")
    found.add_block((), "alicloud.hk", {"region": "cn-hongkong"}, "p.tf:5")
    found.add_block(("own",), "alicloud", {"region": "cn-shanghai"}, "m.tf:9")
    found.passed[("mapped",)] = {"alicloud": "alicloud.hk"}
    found.passed[("partial",)] = {"aws": "aws.x"}
    found.passed[('each["a"]',)] = {"alicloud": "alicloud.hk"}
    return found


@pytest.mark.parametrize(
    ("address", "meta", "region", "origin"),
    [
        ("alicloud_vpc.v", None, "cn-beijing", "provider alicloud (p.tf:1)"),
        ("alicloud_vpc.v", "alicloud.hk", "cn-hongkong", "provider alicloud.hk (p.tf:5)"),
        ("module.mapped.module.deep.alicloud_vpc.v", None, "cn-hongkong", "provider alicloud.hk (p.tf:5)"),
        ('module.each["a"].alicloud_vpc.v', None, "cn-hongkong", "provider alicloud.hk (p.tf:5)"),
        ("module.own.alicloud_vpc.v", None, "cn-shanghai", "provider module.own.alicloud (m.tf:9)"),
        ("module.plain.alicloud_vpc.v", None, "cn-beijing", "provider alicloud (p.tf:1)"),
        ("tencentcloud_vpc.v", None, None, "provider tencentcloud (no provider block)"),
        ("module.partial.alicloud_vpc.v", None, "cn-beijing", "provider alicloud (p.tf:1)"),  # map: aws only
    ],
)
def test_provider_resolution(address, meta, region, origin):
    found = index().resolve(address, address.rsplit(".", 2)[-2].split("[")[0], meta)
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
    found = index().resolve(address, "alicloud_vpc", meta)
    assert isinstance(found.region, Unknown) and found.region.why == why
