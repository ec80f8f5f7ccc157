"""Loading a resource-type catalog: cached default, and every problem reported with its JSON path."""

import copy

import pytest
import yaml

from permitguard.errors import CatalogError
from permitguard.resources import ResourceTypeCatalog

MINIMAL = yaml.safe_load("""
version: 1
pulumi: {provider_token_prefix: "pulumi:providers:"}
clouds:
  aws: {pulumi_packages: [aws], provider_region_attrs: [region], default_region_attrs: [region],
        default_zone_attrs: [availability_zone], tags_attr: tags}
  alicloud: {pulumi_packages: [alicloud], provider_region_attrs: [region], default_region_attrs: [],
             default_zone_attrs: [zone_id], tags_attr: tags}
types:
  aws_instance: {placement: zonal, footprint: room, pulumi: ["aws:ec2/instance:Instance"]}
  aws_iam_role:
    placement: global
    footprint: logical
    control_plane: true
    trust: [{attr: assume_role_policy, kind: policy_document}]
""")


def _write(tmp_path, doc, text=None):
    path = tmp_path / "resource_types.yaml"
    path.write_text(text if text is not None else yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def _error(tmp_path, change):
    doc = copy.deepcopy(MINIMAL)
    change(doc)
    path = _write(tmp_path, doc)
    with pytest.raises(CatalogError) as caught:
        ResourceTypeCatalog.load(path)
    return str(caught.value).replace(str(path), "<path>")


def test_default_load_is_parsed_once():
    assert ResourceTypeCatalog.load() is ResourceTypeCatalog.load()


def test_load_from_a_path_reads_that_file(tmp_path):
    catalog = ResourceTypeCatalog.load(_write(tmp_path, MINIMAL))
    assert [info.type for info in catalog.types()] == ["aws_instance", "aws_iam_role"]


def test_schema_error_names_its_json_path(tmp_path):
    message = _error(tmp_path, lambda d: d["types"]["aws_instance"].update(placement="nowhere"))
    assert message == (
        "resource-type catalog <path> is invalid (1 error):\n"
        "  $.types.aws_instance.placement: 'nowhere' is not one of ['global', 'regional', 'zonal', 'child']"
        " (child: no location of its own; its parent (vnet, NSG, server, vault, identity)"
        " is located and judged)"
    )


def test_every_schema_error_is_listed(tmp_path):
    def change(doc):
        doc["types"]["aws_instance"]["ingress"] = "aws_sg_rule"
        doc["types"]["aws_iam_role"]["zone_attrs"] = ["zone"]
        doc["clouds"]["aws"]["tags_attr"] = "Tags"

    assert _error(tmp_path, change) == (
        "resource-type catalog <path> is invalid (3 errors):\n"
        "  $.clouds.aws.tags_attr: 'Tags' is not valid under any of the given schemas "
        "(Attribute holding key/value tags; null when the type has none.)\n"
        "  $.types.aws_iam_role.zone_attrs: ['zone'] is expected to be empty "
        "(a global type has no location: no zone attributes)\n"
        "  $.types.aws_instance: 'control_plane' is a required property"
    )


def test_unknown_shape_name_is_rejected(tmp_path):
    message = _error(tmp_path, lambda d: d["types"]["aws_iam_role"].update(endpoint="gke"))
    assert message.splitlines()[1].startswith(
        "  $.types.aws_iam_role.endpoint: 'gke' is not one of ['aws_eks',"
    )


def test_a_token_mapped_to_two_types_is_reported(tmp_path):
    message = _error(
        tmp_path, lambda d: d["types"]["aws_iam_role"].update(pulumi=["aws:ec2/instance:Instance"])
    )
    assert message == (
        "resource-type catalog <path> is invalid (1 error):\n"
        "  $.types.aws_iam_role.pulumi[0]: token 'aws:ec2/instance:Instance' is already mapped to "
        "'aws_instance'"
    )


def test_a_token_of_another_clouds_package_is_reported(tmp_path):
    message = _error(tmp_path, lambda d: d["types"]["aws_iam_role"].update(pulumi=["alicloud:ram/role:Role"]))
    assert message == (
        "resource-type catalog <path> is invalid (1 error):\n"
        "  $.types.aws_iam_role.pulumi[0]: token 'alicloud:ram/role:Role' is not of a bridged "
        "package of 'aws'"
    )


def test_a_type_of_an_undeclared_cloud_is_reported(tmp_path):
    message = _error(tmp_path, lambda d: d["types"].update(
        google_compute_instance={"placement": "zonal", "footprint": "room"}))
    assert message == (
        "resource-type catalog <path> is invalid (1 error):\n"
        "  $.types.google_compute_instance: cloud 'google' (the type's prefix) is not declared "
        "under clouds"
    )


def test_a_package_claimed_by_two_clouds_is_reported(tmp_path):
    message = _error(tmp_path, lambda d: d["clouds"]["alicloud"].update(pulumi_native_packages=["aws"]))
    assert message == (
        "resource-type catalog <path> is invalid (1 error):\n"
        "  $.clouds.alicloud.pulumi_native_packages[0]: package 'aws' is already declared by 'aws'"
    )


def test_missing_file_is_a_catalog_error(tmp_path):
    with pytest.raises(CatalogError, match=r"^resource-type catalog .*absent\.yaml: cannot read it: "):
        ResourceTypeCatalog.load(tmp_path / "absent.yaml")


def test_malformed_yaml_is_a_catalog_error(tmp_path):
    with pytest.raises(
        CatalogError, match=r"^resource-type catalog .*: not valid YAML \(line \d+, column \d+\): "
    ):
        ResourceTypeCatalog.load(_write(tmp_path, None, text="types: [unclosed\n"))


def test_empty_file_is_reported_at_the_root(tmp_path):
    message = _error_text(tmp_path, "")
    assert message == "resource-type catalog <path> is invalid (1 error):\n  $: None is not of type 'object'"


def _error_text(tmp_path, text):
    path = _write(tmp_path, None, text=text)
    with pytest.raises(CatalogError) as caught:
        ResourceTypeCatalog.load(path)
    return str(caught.value).replace(str(path), "<path>")
