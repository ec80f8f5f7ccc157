"""CKV_CNLIC_602 (stores holding personal information are neither public nor unencrypted) on hand-built
resources, per cloud, with and without the configuration's other resources (companions); and the store
catalog held to the resource-type catalog and the licence profile."""

from __future__ import annotations

import dataclasses
import json

import pytest
import yaml

from permitguard import datafiles
from permitguard.context import Subject
from permitguard.license import PersonalData
from permitguard.model import Action, Resource, Status, Unknown
from permitguard.peers import Peers
from permitguard.resources import ResourceTypeCatalog
from permitguard.rules.personal_data import RULES
from permitguard.store_catalog import StoreCatalog

RULE = RULES["CKV_CNLIC_602"]
STORES, TYPES = StoreCatalog.load(), ResourceTypeCatalog.load()
FAILED, PASSED, NA = Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE
PERSONAL = {"data-class": "personal"}


def res(type_: str, name: str = "r", **attributes) -> Resource:
    return Resource(address=f"{type_}.{name}", type=type_, cloud=type_.split("_", 1)[0],
                    attributes=attributes, provider_region_from="provider test")


def verdict(ctx, store: Resource, *companions: Resource, peers: bool = True):
    together = Peers([store, *companions], TYPES) if peers else None
    v = RULE(Subject(store, ctx, together), ctx)
    return v.status, v.reason


def ali(**kw) -> Resource:
    return res("alicloud_oss_bucket", bucket="op-a", tags=PERSONAL, **kw)


SSE = {"server_side_encryption_rule": [{"sse_algorithm": "KMS"}]}


# ---------------------------------------------------------------- scope: the profile's tag
@pytest.mark.parametrize(("tags", "expected"), [
    ({}, (NA, "untagged")),
    ({"data-class": "internal"}, (NA, "not_personal")),
    ({"Data-Class": " PII "}, (PASSED, "protected")),  # key and value: case and blanks aside
    ({"data-class": "个人信息"}, (PASSED, "protected")),
    ({"data-class": Unknown("known only after apply")}, (FAILED, "class_unresolved")),
])
def test_only_stores_tagged_as_personal_data_are_judged(ctx, tags, expected):
    assert verdict(ctx, res("alicloud_oss_bucket", bucket="b", tags=tags, **SSE)) == expected


def test_the_tag_and_its_values_come_from_the_profile(ctx):
    own = dataclasses.replace(ctx, profile=dataclasses.replace(
        ctx.profile, personal_data=PersonalData("classification", ("customer-data",))))
    store = res("alicloud_oss_bucket", bucket="b", tags={"classification": "customer-data"})
    assert verdict(own, store) == (FAILED, "unencrypted")
    assert verdict(ctx, store) == (NA, "untagged")


def test_an_unknown_tag_map_cannot_say_whether_the_store_holds_personal_data(ctx):
    unknown = Unknown("known only after apply")
    store = res("tencentcloud_cos_bucket", bucket="b", tags=unknown)
    assert verdict(ctx, store) == (FAILED, "class_unresolved")


# ---------------------------------------------------------------- alicloud: own attributes and companions
def test_alicloud_public_acl_in_the_bucket_or_in_its_companion(ctx):
    assert verdict(ctx, ali(acl="public-read-write", **SSE)) == (FAILED, "public")
    acl = res("alicloud_oss_bucket_acl", bucket="op-a", acl="public-read")
    assert verdict(ctx, ali(**SSE), acl) == (FAILED, "public")
    other = res("alicloud_oss_bucket_acl", bucket="op-other", acl="public-read")
    assert verdict(ctx, ali(**SSE), other) == (PASSED, "protected")  # another bucket's ACL


def test_alicloud_blocks_switch_public_access_off(ctx):
    block = res("alicloud_oss_bucket_public_access_block", bucket="op-a", block_public_access=True)
    assert verdict(ctx, ali(acl="public-read", **SSE), block) == (PASSED, "protected")
    account = res("alicloud_oss_account_public_access_block", block_public_access=True)
    assert verdict(ctx, ali(acl="public-read", **SSE), account) == (PASSED, "protected")
    off = res("alicloud_oss_bucket_public_access_block", bucket="op-a", block_public_access=False)
    assert verdict(ctx, ali(acl="public-read", **SSE), off) == (FAILED, "public")
    unknown = res("alicloud_oss_bucket_public_access_block", bucket="op-a", block_public_access=Unknown())
    assert verdict(ctx, ali(acl="public-read", **SSE), unknown) == (FAILED, "public_unresolved")


