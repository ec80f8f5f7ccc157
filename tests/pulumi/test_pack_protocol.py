"""The pack over the analyzer protocol, started as the Pulumi CLI starts it: metadata and call sequence."""
from __future__ import annotations

from pack_client import PACK_DIR, not_applicable, request, violations
from pulumi.runtime.proto import analyzer_pb2 as pb

from permitguard.rule_catalog import RuleCatalog

CATALOG = RuleCatalog.load()
LEVELS = {"mandatory": pb.MANDATORY, "advisory": pb.ADVISORY, "disabled": pb.DISABLED}
INSTANCE = "alicloud:ecs/instance:Instance"
HK = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-hongkong", "version": "3.101.0"})


def test_pack_prints_its_port_first_and_serves(pack):
    assert pack.port > 0
    assert pack.ready_seconds < 15
    assert pack.process.poll() is None


def test_pack_main_holds_only_imports_and_policy_pack():
    body = [line for line in (PACK_DIR / "__main__.py").read_text().splitlines()
            if line.strip() and not line.startswith(('"""', "from ", "import "))]
    assert body == ["PolicyPack(name=NAME, policies=pack_policies())"]


def test_one_policy_per_catalog_rule_named_and_levelled_by_the_catalog(pack):
    info = pack.info()
    assert info.name == "permitguard" and info.supportsConfig
    assert [p.name for p in info.policies] == [meta.name for meta in CATALOG]
    for policy, meta in zip(info.policies, CATALOG, strict=True):
        assert policy.name.startswith(f"cnlic-{meta.id[-3:]}-")
        assert policy.description == f"{meta.title.en} / {meta.title.zh}"
        assert policy.enforcementLevel == LEVELS[meta.enforcement]
        assert policy.policy_type == pb.POLICY_TYPE_RESOURCE
        assert set(policy.configSchema.properties) == {"license", "profile"}
        assert meta.id in policy.tags and set(meta.clauses) <= set(policy.tags)
        assert policy.remediation_steps == f"{meta.remediation.en}\n{meta.remediation.zh}"


def test_each_policy_names_the_permit_as_its_compliance_framework(pack):
    """Platform teams group policies by framework: the permit (number, term) and the clauses each enforces."""
    for policy, meta in zip(pack.info().policies, CATALOG, strict=True):
        assert policy.HasField("framework")
        assert policy.framework.name == "增值电信业务经营许可证 (PRC value-added telecom operating permit)"
        assert policy.framework.reference == "B1-20195402"
        assert policy.framework.version == "2024-09-10/2029-07-25"
        assert policy.framework.specification == ", ".join(meta.clauses)


def test_permit_duties_are_mandatory_by_default(pack):
    levels = {p.name[:9]: p.enforcementLevel for p in pack.info().policies}
    assert {name for name, level in levels.items() if level == pb.MANDATORY} >= {
        "cnlic-101", "cnlic-102", "cnlic-103", "cnlic-201", "cnlic-202", "cnlic-301", "cnlic-302"}


def test_violation_message_is_bilingual_and_names_rule_and_clauses(pack):
    response = pack.analyze(request(INSTANCE, "web", {"instanceType": "ecs.g7"}, HK))
    by_policy = {name: (level, message) for name, level, message in violations(response)}
    level, message = by_policy["cnlic-101-outside-mainland"]
    assert level == "mandatory"
    assert message.splitlines() == [
        "Resource outside mainland China / 资源位于中国境内（大陆）以外",
        "urn:pulumi:dev::permitguard-tests::alicloud:ecs/instance:Instance::web is in alicloud cn-hongkong → "
        "Hong Kong (CN-HK), Hong Kong, outside mainland China (Hong Kong).",
        "urn:pulumi:dev::permitguard-tests::alicloud:ecs/instance:Instance::web 位于 alicloud cn-hongkong → "
        "香港特别行政区 (CN-HK)，Hong Kong，在中国大陆以外（中国香港）。",
        "CKV_CNLIC_101 (SP-15(3), SP-16(3), SP-16(5), SP-17(5))",
    ]


def test_passing_resource_gives_no_diagnostic(pack):
    sz = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-shenzhen"})
    graded = {"protection-grade": "3", "security-filing": "MIIT-SEC-2024-0301"}  # CKV_CNLIC_603
    props = {"availabilityZone": "cn-shenzhen-a", "tags": graded}
    response = pack.analyze(request(INSTANCE, "web", props, sz))
    assert violations(response) == []


def test_stack_and_non_cloud_resources_are_not_applicable(pack):
    for token in ("pulumi:pulumi:Stack", "random:index/randomPet:RandomPet", "acme:app:Component"):
        response = pack.analyze(request(token, "x", {}))
        assert violations(response) == []
        assert set(not_applicable(response)) == {meta.name for meta in CATALOG}


def test_analyze_stack_adds_no_diagnostic(pack):
    resource = pb.AnalyzerResource(type=INSTANCE, urn="urn:pulumi:dev::p::x::y", name="y")
    assert list(pack.stub.AnalyzeStack(pb.AnalyzeStackRequest(resources=[resource])).diagnostics) == []
