"""Drive the policy pack as the Pulumi CLI does: start it, read its port, talk pulumirpc.Analyzer.

The CLI starts `python -u -m pulumi.policy <engine-address> .` in the pack directory with PULUMI_CONFIG,
PULUMI_PROJECT, PULUMI_STACK and PULUMI_DRY_RUN set; the pack prints its port as its first stdout line.
Then: ConfigureStack, GetAnalyzerInfo, Configure (with the config reconciled as the CLI reconciles it:
every policy's level and schema defaults, then `all`, then per-policy entries), Analyze per resource,
AnalyzeStack. `reconcile` mirrors the CLI's ReconcilePolicyPackConfig (pkg/resource/analyzer/config.go).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import jsonschema
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2 as pb
from pulumi.runtime.proto import analyzer_pb2_grpc

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "policies" / "pulumi"
LEVELS = {"advisory": pb.ADVISORY, "mandatory": pb.MANDATORY, "remediate": pb.REMEDIATE,
          "disabled": pb.DISABLED}
LEVEL_NAMES = {v: k for k, v in LEVELS.items()}


def struct(value: dict[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(value)
    return s


@dataclass
class Pack:
    """One running pack process and a client of it."""

    process: subprocess.Popen
    port: int
    stub: analyzer_pb2_grpc.AnalyzerStub
    ready_seconds: float
    stderr: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, env: dict[str, str] | None = None, timeout: float = 60.0,
              directory: Path = PACK_DIR) -> Pack:
        environ = {**os.environ, "PULUMI_CONFIG": "{}", "PULUMI_PROJECT": "permitguard-tests",
                   "PULUMI_STACK": "dev", "PULUMI_DRY_RUN": "true", **(env or {})}
        paths = (str(ROOT / "policies"), environ.get("PYTHONPATH"))
        environ["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
        started = time.perf_counter()
        command = [sys.executable, "-u", "-m", "pulumi.policy", "127.0.0.1:1", "."]  # as the CLI runs it
        proc = subprocess.Popen(command, cwd=directory, env=environ, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        stderr: list[str] = []
        threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True).start()
        line = _first_line(proc, timeout)
        if not line.strip().isdigit():
            proc.kill()
            tail = "".join(stderr)[-2000:]
            raise RuntimeError(f"pack did not print its port first: {line!r}; stderr: {tail}")
        channel = grpc.insecure_channel(f"127.0.0.1:{int(line)}")
        stub = analyzer_pb2_grpc.AnalyzerStub(channel)
        stub.GetPluginInfo(empty_pb2.Empty(), timeout=timeout)
        return cls(proc, int(line), stub, time.perf_counter() - started, stderr)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def configure_stack(self, project: str = "permitguard-tests", stack: str = "dev",
                        config: dict[str, str] | None = None) -> None:
        self.stub.ConfigureStack(pb.AnalyzerStackConfigureRequest(
            stack=stack, project=project, organization="organization", dry_run=True, config=config or {}))

    def info(self) -> pb.AnalyzerInfo:
        return self.stub.GetAnalyzerInfo(empty_pb2.Empty())

    def configure(self, given: dict[str, Any] | None = None) -> dict[str, tuple[str, dict[str, Any]]]:
        """Send Configure exactly as the CLI would for `--policy-pack-config` holding `given`."""
        result = reconcile(self.info(), given or {})
        self.stub.Configure(pb.ConfigureAnalyzerRequest(policyConfig={
            name: pb.PolicyConfig(enforcementLevel=LEVELS[level], properties=struct(props))
            for name, (level, props) in result.items()}))
        return result

    def analyze(self, request: pb.AnalyzeRequest) -> pb.AnalyzeResponse:
        return self.stub.Analyze(request)


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return box[0] if box else ""


def _parse(given: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """parsePolicyPackConfig: a string is a level; an object may hold `enforcementLevel` and properties."""
    parsed = {}
    for key, value in json.loads(json.dumps(given)).items():
        if isinstance(value, str):
            level, props = value, {}
        else:
            level, props = value.pop("enforcementLevel", ""), value
        if level and level not in LEVELS:
            raise ValueError(f"parsing enforcement level for {key!r}: {level!r} is not a valid level")
        if level or props:
            parsed[key] = (level, props)
    return parsed


def reconcile(info: pb.AnalyzerInfo, given: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """ReconcilePolicyPackConfig: defaults, then `all`, then per-policy; validated against each schema."""
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    schemas = {}
    for policy in info.policies:
        schema = json_format.MessageToDict(policy.configSchema.properties)
        defaults = {k: v["default"] for k, v in schema.items() if "default" in v}
        result[policy.name] = (LEVEL_NAMES[policy.enforcementLevel], defaults)
        schemas[policy.name] = {"type": "object", "required": list(policy.configSchema.required),
                                "properties": {**schema, "enforcementLevel": {"enum": list(LEVELS)}}}
    config = _parse(given)
    if "all" in config and config["all"][0]:
        result = {name: (config["all"][0], props) for name, (_, props) in result.items()}
    for key, (level, props) in config.items():
        old_level, old_props = result.get(key, ("", {}))
        result[key] = (level or old_level, {**old_props, **props})
    errors = [f"{name}: {e.message}" for name, schema in schemas.items()
              for e in jsonschema.Draft7Validator(schema).iter_errors(result[name][1])]
    if errors:
        raise ValueError("policy pack configuration is invalid: " + "; ".join(errors))
    unset = [k for k, (level, _) in result.items() if level not in LEVELS]
    if unset:
        raise ValueError(f"invalid enforcement level for {unset}")
    return result


def violations(response: pb.AnalyzeResponse) -> list[tuple[str, str, str]]:
    """(policy name, enforcement level, message) of every diagnostic."""
    return [(d.policyName, LEVEL_NAMES[d.enforcementLevel], d.message) for d in response.diagnostics]


def not_applicable(response: pb.AnalyzeResponse) -> dict[str, str]:
    return {n.policy_name: n.reason for n in response.not_applicable}


Provider = tuple[str, str, dict[str, Any]]  # type token, name, props


def request(token: str, name: str, props: dict[str, Any], provider: Provider | None = None,
            project: str = "permitguard-tests", stack: str = "dev") -> pb.AnalyzeRequest:
    """An Analyze request for one resource; `provider` is (type token, name, props) of its provider."""
    prefix = f"urn:pulumi:{stack}::{project}::"
    out = pb.AnalyzeRequest(type=token, name=name, urn=f"{prefix}{token}::{name}", properties=struct(props))
    if provider is not None:
        ptype, pname, pprops = provider
        urn = f"{prefix}{ptype}::{pname}"
        prov = pb.AnalyzerProviderResource(type=ptype, name=pname, urn=urn, properties=struct(pprops))
        out.provider.CopyFrom(prov)
    return out
