"""Terraform plan documents for the bad-input suite: the shapes `terraform show -json` writes, built small,
so that each case changes one thing. A compliant VPC in Beijing and a vSwitch in Hong Kong (CKV_CNLIC_101)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ALICLOUD = "registry.terraform.io/aliyun/alicloud"
HK_ZONE = "cn-hongkong-b"


def change(
    address: str = "alicloud_vpc.ok", actions: list | None = None, after: Any = "default", **extra: Any
) -> dict[str, Any]:
    """One resource change; `after` defaults to a compliant VPC (a vSwitch in Hong Kong for `*.hk`)."""
    type_, name = address.rsplit(".", 1)[0].split(".")[-1], address.rsplit(".", 1)[1].split("[")[0]
    if after == "default":
        after = (
            {"zone_id": HK_ZONE, "cidr_block": "10.1.0.0/24"}
            if name == "hk"
            else {"cidr_block": "10.0.0.0/16", "vpc_name": "ok"}
        )
    rc = {
        "address": address,
        "mode": "managed",
        "type": type_,
        "name": name,
        "provider_name": ALICLOUD,
        "change": {
            "actions": ["create"] if actions is None else actions,
            "before": None,
            "after": after,
            "after_unknown": {},
        },
    }
    for key, value in extra.items():
        if key in ("after_unknown", "after_sensitive", "before_sensitive", "before"):
            rc["change"][key] = value
        else:
            rc[key] = value
    return rc


HK = "alicloud_vswitch.hk"
OK = "alicloud_vpc.ok"


def state_resource(address: str, values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    type_, name = address.split(".")[-2], address.split(".")[-1]
    return {
        "address": address,
        "mode": "managed",
        "type": type_,
        "name": name,
        "provider_name": ALICLOUD,
        "schema_version": 0,
        "values": values,
        "sensitive_values": {},
        **extra,
    }


def plan(changes: list[Any] | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "complete": True,
        "resource_changes": copy.deepcopy(changes if changes is not None else [change()]),
        "configuration": {
            "provider_config": {
                "alicloud": {
                    "name": "alicloud",
                    "full_name": ALICLOUD,
                    "expressions": {"region": {"constant_value": "cn-beijing"}},
                }
            }
        },
    }
    doc.update(extra)
    return doc


def write(folder: Path, doc: Any, name: str = "plan.json") -> Path:
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path