def test_alicloud_encryption_in_the_bucket_or_in_its_companion(ctx):
    assert verdict(ctx, ali()) == (FAILED, "unencrypted")  # OSS does not encrypt by default
    sse = res("alicloud_oss_bucket_server_side_encryption", bucket="op-a", sse_algorithm="SM4")
    assert verdict(ctx, ali(), sse) == (PASSED, "protected")
    assert verdict(ctx, ali(server_side_encryption_rule=[{"sse_algorithm": Unknown()}])) == (
        FAILED, "encryption_unresolved")


@pytest.mark.parametrize(("statement", "expected"), [
    ({"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"]}, (FAILED, "public")),
    ({"Effect": "Allow", "Principal": {"AWS": "*"}}, (FAILED, "public")),
    ({"Effect": "Deny", "Principal": ["*"]}, (PASSED, "protected")),
    ({"Effect": "Allow", "Principal": ["20214760404935xxxx"]}, (PASSED, "protected")),
    ({"Effect": "Allow", "Principal": ["*"], "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}}},
     (FAILED, "public_unresolved")),  # conditions are not judged: never a pass
])
def test_policy_documents(ctx, statement, expected):
    policy = res("alicloud_oss_bucket_policy", bucket="op-a", policy=json.dumps({"Statement": [statement]}))
    assert verdict(ctx, ali(**SSE), policy) == expected


