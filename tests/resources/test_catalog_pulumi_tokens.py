"""Pulumi tokens in the catalog are real: registered by the installed SDKs, one type each, bridge-shaped."""

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from permitguard.resources import ResourceTypeCatalog

CATALOG = ResourceTypeCatalog.load()
SDKS = {"alicloud": "pulumi_alicloud", "aws": "pulumi_aws", "azurerm": "pulumi_azure"}
_REGISTERED = re.compile(r"__init__\(\s*'([a-z][a-z0-9-]*:[^'\s]+)'")


def _registered_tokens(module: str) -> set[str]:
    """Every token a Pulumi Python SDK registers: `super().__init__('pkg:mod/name:Type', ...)`."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{module} is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    return {
        token
        for path in root.rglob("*.py")
        for token in _REGISTERED.findall(path.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize("cloud", sorted(SDKS))
def test_catalog_tokens_are_registered_by_the_installed_sdk(cloud):
    ours = {token for info in CATALOG.types() if info.cloud == cloud for token in info.pulumi_tokens}
    assert ours, f"no {cloud} token in the catalog"
    assert sorted(ours - _registered_tokens(SDKS[cloud])) == []


def test_no_token_maps_to_two_types():
    counts = Counter(token for info in CATALOG.types() for token in info.pulumi_tokens)
    assert [token for token, n in counts.items() if n > 1] == []


def test_every_token_leads_back_to_its_type():
    pairs = [(token, info.type) for info in CATALOG.types() for token in info.pulumi_tokens]
    assert [(t, ty) for t, ty in pairs if CATALOG.by_pulumi_token(t).type != ty] == []


def test_tokens_follow_the_bridge_naming_convention():
    """<package>:<module>/<lowerCamel Type>:<Type>, the package a bridged package of the type's cloud."""
    odd = []
    for info in CATALOG.types():
        for token in info.pulumi_tokens:
            package, module, name = token.split(":")
            expected_file = name[0].lower() + name[1:]
            if (
                module.split("/")[-1] != expected_file
                or CATALOG.cloud_of_pulumi_package(package) != info.cloud
            ):
                odd.append(token)
    assert odd == []


def test_s3_bucket_has_both_bucket_tokens():
    assert CATALOG.get("aws_s3_bucket").pulumi_tokens == ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")


def test_types_the_bridges_do_not_publish_have_no_tokens():
    unpublished = [
        "tencentcloud_security_group_rule",
        "tencentcloud_security_group_lite_rule",
        "tencentcloud_ccn_attachment",
        "huaweicloud_vpn_gateway",
        "azuread_user",
    ]
    assert [CATALOG.get(t).pulumi_tokens for t in unpublished] == [()] * len(unpublished)
