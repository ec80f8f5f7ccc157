"""permitguard.pulumi.shared_reads: the policies of one Analyze request share one conversion of it, and the
answers are exactly those of policies that each convert the request afresh (as pulumi-policy does).

The pack's servicer is served here in-process over real gRPC (the SDK's own servicer and the pack's own
policies), so that the conversions can be counted and the sharing switched off for comparison. The
runtime settings pulumi-policy sets before each request are set again only when their environment changed.
"""
from __future__ import annotations

import contextvars
from concurrent import futures

import grpc
import pulumi.runtime
import pulumi_policy.policy as sdk
import pytest
from pack_client import LEVELS, request
from pulumi.runtime.proto import analyzer_pb2 as pb
from pulumi.runtime.proto import analyzer_pb2_grpc
from pulumi_policy import EnforcementLevel

import pulumi
from permitguard.model import Status
from permitguard.pulumi import config, policies, run_state, secrets, shared_reads, wire

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
INSTANCE = "alicloud:ecs/instance:Instance"
SZ = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-shenzhen", "version": "3.101.0"})
HK = ("pulumi:providers:alicloud", "hk", {"region": "cn-hongkong", "version": "3.101.0"})
AWS = ("pulumi:providers:aws", "default_6_0_0", {"region": "cn-north-1", "version": "6.0.0"})
SECRET = {wire.SIG_KEY: wire.SECRET_SIG, "value": "isp"}
OUTPUT = {wire.SIG_KEY: wire.OUTPUT_VALUE_SIG, "value": "cn-shenzhen-a"}

IDC = {"license-service": "idc"}
REQUESTS = [
    request(INSTANCE, "plain", {"availabilityZone": "cn-shenzhen-a", "tags": IDC}, SZ),
    request(INSTANCE, "abroad", {"availabilityZone": "cn-hongkong-b", "tags": IDC}, HK),
    request(INSTANCE, "unknown-zone", {"availabilityZone": UNKNOWN, "tags": {"license-service": "vpn"}}, SZ),
    request(INSTANCE, "secret-tag", {"availabilityZone": OUTPUT, "tags": {"license-service": SECRET}}, SZ),
    request(INSTANCE, "not-finite", {"availabilityZone": "cn-shenzhen-a", "cpu": float("nan")}, SZ),
    request(INSTANCE, "no-provider", {"availabilityZone": "cn-shenzhen-a"}),
    request("alicloud:ecs/securityGroupRule:SecurityGroupRule", "sg",
            {"type": "ingress", "ipProtocol": "tcp", "portRange": "22/22", "cidrIp": "0.0.0.0/0"}, SZ),
    request("aws:s3/bucket:Bucket", "bucket", {"bucket": "b", "tags": {"license-service": "idc"}}, AWS),
    request("pulumi:providers:alicloud", "hk", {"region": "cn-hongkong"}),
    request("pulumi:pulumi:Stack", "stack", {}),
]


@pytest.fixture
def served(monkeypatch):
    """The pack's policies behind the SDK's servicer, served over gRPC in this process, configured with
    each policy's default level; a pack state of its own (the session's is put back afterwards)."""
    monkeypatch.setattr(run_state, "_state", run_state.PackState())
    pack = policies.pack_policies()
    servicer = sdk._PolicyAnalyzerServicer(policies.NAME, "0.0.1", pack, EnforcementLevel.ADVISORY)  # noqa: SLF001
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    analyzer_pb2_grpc.add_AnalyzerServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    stub = analyzer_pb2_grpc.AnalyzerStub(channel)
    stub.Configure(pb.ConfigureAnalyzerRequest(policyConfig={
        p.name: pb.PolicyConfig(enforcementLevel=LEVELS[p.enforcement_level.value]) for p in pack}))
    yield stub, len(pack)
    channel.close()
    server.stop(0)


@pytest.fixture
def conversions(monkeypatch):
    """Counts the protobuf → dict conversions of resource and provider properties."""
    made = []
    real = secrets._to_dict  # noqa: SLF001

    def counted(message, *args, **kwargs):
        made.append(message)
        return real(message, *args, **kwargs)

    monkeypatch.setattr(secrets, "_to_dict", counted)
    return made