@pytest.mark.parametrize(("statement", "expected"), [
    ({"Effect": "Allow", "Principal": {"AWS": "arn:aws-cn:iam::*:root"}}, (FAILED, "public")),  # any account
    ({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws-cn:iam::123456789012:root"}}, (FAILED, "public")),
    ({"Effect": Unknown(), "Principal": "*"}, (FAILED, "public_unresolved")),
    ({"Effect": "Allow", "Principal": Unknown()}, (FAILED, "public_unresolved")),
    ({"Effect": "Allow", "Principal": {"AWS": [Unknown()]}}, (FAILED, "public_unresolved")),
    ({"Effect": "Allow", "Principal": "*", "Condition": Unknown()}, (FAILED, "public_unresolved")),
    (Unknown(), (FAILED, "public_unresolved")),
], ids=["any-account", "not-principal", "effect", "principal", "principal-in-list", "condition", "statement"])
def test_a_policy_read_as_the_trust_rules_read_it_is_never_private_by_default(ctx, statement, expected):
    """Statements read through principals.statement_principals (201's reading): a value known only after apply
    is not known to keep the store private, and everyone is also NotPrincipal and any account."""
    assert verdict(ctx, ali(policy={"Statement": [statement]}, **SSE)) == expected


def test_a_policy_that_is_no_json_cannot_be_judged(ctx):
    assert verdict(ctx, ali(policy="{not json", **SSE)) == (FAILED, "public_unresolved")
    deep = '{"Statement": ' + "[" * 100_000 + "]" * 100_000 + "}"  # hostile nesting: no crash, no pass
    assert verdict(ctx, ali(policy=deep, **SSE)) == (FAILED, "public_unresolved")


def test_a_companion_naming_an_unknown_bucket_leaves_the_store_undetermined(ctx):
    stray = res("alicloud_oss_bucket_acl", bucket=Unknown("known only after apply"), acl="private")
    assert verdict(ctx, ali(**SSE), stray) == (FAILED, "companion_unresolved")
    assert verdict(ctx, res("alicloud_oss_bucket", bucket=Unknown(), tags=PERSONAL, **SSE),
                   res("alicloud_oss_bucket_acl", bucket="op-a", acl="private")) == (
        FAILED, "companion_unresolved")


def test_a_deleted_companion_configures_nothing(ctx):
    gone = dataclasses.replace(res("alicloud_oss_bucket_acl", bucket="op-a", acl="public-read"),
                               action=Action.DELETE)
    assert verdict(ctx, ali(**SSE), gone) == (PASSED, "protected")


def test_companions_and_other_types_are_not_judged_themselves(ctx):
    acl = res("alicloud_oss_bucket_acl", bucket="op-a", acl="public-read")
    assert RULE(Subject(acl, ctx), ctx).reason == "companion"
    assert RULE(Subject(res("alicloud_vpc"), ctx), ctx).reason == "not_a_store"


def test_without_peers_the_store_is_judged_by_its_own_attributes(ctx):
    """The Pulumi pack sees one resource per request: a pass says what it rests on, and an OSS bucket that
    sets no encryption itself could not be established (an encryption companion may exist)."""
    assert verdict(ctx, ali(**SSE), peers=False) == (PASSED, "protected_alone")
    assert verdict(ctx, ali(), peers=False) == (FAILED, "encryption_unseen")
    assert verdict(ctx, ali(acl="public-read", **SSE), peers=False) == (FAILED, "public")
    assert verdict(ctx, res("tencentcloud_cos_bucket", bucket="b", tags=PERSONAL), peers=False) == (
        FAILED, "unencrypted")  # COS has no encryption companion: its own attributes are the whole answer


# ---------------------------------------------------------------- the other clouds
def test_tencentcloud_acl_body_and_encryption(ctx):
    grant = "<Grant><Grantee><URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee></Grant>"
    cos = dict(bucket="b-1", tags=PERSONAL, encryption_algorithm="SM4")
    assert verdict(ctx, res("tencentcloud_cos_bucket", acl_body=grant, **cos)) == (FAILED, "public")
    assert verdict(ctx, res("tencentcloud_cos_bucket", **cos)) == (PASSED, "protected")
    policy = res("tencentcloud_cos_bucket_policy", bucket="b-1", policy=json.dumps(
        {"statement": [{"effect": "allow", "principal": {"qcs": ["*"]}, "action": ["name/cos:GetObject"]}]}))
    assert verdict(ctx, res("tencentcloud_cos_bucket", **cos), policy) == (FAILED, "public")


def test_huaweicloud_encryption_defaults_to_false_and_bpa_neutralises_by_channel(ctx):
    obs = dict(bucket="o", tags=PERSONAL)
    assert verdict(ctx, res("huaweicloud_obs_bucket", encryption=False, **obs)) == (FAILED, "unencrypted")
    enc = dict(encryption=True, sse_algorithm="kms", **obs)
    acl_block = res("huaweicloud_obs_bucket_bpa", bucket="o", ignore_public_acls=True)
    assert verdict(ctx, res("huaweicloud_obs_bucket", acl="public-read", **enc), acl_block) == (
        PASSED, "protected")
    policy = json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"ID": ["*"]}}]})
    assert verdict(ctx, res("huaweicloud_obs_bucket", policy=policy, **enc), acl_block) == (FAILED, "public")
    public = res("huaweicloud_obs_bucket_acl", bucket="o", public_permission=[{"access_to_bucket": ["READ"]}])
    assert verdict(ctx, res("huaweicloud_obs_bucket", **enc), public) == (FAILED, "public")


