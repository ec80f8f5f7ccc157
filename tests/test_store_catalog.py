"""The store catalog (data/stores.yaml): valid against its schema, and refused when it contradicts itself."""

from __future__ import annotations

import copy

import pytest

from permitguard import datafiles
from permitguard.errors import CatalogError
from permitguard.store_catalog import StoreCatalog


def _doc() -> dict:
    return copy.deepcopy(datafiles.load_data("stores.yaml", "stores.schema.json"))


def test_the_packaged_catalog_is_valid_and_indexes_companions():
    assert datafiles.schema_errors("stores.schema.json", _doc()) == []
    stores = StoreCatalog.load()
    assert stores.store_of_companion("aws_s3_bucket_public_access_block").type == "aws_s3_bucket"
    assert stores.store("aws_s3_bucket").encrypted_by_default is True
    assert stores.store("alicloud_oss_bucket").encrypted_by_default is False
    assert stores.store_of_companion("aws_vpc") is None


def test_a_companion_of_two_stores_is_refused():
    doc = _doc()
    doc["stores"]["tencentcloud_cos_bucket"]["companions"]["aws_s3_bucket_acl"] = {"join": "bucket"}
    with pytest.raises(CatalogError, match="aws_s3_bucket_acl: a companion of two stores"):
        StoreCatalog(doc)


def test_a_block_on_a_channel_no_public_attribute_uses_is_refused():
    doc = _doc()
    doc["stores"]["baiducloud_bos_bucket"]["blocks"] = {"policy": [{"attr": "x"}]}
    with pytest.raises(CatalogError, match="blocks name channels no public attribute uses"):
        StoreCatalog(doc)


def test_a_flag_needs_its_default_and_a_value_list_its_values():
    doc = _doc()
    doc["stores"]["aws_db_instance"]["public"][0].pop("default")
    doc["stores"]["baiducloud_bos_bucket"]["public"][0].pop("values")
    errors = datafiles.schema_errors("stores.schema.json", doc)
    assert len(errors) == 2, errors
