"""Pulumi wire values and `pulumi preview --json` documents for the bad-input suite: an SSH rule whose
source is a given wire value, a vSwitch whose zone is one, and the signature objects Pulumi writes
(sdk/go/common/resource/properties.go): secrets, output values, resource references, assets, archives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SIG = "4dabf18193072939515e22adb298388d"
SECRET = {SIG: "1b47061264138c4ac30d75fd1eb44270", "value": "10.0.0.0/8"}
ASSET = {SIG: "c44067f5952c0a294b673a41bacd8c17", "path": "./allow-list.txt"}
ARCHIVE = {SIG: "0def7320c3a5731c473e5ecbe6d01bc7", "path": "./code.zip"}
OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4"
REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
STACK = "urn:pulumi:dev::demo::"
PROVIDER = "pulumi:providers:alicloud"
RULE = "alicloud:ecs/securityGroupRule:SecurityGroupRule"
SWITCH = "alicloud:vpc/switch:Switch"


def output(value: Any = None, secret: bool = False, known: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {SIG: OUTPUT_SIG, "secret": secret, "dependencies": [STACK + "x::y"]}
    if known:
        out["value"] = value
    return out


def ref(id_: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {SIG: REF_SIG, "urn": STACK + "alicloud:ecs/securityGroup:SecurityGroup::sg"}
    if id_ is not None:
        out["id"] = id_
    return out


def ssh_rule(source: Any) -> dict[str, Any]:
    return {
        "type": "ingress",
        "ipProtocol": "tcp",
        "portRange": "22/22",
        "cidrIp": source,
        "securityGroupId": "sg-1",
        "policy": "accept",
    }


def urn(token: str, name: str) -> str:
    return f"{STACK}{token}::{name}"


def step(
    token: str, name: str, inputs: Any, provider: str | None = "bj", op: str = "create", custom: Any = True
) -> dict[str, Any]:
    ref_ = f"{urn(PROVIDER, provider)}::id-{provider}" if provider else ""
    state = {"urn": urn(token, name), "type": token, "custom": custom, "inputs": inputs, "provider": ref_}
    return {"op": op, "urn": urn(token, name), "provider": ref_, "newState": state}


def provider_step(name: str = "bj", region: Any = "cn-beijing") -> dict[str, Any]:
    return {
        "op": "create",
        "urn": urn(PROVIDER, name),
        "newState": {
            "urn": urn(PROVIDER, name),
            "type": PROVIDER,
            "custom": True,
            "inputs": {"region": region},
        },
    }


def preview(*steps: Any, config: Any = None) -> dict[str, Any]:
    return {"config": {} if config is None else config, "steps": [provider_step(), *steps]}


def write(folder: Path, doc: Any) -> Path:
    path = folder / "preview.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path
