"""Benchmark: `permitguard scan` end-to-end on a generated 10,000-resource Terraform plan JSON.

Target (issue "Core"): ≤ 3 s end-to-end on a 2-core machine. Runs the installed console script in a
fresh process (imports included), three times, and prints the best and the median.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = 10_000
ZONES = ["cn-beijing-h", "cn-beijing-i", "cn-shanghai-l", "cn-hangzhou-h", "cn-hongkong-b", "cn-heyuan-a"]


def resource(i: int) -> dict:
    kind = i % 4
    if kind == 0:
        rtype, after = (
            "alicloud_instance",
            {
                "availability_zone": ZONES[i % len(ZONES)],
                "instance_type": "ecs.g7",
                "tags": {"license-service": ["idc", "isp", "vpn"][i % 3]},
            },
        )
    elif kind == 1:
        rtype, after = (
            "alicloud_security_group_rule",
            {
                "type": "ingress",
                "ip_protocol": "tcp",
                "port_range": f"{20 + i % 10}/{20 + i % 10}",
                "cidr_ip": "0.0.0.0/0" if i % 3 else "10.1.0.0/16",
            },
        )
    elif kind == 2:
        rtype, after = (
            "alicloud_ram_role",
            {
                "role_name": f"r{i}",
                "assume_role_policy_document": json.dumps(
                    {
                        "Version": "1",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Action": "sts:AssumeRole",
                                "Principal": {"RAM": [f"acs:ram::{1234567890123456 + i % 2}:root"]},
                            }
                        ],
                    }
                ),
            },
        )
    else:
        rtype, after = "alicloud_oss_bucket", {"bucket": f"b{i}", "tags": {"license-service": "idc"}}
    return {
        "address": f"{rtype}.r{i}",
        "mode": "managed",
        "type": rtype,
        "name": f"r{i}",
        "provider_name": "registry.terraform.io/aliyun/alicloud",
        "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": {"id": True}},
    }


def plan() -> dict:
    return {
        "format_version": "1.2",
        "terraform_version": "1.11.0",
        "variables": {"region": {"value": "cn-beijing"}},
        "resource_changes": [resource(i) for i in range(N)],
        "configuration": {
            "provider_config": {
                "alicloud": {
                    "name": "alicloud",
                    "full_name": "registry.terraform.io/aliyun/alicloud",
                    "expressions": {"region": {"references": ["var.region"]}},
                }
            },
            "root_module": {
                "resources": [
                    {
                        "address": f"{r['type']}.{r['name']}",
                        "mode": "managed",
                        "type": r["type"],
                        "name": r["name"],
                        "provider_config_key": "alicloud",
                    }
                    for r in (resource(i) for i in range(N))
                ]
            },
        },
    }


def main() -> None:
    exe = Path(sys.executable).with_name("permitguard")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        path.write_text(json.dumps(plan()), encoding="utf-8")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            proc = subprocess.run(
                [
                    str(exe),
                    "scan",
                    str(path),
                    "--format",
                    "json",
                    "--output",
                    f"{tmp}/out.json",
                    "--license",
                    str(ROOT / "infra/licenses/B1-20195402.yaml"),
                ],
                capture_output=True,
                text=True,
            )
            times.append(time.perf_counter() - start)
            if proc.returncode == 2:
                sys.exit(f"scan failed: {proc.stderr}")
        doc = json.loads(Path(f"{tmp}/out.json").read_text(encoding="utf-8"))
    print(
        f"cli scan, {N:,}-resource plan JSON ({len(doc['findings']):,} findings): "
        f"best {min(times):.2f} s, median {statistics.median(times):.2f} s (target ≤ 3 s)"
    )


if __name__ == "__main__":
    main()
