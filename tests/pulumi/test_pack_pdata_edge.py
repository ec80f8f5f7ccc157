"""CKV_CNLIC_602 (personal-data stores, advisory) and CKV_CNLIC_901 (edge nodes in IDC-licensed rooms) through
the pack (gRPC): properties as Pulumi sends them (camelCase), one resource per request — so a store is judged
by its own attributes, and an ENS instance by its node, not by its provider's region."""
from __future__ import annotations

from pack_client import not_applicable, request, violations

ALI = ("pulumi:providers:alicloud", "sz", {"region": "cn-shenzhen"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
AZURE = ("pulumi:providers:azure", "east2", {"location": "chinaeast2", "environment": "china"})
BUCKET, ENS = "alicloud:oss/bucket:Bucket", "alicloud:ens/instance:Instance"
PERSONAL = {"data-class": "personal"}
SM4 = {"sseAlgorithm": "KMS", "kmsDataEncryption": "SM4"}


def found(response) -> dict[str, tuple[str, str]]:
    return {name[:9]: (level, message) for name, level, message in violations(response)}


def test_a_public_personal_data_bucket_is_an_advisory_violation(pack):
    props = {"bucket": "e", "acl": "public-read", "tags": PERSONAL, "serverSideEncryptionRule": SM4}
    out = found(pack.analyze(request(BUCKET, "exports", props, ALI)))
    assert set(out) == {"cnlic-602"}
    level, message = out["cnlic-602"]
    assert level == "advisory" and "acl = public-read" in message and "可被任何人读取" in message
    assert "CKV_CNLIC_602 (SP-7)" in message


def test_a_private_encrypted_bucket_passes_and_says_what_the_pass_rests_on(pack):
    out = pack.analyze(request(BUCKET, "members", {"bucket": "m", "acl": "private", "tags": PERSONAL,
                                                   "serverSideEncryptionRule": SM4}, ALI))
    assert found(out) == {}
    assert "cnlic-602-personal-data-store-exposed" not in not_applicable(out)


def test_a_bucket_without_its_own_encryption_cannot_be_shown_encrypted_by_the_pack(pack):
    out = found(pack.analyze(request(BUCKET, "tickets", {"bucket": "t", "tags": PERSONAL}, ALI)))
    assert set(out) == {"cnlic-602"}
    assert "Pulumi pack judges one resource at a time" in out["cnlic-602"][1]


def test_untagged_and_other_clouds(pack):
    untagged = pack.analyze(request(BUCKET, "assets", {"bucket": "a", "acl": "public-read"}, ALI))
    assert found(untagged) == {} and "cnlic-602-personal-data-store-exposed" in not_applicable(untagged)
    s3 = pack.analyze(request("aws:s3/bucketV2:BucketV2", "crm", {"bucket": "c", "tags": PERSONAL}, AWS))
    assert found(s3) == {}  # SSE-S3 by default
    account = {"resourceGroupName": "rg", "location": "chinaeast2", "accountTier": "Standard",
               "accountReplicationType": "LRS", "tags": PERSONAL}
    assert set(found(pack.analyze(request("azure:storage/account:Account", "c", account, AZURE)))) == {
        "cnlic-602"}  # allowNestedItemsToBePublic defaults to true
    closed = {**account, "allowNestedItemsToBePublic": False}
    assert found(pack.analyze(request("azure:storage/account:Account", "k", closed, AZURE))) == {}


def test_an_ens_node_is_judged_where_its_node_is(pack):
    node = {"scheduleAreaLevel": "Region", "instanceType": "ens.sn1.stiny", "imageId": "centos",
            "paymentType": "Subscription", "internetChargeType": "BandwidthByDay"}
    beijing = pack.analyze(request(ENS, "bj", {**node, "ensRegionId": "cn-beijing-telecom"}, ALI))
    assert found(beijing) == {}
    hunan = found(pack.analyze(request(ENS, "hn", {**node, "ensRegionId": "cn-chenzhou-telecom_unicom_cmcc"},
                                       ALI)))
    assert set(hunan) == {"cnlic-901", "cnlic-301"} and hunan["cnlic-901"][0] == "mandatory"
    assert "Chenzhou" in hunan["cnlic-901"][1]
    abroad = found(pack.analyze(request(ENS, "ist", {**node, "ensRegionId": "tr-Istanbul-1"}, ALI)))
    assert {"cnlic-101", "cnlic-901"} <= set(abroad)  # the provider's cn-shenzhen does not hide it
    area = found(pack.analyze(request(ENS, "any", {**node, "scheduleAreaLevel": "Middle"}, ALI)))
    assert {"cnlic-103", "cnlic-901"} <= set(area)