def test_aws_default_encryption_and_public_access_blocks(ctx):
    s3 = res("aws_s3_bucket", bucket="s", tags=PERSONAL)
    assert verdict(ctx, s3) == (PASSED, "protected_by_default")  # SSE-S3 whatever the configuration says
    grant = res("aws_s3_bucket_acl", bucket="s", access_control_policy=[{"grant": [{"grantee": [
        {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}]}])
    assert verdict(ctx, s3, grant) == (FAILED, "public")
    block = res("aws_s3_bucket_public_access_block", bucket="s", block_public_acls=True)
    assert verdict(ctx, s3, grant, block) == (PASSED, "protected_by_default")
    db = dict(identifier="d", tags=PERSONAL)
    assert verdict(ctx, res("aws_db_instance", **db)) == (FAILED, "unencrypted")
    assert verdict(ctx, res("aws_db_instance", storage_encrypted=True, publicly_accessible=True, **db)) == (
        FAILED, "public_permitted")


def test_azurerm_nested_public_default_and_containers(ctx):
    account = dict(name="acct", tags=PERSONAL)
    assert verdict(ctx, res("azurerm_storage_account", **account)) == (FAILED, "public_permitted")
    closed = res("azurerm_storage_account", allow_nested_items_to_be_public=False, **account)
    public = res("azurerm_storage_container", storage_account_name="acct", container_access_type="container")
    assert verdict(ctx, closed, public) == (PASSED, "protected_by_default")
    assert verdict(ctx, res("azurerm_storage_account", allow_nested_items_to_be_public=True, **account),
                   public) == (FAILED, "public_permitted")


def test_volcengine_and_baiducloud(ctx):
    tos = res("volcengine_tos_bucket", bucket_name="t", public_acl="private",
              tags=[{"key": "data-class", "value": "personal"}])
    assert verdict(ctx, tos) == (FAILED, "unencrypted")
    sse = res("volcengine_tos_bucket_encryption", bucket_name="t",
              rule=[{"apply_server_side_encryption_by_default": [{"sse_algorithm": "SM4"}]}])
    assert verdict(ctx, tos, sse) == (PASSED, "protected")
    bos = dict(bucket="bo", tags=PERSONAL, server_side_encryption_rule="AES256")
    assert verdict(ctx, res("baiducloud_bos_bucket", acl="public-read-write", **bos)) == (FAILED, "public")


def test_a_pulumi_store_is_judged_by_its_terraform_type(ctx):
    r = Resource("urn:b", "alicloud:oss/bucket:Bucket", "alicloud",
                 {"bucket": "p", "acl": "public-read", "tags": PERSONAL}, source_kind="pulumi")
    assert RULE(Subject(r, ctx), ctx).reason == "public"


# ---------------------------------------------------------------- the catalog
def test_every_store_and_companion_is_in_the_resource_type_catalog():
    for store in STORES.stores.values():
        assert TYPES.get(store.type).known, store.type
        for companion in store.companions:
            assert TYPES.get(companion).known, companion
            assert TYPES.get(companion).occupies_room is False, companion  # configuration, not capacity


def _entry() -> dict:
    doc = yaml.safe_load(datafiles.data_path("rules.yaml").read_text(encoding="utf-8"))
    return next(r for r in doc["rules"] if r["id"] == "CKV_CNLIC_602")


def test_every_cloud_the_catalog_inspects_has_a_store_and_every_store_type_is_named_there(ctx):
    inspects = _entry()["inspects"]
    clouds = {s.type.split("_", 1)[0] for s in STORES.stores.values()}
    assert clouds == set(inspects)
    for store in STORES.stores.values():
        for t in (store.type, *store.companions):
            assert t in inspects[t.split("_", 1)[0]], t
    assert "not judged yet" in inspects["aws"]  # the scope decision on databases is said
    meta = ctx.rules["CKV_CNLIC_602"]
    assert meta.enforcement == "advisory" and tuple(meta.clauses) == ("SP-7",)


def test_a_companion_known_only_after_apply_joins_by_the_plans_references(ctx):
    """`bucket = aws_s3_bucket.x.id` is known only after apply; the plan's configuration says what it refers
    to (relative to the module), which joins it — or shows it names another bucket."""
    def plan_res(address, type_, refs, **attrs):
        return Resource(address=address, type=type_, cloud=type_.split("_", 1)[0], attributes=attrs,
                        source_kind="terraform_plan", references={"bucket": refs})
    s3 = Resource("module.s3.aws_s3_bucket.this", "aws_s3_bucket", "aws", {"bucket": "s", "tags": PERSONAL})
    mine = plan_res("module.s3.aws_s3_bucket_acl.this", "aws_s3_bucket_acl",
                    ("aws_s3_bucket.this.id", "aws_s3_bucket.this"), bucket=Unknown(), acl="public-read")
    assert verdict(ctx, s3, mine) == (FAILED, "public")
    other = plan_res("module.s3.aws_s3_bucket_acl.logs", "aws_s3_bucket_acl", ("aws_s3_bucket.logs.id",),
                     bucket=Unknown(), acl="public-read")
    assert verdict(ctx, s3, other) == (PASSED, "protected_by_default")
    from_var = plan_res("module.s3.aws_s3_bucket_acl.v", "aws_s3_bucket_acl", ("var.bucket",),
                        bucket=Unknown(), acl="private")
    assert verdict(ctx, s3, from_var) == (FAILED, "companion_unresolved")