def test_one_request_is_converted_once_for_all_policies(served, conversions, monkeypatch):
    stub, _ = served
    looked_up = []
    real = config.context
    monkeypatch.setattr(config, "context", lambda *a, **k: looked_up.append(1) or real(*a, **k))
    stub.Analyze(REQUESTS[0])
    assert len(conversions) == 2  # the resource's properties and its provider's, once each
    assert len(looked_up) == 1  # the licence context too (no policy carries settings of its own)
    conversions.clear()
    stub.Analyze(REQUESTS[5])  # no provider
    assert len(conversions) == 1


def test_sharing_changes_no_answer(served, conversions, monkeypatch):
    stub, count = served
    shared = [stub.Analyze(r) for r in REQUESTS]
    assert len(conversions) == sum(2 if r.HasField("provider") else 1 for r in REQUESTS)
    conversions.clear()
    monkeypatch.setattr(shared_reads, "_reads", lambda: None)  # every policy converts afresh, as the SDK does
    afresh = [stub.Analyze(r) for r in REQUESTS]
    assert len(conversions) == count * sum(2 if r.HasField("provider") else 1 for r in REQUESTS)
    assert afresh == shared
    assert all(a.diagnostics or a.not_applicable for a in shared) and any(a.diagnostics for a in shared)


def test_concurrent_requests_each_keep_their_own_reading(served):
    stub, _ = served
    alone = [stub.Analyze(r) for r in REQUESTS]
    with futures.ThreadPoolExecutor(max_workers=4) as pool:  # as the engine sends steps in parallel
        together = list(pool.map(stub.Analyze, REQUESTS * 5))
    assert together == alone * 5


def test_each_request_gets_its_own_reading(served):
    stub, _ = served
    abroad = [d.policyName for d in stub.Analyze(REQUESTS[1]).diagnostics]
    home = [d.policyName for d in stub.Analyze(REQUESTS[0]).diagnostics]
    assert any(name.startswith("cnlic-101") for name in abroad)
    assert not any(name.startswith("cnlic-101") for name in home)


def test_nothing_is_shared_outside_an_analyze_request():
    source = {"a": 1}
    made = []
    assert shared_reads.once("x", source, lambda: made.append(1) or len(made)) == 1
    assert shared_reads.once("x", source, lambda: made.append(1) or len(made)) == 2
    shared_reads.install()
    shared_reads.install()  # idempotent
    assert sdk.unknown_checking_proxy(source) is not sdk.unknown_checking_proxy(source)


def test_a_pass_renders_no_message():
    from test_policies import INSTANCE as TOKEN
    from test_policies import args

    status, text = policies.outcome("CKV_CNLIC_101", args(TOKEN, {"availabilityZone": "cn-shenzhen-a"}))
    assert (status, text) == (Status.PASSED, "")


def test_runtime_settings_are_set_again_only_when_their_environment_changes(monkeypatch):
    monkeypatch.setattr(run_state, "_state", run_state.PackState())
    configured = []
    real = pulumi.runtime.configure
    monkeypatch.setattr(pulumi.runtime, "configure", lambda s: configured.append(s.project) or real(s))
    servicer = sdk._PolicyAnalyzerServicer("t", "0.0.1", policies.pack_policies(), EnforcementLevel.ADVISORY)  # noqa: SLF001

    def requests() -> str:
        for project in ("first", "first", "second", "second"):
            monkeypatch.setenv("PULUMI_PROJECT", project)
            servicer._configure_runtime_settings()  # noqa: SLF001 - as the SDK does before each request
        return pulumi.get_project()

    monkeypatch.setenv("PULUMI_STACK", "dev")
    monkeypatch.setenv("PULUMI_DRY_RUN", "true")
    assert contextvars.copy_context().run(requests) == "second"  # the settings stay in that context
    assert configured == ["first", "second"]
