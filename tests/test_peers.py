"""Peers: the other resources of a resource's configuration, by Terraform type and root."""

from __future__ import annotations

import dataclasses

from permitguard.model import Action, Resource
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog

TYPES = ResourceTypeCatalog.load()


def res(address: str, type_: str, root: str | None = None, **kw) -> Resource:
    return Resource(address=address, type=type_, cloud=type_.split("_", 1)[0], root=root, **kw)


def test_peers_are_found_by_type_within_their_root_only():
    a = res("aws_s3_bucket_acl.a", "aws_s3_bucket_acl", root="live/a")
    b = res("aws_s3_bucket_acl.b", "aws_s3_bucket_acl", root="live/b")
    peers = Peers([a, b, res("aws_vpc.v", "aws_vpc", root="live/a")], TYPES)
    assert peers.of_type("aws_s3_bucket_acl", "live/a") == [a]
    assert peers.of_type("aws_s3_bucket_acl", "live/c") == []


def test_deleted_and_read_resources_configure_nothing():
    kept = res("aws_s3_bucket_acl.k", "aws_s3_bucket_acl")
    gone = dataclasses.replace(kept, address="aws_s3_bucket_acl.g", action=Action.DELETE)
    read = dataclasses.replace(kept, address="aws_s3_bucket_acl.r", action=Action.READ)
    assert Peers([kept, gone, read], TYPES).of_type("aws_s3_bucket_acl", None) == [kept]


def test_a_pulumi_resource_is_found_by_the_terraform_type_of_its_token():
    acl = Resource("urn:acl", "aws:s3/bucketAclV2:BucketAclV2", "aws", source_kind="pulumi")
    assert Peers([acl], TYPES).of_type("aws_s3_bucket_acl", None) == [acl]
