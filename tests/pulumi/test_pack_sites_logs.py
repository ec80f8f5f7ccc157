"""CKV_CNLIC_501/601 through the pack (gRPC), per bridged cloud: the properties as Pulumi sends them. A
resource policy sees one resource at a time, so nothing is joined: a type without tags is vouched for by the
profile's icp_filings alone, and a producer's store could not be evaluated (as `permitguard scan` judges a
Pulumi preview)."""
from __future__ import annotations

from pack_client import request, violations

ALI = ("pulumi:providers:alicloud", "bj", {"region": "cn-beijing"})
TENCENT = ("pulumi:providers:tencentcloud", "gz", {"region": "ap-guangzhou"})
HUAWEI = ("pulumi:providers:huaweicloud", "bj4", {"region": "cn-north-4"})
AWS = ("pulumi:providers:aws", "bj", {"region": "cn-north-1"})
AZURE = ("pulumi:providers:azure", "east2", {"location": "chinaeast2", "environment": "china"})
FILED = "京ICP备2024000001号"  # the bundled profile's filing for example-operator.cn


URN = "urn:pulumi:dev::permitguard-tests::"


def reported(response, policy: str) -> list[tuple[str, str]]:
    """(level, English message without the URN prefix) of the policy's violations (the first line of a
    violation is the policy's title, then English, Chinese, rule id and clauses)."""
    return [(level, text.splitlines()[1].replace(URN, "")) for name, level, text in violations(response)
            if name.startswith(policy)]


def test_alicloud_cdn_domain_tag_and_scope(pack):
    token = "alicloud:cdn/domainNew:DomainNew"
    ok = pack.analyze(request(token, "www", {"domainName": "www.example-operator.cn", "cdnType": "web",
                                             "tags": {"icp-filing": FILED + "-1"}}, ALI))
    assert reported(ok, "cnlic-501") == []
    bare = pack.analyze(request(token, "cdn", {"domainName": "cdn.example-operator.cn"}, ALI))
    assert reported(bare, "cnlic-501") == [("mandatory", "alicloud:cdn/domainNew:DomainNew::cdn serves "
                                            "cdn.example-operator.cn on the internet from mainland China "
                                            "without an ICP filing number: tag icp-filing is not set.")]
    abroad = pack.analyze(request(token, "intl", {"domainName": "intl.example-operator.cn",
                                                  "scope": "overseas"}, ALI))
    assert reported(abroad, "cnlic-501") == []


def test_records_without_tags_rest_on_the_profile(pack):
    filed = pack.analyze(request("aws:route53/record:Record", "www", {
        "name": "www.example-operator.cn", "type": "A", "zoneId": "Z1", "records": ["198.51.100.1"]}, AWS))
    assert reported(filed, "cnlic-501") == []
    other = pack.analyze(request("aws:route53/record:Record", "shop", {
        "name": "shop.other.cn", "type": "CNAME", "zoneId": "Z1", "records": ["a.cn"]}, AWS))
    assert [level for level, _ in reported(other, "cnlic-501")] == ["mandatory"]
    mx = pack.analyze(request("tencentcloud:Dnspod/record:Record", "mx", {
        "domain": "other.cn", "recordType": "MX", "value": "mx.other.cn"}, TENCENT))
    assert reported(mx, "cnlic-501") == []


def test_huawei_and_azure_sites(pack):
    hw = pack.analyze(request("huaweicloud:Cdn/domain:Domain", "s", {
        "name": "static.example-operator.cn", "type": "web", "serviceArea": "mainland_china",
        "tags": {"icp-filing": "京ICP证000000号"}}, HUAWEI))
    assert [text.split(": ", 1)[1] for _, text in reported(hw, "cnlic-501")] == [
        "tag icp-filing on huaweicloud:Cdn/domain:Domain::s is 京ICP证000000号, an ICP licence (经营许可证) "
        "number, not the site's ICP filing (备案) number."]
    az = pack.analyze(request("azure:dns/cNameRecord:CNameRecord", "docs", {
        "name": "docs", "zoneName": "example-operator.cn", "resourceGroupName": "rg", "ttl": 300,
        "record": "docs.example.cn", "tags": {"icp-filing": FILED + "-3"}}, AZURE))
    assert reported(az, "cnlic-501") == []


def test_log_stores_tagged_as_access_logs_and_producers(pack):
    short = pack.analyze(request("aws:cloudwatch/logGroup:LogGroup", "access", {
        "name": "/app/access", "retentionInDays": 90, "tags": {"log-class": "access"}}, AWS))
    assert reported(short, "cnlic-601") == [("advisory", "aws:cloudwatch/logGroup:LogGroup::access: logs are "
                                             "kept in this store for 90 days (retention_in_days), fewer than "
                                             "the 180 days user and access logs must be kept.")]
    untagged = pack.analyze(request("aws:cloudwatch/logGroup:LogGroup", "debug",
                                    {"name": "/app/debug", "retentionInDays": 7}, AWS))
    assert reported(untagged, "cnlic-601") == []
    flow = pack.analyze(request("aws:ec2/flowLog:FlowLog", "flow", {
        "vpcId": "vpc-1", "trafficType": "ALL", "logDestination": "arn:aws-cn:logs:cn-north-1:1:log-group:/f",
    }, AWS))
    assert [level for level, _ in reported(flow, "cnlic-601")] == ["advisory"]  # its store is out of sight
    ws = pack.analyze(request("azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace", "ws", {
        "location": "chinaeast2", "resourceGroupName": "rg", "sku": "PerGB2018",
        "tags": {"log-class": "audit"}}, AZURE))
    assert [text.split("(")[1].split(")")[0] for _, text in reported(ws, "cnlic-601")] == [
        "retention_in_days omitted: the provider default"]
    lts = pack.analyze(request("huaweicloud:Lts/group:Group", "g", {
        "groupName": "access", "ttlInDays": 365, "tags": {"log-class": "access"}}, HUAWEI))
    assert reported(lts, "cnlic-601") == []
    cls = pack.analyze(request("tencentcloud:Cls/topic:Topic", "t", {
        "topicName": "access", "logsetId": "ls-1", "tags": {"log-class": "flow"}}, TENCENT))
    assert [level for level, _ in reported(cls, "cnlic-601")] == ["advisory"]  # period omitted: 30 days
