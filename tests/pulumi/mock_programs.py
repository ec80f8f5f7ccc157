"""Run a real Pulumi program in-process under Pulumi's mocks and record what it registers.

`run(dir)` loads `Pulumi.yaml` and `Pulumi.<stack>.yaml`, sets the stack config, runs `__main__.py` with
a recording MockMonitor (preview mode) and returns every RegisterResource request: type token, name,
URN, parent, provider reference and inputs in wire format (camelCase names, unknown sentinels, secret
objects). From those, `analyze_requests` builds what the engine sends the pack (with the default
providers the engine itself registers: `pulumi:providers:<pkg>` named `default_<version>`, props from
the stack config `<pkg>:*` plus `version`), `preview_document` what `pulumi preview --json` writes, and
`stack_export` what `pulumi stack export` writes after an update of the program.
"""
from __future__ import annotations

import json
import re
import runpy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from google.protobuf import json_format
from pack_client import ROOT, struct, violations
from pulumi.runtime import mocks, settings
from pulumi.runtime.proto import analyzer_pb2 as pb
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

import pulumi
from permitguard.rule_catalog import RuleCatalog

PROGRAMS = ROOT / "infra" / "pulumi"
AS_OF = "2026-11-28"  # the change date filing checks use (tests/conftest.py pins the same)
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
SECRET_SIG = ("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270")
PROVIDERS = "pulumi:providers:"


@dataclass
class Registration:
    type: str
    name: str
    urn: str
    parent: str
    custom: bool
    provider: str  # "<urn>::<id>" or "" (the package's default provider)
    version: str
    inputs: dict[str, Any]


@dataclass
class Program:
    path: Path
    project: str
    stack: str
    config: dict[str, Any]
    registrations: list[Registration] = field(default_factory=list)


class _Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict]:
        return f"{args.name}-id", dict(args.inputs)  # outputs the mocks do not return stay unknown

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict:
        return {}


class RecordingMonitor(mocks.MockMonitor):
    def __init__(self, project: str, stack: str) -> None:
        super().__init__(_Mocks())
        self.project, self.stack = project, stack
        self.registrations: list[Registration] = []
        self.stack_urn = ""

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # As the engine does: children of the root stack carry no parent type in their URN.
        if parent and parent != self.stack_urn:
            type_ = parent.split("::")[2].split("$")[-1] + "$" + type_
        return f"urn:pulumi:{self.stack}::{self.project}::{type_}::{name}"

    def RegisterResource(self, request):  # noqa: N802 (gRPC method name)
        response = super().RegisterResource(request)
        if request.type == "pulumi:pulumi:Stack":
            self.stack_urn = response.urn
        self.registrations.append(Registration(
            request.type, request.name, response.urn, request.parent, request.custom, request.provider,
            request.version, json_format.MessageToDict(request.object)))
        return response


def run(path: Path, stack: str = "dev") -> Program:
    project = yaml.safe_load((path / "Pulumi.yaml").read_text())["name"]
    config = (yaml.safe_load((path / f"Pulumi.{stack}.yaml").read_text()) or {}).get("config") or {}
    pulumi.runtime.set_all_config({k: v if isinstance(v, str) else json.dumps(v) for k, v in config.items()})
    monitor = RecordingMonitor(project, stack)
    settings.set_root_resource(None)  # type: ignore[arg-type]  # a fresh root stack for each program
    mocks.set_mocks(_Mocks(), project, stack, preview=True, monitor=monitor)
    _sync_await(run_pulumi_func(lambda: runpy.run_path(str(path / "__main__.py"), run_name="__main__")))
    return Program(path, project, stack, config, monitor.registrations)


def default_provider(program: Program, package: str, version: str) -> Registration:
    """The default provider the engine registers for `package` (name and props as the engine builds them)."""
    name = "default_" + version.replace(".", "_").replace("-", "_") if version else "default"
    props = {k.split(":", 1)[1]: v for k, v in program.config.items() if k.split(":", 1)[0] == package}
    urn = f"urn:pulumi:{program.stack}::{program.project}::{PROVIDERS}{package}::{name}"
    props = {**props, "version": version} if version else props
    return Registration(PROVIDERS + package, name, urn, "", True, "", version, props)


def resolved(program: Program) -> list[tuple[Registration, Registration | None]]:
    """(resource, its provider) in the engine's order: a default provider comes just before its first user."""
    by_urn = {r.urn: r for r in program.registrations}
    defaults: dict[str, Registration] = {}
    out: list[tuple[Registration, Registration | None]] = []
    for reg in program.registrations:
        provider = None
        if reg.custom and not reg.type.startswith(PROVIDERS):
            if reg.provider:
                provider = by_urn[reg.provider.rsplit("::", 1)[0]]
            else:
                package = reg.type.split(":", 1)[0]
                if package not in defaults:
                    defaults[package] = default_provider(program, package, reg.version)
                    out.append((defaults[package], None))
                provider = defaults[package]
        out.append((reg, provider))
    return out


