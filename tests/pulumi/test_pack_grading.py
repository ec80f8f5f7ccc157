"""CKV_CNLIC_603 through the pack (gRPC), per bridged cloud: a system facility (instance, Kubernetes cluster,
database, load balancer) carries protection-grade and security-filing tags as Pulumi sends them, the grade the
one the bundled profile filed under the reference; a tag known only after apply (Pulumi's unknown sentinel)
could not be established; parts and surroundings of a system are not judged."""
from __future__ import annotations

from pack_client import not_applicable, request, violations

ALI = ("pulumi:providers:alicloud", "bj", {"region": "cn-beijing"})
TENCENT = ("pulumi:providers:tencentcloud", "gz", {"region": "ap-guangzhou"})
HUAWEI = ("pulumi:providers:huaweicloud", "bj4", {"region": "cn-north-4"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
AZURE = ("pulumi:providers:azure", "east2", {"location": "chinaeast2", "environment": "china"})
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # Pulumi's sentinel for a value known only after apply
URN = "urn:pulumi:dev::permitguard-tests::"
FILED = {"protection-grade": "3", "security-filing": "MIIT-SEC-2024-0301"}  # zqt-platform, grade 3


def reported(response) -> list[tuple[str, str]]:
    """(level, English message without the URN prefix) of CKV_CNLIC_603's violations."""
    return [(level, text.splitlines()[1].replace(URN, "")) for name, level, text in violations(response)
            if name.startswith("cnlic-603")]


def test_graded_facilities_of_every_bridged_cloud_pass(pack):
    for token, props, provider in [
        ("alicloud:ecs/instance:Instance", {"instanceType": "ecs.g7.large"}, ALI),
        ("tencentcloud:Kubernetes/cluster:Cluster", {"clusterName": "k"}, TENCENT),
        ("huaweicloud:Rds/instance:Instance", {"name": "db"}, HUAWEI),
        ("aws:lb/loadBalancer:LoadBalancer", {"internal": True}, AWS),
        ("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", {"location": "chinaeast2"}, AZURE),
    ]:
        response = pack.analyze(request(token, "graded", {**props, "tags": FILED}, provider))
        assert reported(response) == [], token
        assert "cnlic-603-system-without-protection-grade" not in not_applicable(response), token


def test_missing_wrong_and_unfiled_records_are_advisories(pack):
    token = "alicloud:ecs/instance:Instance"
    bare = pack.analyze(request(token, "bare", {"instanceType": "ecs.g7.large"}, ALI))
    assert reported(bare) == [("advisory", f"{token}::bare ({token}) is a system facility with neither a "
                               "protection grade (tag protection-grade) nor a filing reference (tag "
                               "security-filing): its system's grading and filing (定级备案) is not "
                               "recorded.")]
    rds = "aws:rds/instance:Instance"
    second = {"protection-grade": "二级", "security-filing": "MIIT-SEC-2024-0301"}
    wrong = pack.analyze(request(rds, "crm", {"engine": "mysql", "tags": second}, AWS))
    assert reported(wrong) == [("advisory", f"{rds}::crm ({rds}) records "
                                "protection grade 2 (protection-grade), but system zqt-platform is filed "
                                "under MIIT-SEC-2024-0301 at grade 3.")]
    unfiled = pack.analyze(request("tencentcloud:Clb/instance:Instance", "web", {
        "networkType": "OPEN", "tags": {"protection-grade": "3", "security-filing": "MIIT-SEC-2030-0001"}},
        TENCENT))
    assert [level for level, _ in reported(unfiled)] == ["advisory"]
    assert "is not among the licence profile's security_filings" in reported(unfiled)[0][1]


def test_a_tag_known_only_after_apply_could_not_be_established(pack):
    response = pack.analyze(request("huaweicloud:Cce/cluster:Cluster", "cce", {
        "name": "cce", "tags": {"protection-grade": UNKNOWN, "security-filing": "MIIT-SEC-2024-0301"}},
        HUAWEI))
    [(level, text)] = reported(response)
    assert level == "advisory" and "tag protection-grade is" in text and "cannot be established" in text


def test_parts_of_a_system_are_not_applicable(pack):
    for token, props, provider in [
        ("aws:ec2/securityGroup:SecurityGroup", {"name": "web"}, AWS),
        ("alicloud:vpc/network:Network", {"cidrBlock": "10.0.0.0/16"}, ALI),
    ]:
        response = pack.analyze(request(token, "part", props, provider))
        assert reported(response) == [], token
        assert "cnlic-603-system-without-protection-grade" in not_applicable(response), token
