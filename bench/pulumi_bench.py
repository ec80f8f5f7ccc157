"""Benchmark: the Pulumi policy pack over the real analyzer protocol.

Starts the pack as the Pulumi CLI does (`python -u -m pulumi.policy <addr> .` in policies/pulumi), times
start-to-ready (process start until the port is printed and the server answers), configures it as the CLI
would, then sends 1,000 Analyze requests one after another (a mix of Alibaba Cloud, AWS and Azure
resources with default and explicit providers, unknowns and violations) and prints p50/p99 latency per
resource. For scale, the same is measured on a trivial pack (seven policies that do nothing), which is
the protocol's own floor, and on one with as many policies as the permitguard pack, each answering "not
applicable" as most of ours do: the floor of pulumi-policy's per-policy work for a pack this size.
Target (issue "Pulumi front door"): p99 <= 2 ms per resource.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "pulumi"))

from mock_programs import UNKNOWN, Registration, analyze_request  # noqa: E402
from pack_client import Pack  # noqa: E402

N = 1_000
ZONES = ["cn-shenzhen-a", "cn-beijing-h", "cn-hongkong-b", "cn-heyuan-a", "cn-shanghai-l", UNKNOWN]
TRIVIAL_PACK = '''from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy
PolicyPack(name="trivial", policies=[
    ResourceValidationPolicy(name=f"noop-{i}", description="does nothing", validate=lambda args, report: None,
                             enforcement_level=EnforcementLevel.MANDATORY) for i in range(7)])
'''
SIZED_PACK = '''from pulumi_policy import EnforcementLevel, PolicyPack, ResourceValidationPolicy
def validate(args, report):
    args.not_applicable(f"{args.urn} is not what this policy judges")
PolicyPack(name="sized", policies=[
    ResourceValidationPolicy(name=f"na-{i}", description="judges nothing", validate=validate,
                             enforcement_level=EnforcementLevel.MANDATORY) for i in range(COUNT)])
'''


def provider(package: str, name: str, region: str) -> Registration:
    urn = f"urn:pulumi:bench::bench::pulumi:providers:{package}::{name}"
    return Registration(f"pulumi:providers:{package}", name, urn, "", True, "", "1.0.0",
                        {"region" if package != "azure" else "location": region, "version": "1.0.0"})


PROVIDERS = [provider("alicloud", "default_1_0_0", "cn-shenzhen"), provider("alicloud", "hk", "cn-hongkong"),
             provider("aws", "default_1_0_0", "cn-north-1"), provider("azure", "default_1_0_0", "chinaeast2")]


def _instance(i: int) -> dict:
    return {"availabilityZone": ZONES[i % len(ZONES)], "instanceType": "ecs.g7.large",
            "tags": {"license-service": ["idc", "isp", "vpn"][i % 3]}}


def _sg_rule(i: int) -> dict:
    return {"type": "ingress", "ipProtocol": "tcp", "portRange": f"{20 + i % 10}/{20 + i % 10}",
            "cidrIp": "0.0.0.0/0" if i % 3 else "10.1.0.0/16", "securityGroupId": UNKNOWN}


def _role(i: int) -> dict:
    principal = {"AWS": f"arn:aws-cn:iam::{111122223333 + i % 2}:root"}
    return {"assumeRolePolicy": json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal}]})}


def _bucket(i: int) -> dict:
    return {"bucket": f"b{i}", "tags": {"license-service": "idc"}}


def _nsg(i: int) -> dict:
    rule = {"name": "rdp", "priority": 100.0, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
            "sourcePortRange": "*", "destinationPortRange": "3389", "destinationAddressPrefix": "*",
            "sourceAddressPrefix": "*" if i % 2 else "10.0.0.0/8"}
    return {"location": "chinaeast2", "resourceGroupName": UNKNOWN, "securityRules": [rule]}


KINDS = [("alicloud:ecs/instance:Instance", _instance, lambda i: PROVIDERS[i % 2]),
         ("alicloud:ecs/securityGroupRule:SecurityGroupRule", _sg_rule, lambda i: PROVIDERS[0]),
         ("aws:iam/role:Role", _role, lambda i: PROVIDERS[2]),
         ("aws:s3/bucket:Bucket", _bucket, lambda i: PROVIDERS[2]),
         ("azure:network/networkSecurityGroup:NetworkSecurityGroup", _nsg, lambda i: PROVIDERS[3])]


def resource(i: int) -> tuple[Registration, Registration]:
    token, props, provider_of = KINDS[i % len(KINDS)]
    prov = provider_of(i)
    urn = f"urn:pulumi:bench::bench::{token}::r{i}"
    return Registration(token, f"r{i}", urn, "", True, f"{prov.urn}::{UNKNOWN}", "1.0.0", props(i)), prov


def measure(pack: Pack, requests: list) -> list[float]:
    for request in requests[:50]:  # warm-up: imports, caches
        pack.analyze(request)
    latencies = []
    for request in requests:
        started = time.perf_counter()
        pack.analyze(request)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def report(label: str, ready: float, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    print(f"{label}: start-to-ready {ready:.2f} s; Analyze over gRPC, {len(ordered)} resources: "
          f"p50 {statistics.median(ordered):.2f} ms, p99 {p99:.2f} ms, max {ordered[-1]:.2f} ms")


def floor(label: str, source: str, requests: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "PulumiPolicy.yaml").write_text("runtime: python\n")
        (Path(tmp) / "__main__.py").write_text(source)
        trivial = Pack.start(directory=Path(tmp))
        try:
            trivial.configure({})
            report(label, trivial.ready_seconds, measure(trivial, requests))
        finally:
            trivial.stop()


def main() -> int:
    requests = [analyze_request(*resource(i)) for i in range(N)]
    pack = Pack.start(env={"PERMITGUARD_AS_OF": "2026-11-28"})
    try:
        pack.configure_stack(project="bench", stack="bench")
        pack.configure({})
        count = len(pack.info().policies)
        permitguard = measure(pack, requests)
        report("permitguard pack", pack.ready_seconds, permitguard)
    finally:
        pack.stop()
    floor("trivial pack (protocol floor)", TRIVIAL_PACK, requests)
    floor(f"{count} not-applicable policies (pulumi-policy's floor for {count})",
          SIZED_PACK.replace("COUNT", str(count)), requests)
    p99 = sorted(permitguard)[int(N * 0.99) - 1]
    print(f"target p99 <= 2 ms per resource: {'met' if p99 <= 2 else 'NOT met'} ({p99:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