def analyze_request(reg: Registration, provider: Registration | None) -> pb.AnalyzeRequest:
    request = pb.AnalyzeRequest(type=reg.type, properties=struct(reg.inputs), urn=reg.urn, name=reg.name,
                                options=pb.AnalyzerResourceOptions(parent=reg.parent))
    if provider is not None:
        request.provider.CopyFrom(pb.AnalyzerProviderResource(
            type=provider.type, properties=struct(provider.inputs), urn=provider.urn, name=provider.name))
    return request


def analyze_requests(program: Program) -> list[pb.AnalyzeRequest]:
    return [analyze_request(reg, provider) for reg, provider in resolved(program)]


def _as_preview_json(value: Any) -> Any:
    """`pulumi preview --json` blinds secrets (ciphertext only) and writes unknowns as the sentinel."""
    if isinstance(value, dict):
        if (value.get(SECRET_SIG[0])) == SECRET_SIG[1]:
            return {SECRET_SIG[0]: SECRET_SIG[1], "ciphertext": "[secret]"}
        return {k: _as_preview_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_preview_json(v) for v in value]
    return value


def preview_document(program: Program, default_provider_steps: bool = True) -> dict[str, Any]:
    steps = []
    for reg, provider in resolved(program):
        if reg.name.startswith("default_") and reg.type.startswith(PROVIDERS) and not default_provider_steps:
            continue
        ref = f"{provider.urn}::{UNKNOWN}" if provider is not None else ""
        state = {"urn": reg.urn, "custom": reg.custom, "type": reg.type, "parent": reg.parent,
                 "inputs": _as_preview_json(reg.inputs), "provider": ref}
        steps.append({"op": "create", "urn": reg.urn, "provider": ref, "newState": state})
    config = {k: v if isinstance(v, str) else json.dumps(v) for k, v in program.config.items()}
    return {"config": config, "steps": steps, "changeSummary": {"create": len(steps)}}


def names() -> list[str]:
    return sorted(p.name for p in PROGRAMS.iterdir() if (p / "Pulumi.yaml").is_file())


def normalised(urn: str) -> str:
    """A default provider is written `default` in expected files: its version suffix varies with the SDK."""
    return re.sub(r"::default_[0-9A-Za-z_]+$", "::default", urn)


def expected(name: str) -> set[tuple[str, str]]:
    """(rule id, URN) of every violation a program's expected_findings.yaml lists."""
    data = yaml.safe_load((PROGRAMS / name / "expected_findings.yaml").read_text()) or {}
    return {(rule, urn) for rule, urns in (data.get("failed") or {}).items() for urn in urns}


def pack_findings(pack, program: Program) -> set[tuple[str, str, str]]:
    """(rule id, URN, level) of every diagnostic the pack gives for the program's registrations, sent in
    the engine's order (Analyze per resource, then AnalyzeStack over all of them)."""
    catalog = RuleCatalog.load()
    found, resources = set(), []
    for request in analyze_requests(program):
        for policy, level, _ in violations(pack.analyze(request)):
            found.add((catalog.by_name(policy).id, normalised(request.urn), level))
        resources.append(pb.AnalyzerResource(type=request.type, properties=request.properties,
                                             urn=request.urn, name=request.name, provider=request.provider))
    stack = pack.stub.AnalyzeStack(pb.AnalyzeStackRequest(resources=resources))
    found |= {(catalog.by_name(d.policyName).id, d.urn or "(stack)", "stack") for d in stack.diagnostics}
    return found


def _as_export_json(value: Any, show_secrets: bool) -> Any:
    """`pulumi stack export` writes a secret encrypted (`ciphertext`), or with `--show-secrets` its value as
    JSON text (`plaintext`)."""
    if isinstance(value, dict):
        if value.get(SECRET_SIG[0]) == SECRET_SIG[1]:
            if show_secrets:
                return {SECRET_SIG[0]: SECRET_SIG[1], "plaintext": json.dumps(value.get("value"))}
            return {SECRET_SIG[0]: SECRET_SIG[1], "ciphertext": "v1:bm90LWEtcmVhbC1jaXBoZXJ0ZXh0"}
        return {k: _as_export_json(v, show_secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_export_json(v, show_secrets) for v in value]
    return value


def stack_export(program: Program, show_secrets: bool = False) -> dict[str, Any]:
    """What `pulumi stack export` writes after `pulumi up` of the program under the mocks: every resource
    with its inputs as outputs (the mocks return the inputs), default providers included, the provider
    reference `<urn>::<id>` (the mocks give `<name>-id`)."""
    resources = []
    for reg, provider in resolved(program):
        props = _as_export_json(reg.inputs, show_secrets)
        entry: dict[str, Any] = {"urn": reg.urn, "custom": reg.custom, "type": reg.type}
        if reg.custom:
            entry["id"] = f"{reg.name}-id"
        entry.update({"inputs": props, "outputs": props})
        if reg.parent:
            entry["parent"] = reg.parent
        if provider is not None:
            entry["provider"] = f"{provider.urn}::{provider.name}-id"
        resources.append(entry)
    return {"version": 3, "deployment": {
        "manifest": {"time": f"{AS_OF}T00:00:00Z", "magic": "", "version": "v3.0.0"},
        "secrets_providers": {"type": "passphrase", "state": {"salt": "v1:c2FsdA=="}},
        "resources": resources}}
