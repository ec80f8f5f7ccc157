"""permitguard.pulumi.policies: the policy factory and one policy's verdict, without the protocol."""
from __future__ import annotations

from pulumi_policy import EnforcementLevel, PolicyResourceOptions, ResourceValidationArgs
from pulumi_policy.policy import PolicyCustomTimeouts, PolicyProviderResource
from pulumi_policy.proxy import unknown_checking_proxy

from permitguard import engine
from permitguard.model import Status
from permitguard.pulumi import policies
from permitguard.rule_catalog import RuleCatalog

CATALOG = RuleCatalog.load()
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
INSTANCE = "alicloud:ecs/instance:Instance"
OPTS = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])


def args(token: str, props: dict, region: str | None = "cn-shenzhen") -> ResourceValidationArgs:
    provider = None
    if region is not None:
        ptype = f"pulumi:providers:{token.split(':', 1)[0]}"
        provider = PolicyProviderResource(ptype, unknown_checking_proxy({"region": region}),
                                          f"urn:pulumi:dev::p::{ptype}::default_1", "default_1")
    urn = f"urn:pulumi:dev::p::{token}::r"
    return ResourceValidationArgs(token, unknown_checking_proxy(props), urn, "r", OPTS, provider)


def test_factory_builds_one_policy_per_catalog_rule():
    built = policies.pack_policies()
    assert [p.name for p in built] == [meta.name for meta in CATALOG]
    assert [p.enforcement_level for p in built] == [EnforcementLevel(meta.enforcement) for meta in CATALOG]
    assert all(set(p.config_schema.properties) == {"license", "profile"} for p in built)


def test_failed_rule_gives_its_bilingual_message():
    status, text = policies.outcome("CKV_CNLIC_101", args(INSTANCE, {}, "cn-hongkong"))
    assert status is Status.FAILED
    assert "outside mainland China" in text and "在中国大陆以外" in text and text.endswith("SP-17(5))")


def test_unknown_values_are_read_through_the_sdk_proxy():
    status, text = policies.outcome("CKV_CNLIC_102", args(INSTANCE, {"availabilityZone": "cn-shenzhen-a",
                                                                      "tags": {"license-service": UNKNOWN}}))
    assert status is Status.FAILED and "unknown during preview" in text


def test_internal_error_is_a_violation_not_an_exception():
    status, text = policies.outcome("CKV_CNLIC_101", args(None, {}, None))  # type: ignore[arg-type]
    assert status is Status.FAILED and text.startswith("permitguard could not evaluate")


def test_policies_of_one_request_share_one_evaluation(monkeypatch):
    from permitguard.pulumi import levels

    calls = []
    real = engine.evaluate
    monkeypatch.setattr(engine, "evaluate", lambda *a, **k: calls.append(1) or real(*a, **k))
    request = args("aws:s3/bucket:Bucket", {"bucket": "shared-evaluation"})
    for token in (object(), object()):  # two Analyze requests (the server marks each)
        monkeypatch.setattr(levels, "request_token", lambda token=token: token)
        for meta in CATALOG:
            policies.outcome(meta.id, request)
    assert len(calls) == 2
