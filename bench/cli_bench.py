"""Benchmark: `permitguard scan` end-to-end on generated Terraform plan JSONs (10,000, 12 and 100,000
resources).

Runs the installed console script in a fresh process on each plan and prints wall time, its ratio to a
bare `json.load` of the same file in the same run (interleaved: the same load for both), peak memory and
output size; then, over every run of every round, the spread (fastest–slowest wall, lowest–highest ratio).
`--rounds N` repeats the table (`make bench` runs two rounds: the spread the issue asks for); the
100,000-resource plan (53 MB in, ~0.6 GB of JSON out) is scanned once, in the first round only (it takes
most of the bench's time; `--no-big` leaves it out).
"""

from __future__ import annotations

import argparse
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


def plan(n: int = N) -> dict:
    return {
        "format_version": "1.2",
        "terraform_version": "1.11.0",
        "variables": {"region": {"value": "cn-beijing"}},
        "resource_changes": [resource(i) for i in range(n)],
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
                    for r in (resource(i) for i in range(n))
                ]
            },
        },
    }


_PEAK = ("import resource,subprocess,sys;r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
         "stderr=subprocess.PIPE);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
         "sys.stderr.write(r.stderr.decode()[-2000:]);sys.exit(r.returncode)")


def _run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one fresh process (measured by a wrapper that runs only it); fails the
    benchmark on exit 2."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{Path(cmd[0]).name} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed, int(proc.stdout.split()[-1]) / 1024


def _json_load(path: Path) -> float:
    """A bare `json.load` of the same file in a fresh interpreter: the floor a scan is measured against."""
    code = f"import json;json.load(open({str(path)!r}))"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def _small_plan(n: int = 12) -> dict:
    doc = plan()
    doc["resource_changes"] = doc["resource_changes"][:n]
    doc["configuration"]["root_module"]["resources"] = doc["configuration"]["root_module"]["resources"][:n]
    return doc


BIG = 100_000
CASES = [(f"{N:,}-resource plan", plan, 3), ("12-resource plan", _small_plan, 3),
         (f"{BIG:,}-resource plan", lambda: plan(BIG), 1)]  # (label, document, fresh runs in a round)
BIG_ROUNDS = 1  # the 100,000-resource plan takes most of the bench's time: scanned in the first round only


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=1, help="repeat the whole table (the spread between runs)")
    ap.add_argument("--no-big", action="store_true", help=f"leave out the {BIG:,}-resource plan")
    opts = ap.parse_args()
    exe = Path(sys.executable).with_name("permitguard")
    license_ = str(ROOT / "infra/licenses/B1-20195402.yaml")
    cases = CASES[:2] if opts.no_big else CASES
    every: dict[str, list[tuple[float, float]]] = {label: [] for label, _, _ in cases}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for label, make, _ in cases:  # written once: every round reads the same files
            paths[label] = Path(tmp) / f"plan-{len(paths)}.json"
            paths[label].write_text(json.dumps(make()), encoding="utf-8")
        for round_ in range(1, opts.rounds + 1):
            rows = []
            for label, _, repeat in cases:
                if label.startswith(f"{BIG:,}") and round_ > BIG_ROUNDS:
                    continue
                path = paths[label]
                cmd = [str(exe), "scan", str(path), "--format", "json", "--output", f"{tmp}/out.json",
                       "--license", license_]
                runs = [(_run(cmd), _json_load(path)) for _ in range(repeat)]  # interleaved: same load
                every[label] += [(r[0][0], r[0][0] / r[1]) for r in runs]
                wall = statistics.median(r[0][0] for r in runs)
                floor = statistics.median(r[1] for r in runs)
                peak = max(r[0][1] for r in runs)
                size = Path(f"{tmp}/out.json").stat().st_size / 1e6
                rows.append((label, path.stat().st_size / 1e6, wall, floor, wall / floor, peak, size, repeat))
            print(f"round {round_}/{opts.rounds}")
            print(f"{'cli scan, JSON to a file':28} {'input':>8} {'wall':>7} {'json.load':>10} {'ratio':>7} "
                  f"{'peak RSS':>9} {'output':>8} {'runs':>5}")
            for label, size, wall, floor, ratio, peak, out, repeat in rows:
                print(f"{label:28} {size:6.1f}MB {wall:6.2f}s {floor:9.3f}s {ratio:6.1f}x {peak:7.0f}MiB "
                      f"{out:6.1f}MB {repeat:5}")
    print(f"spread over {opts.rounds} round(s): fastest–slowest wall, lowest–highest ratio to json.load")
    for label, runs in every.items():
        walls, ratios = [w for w, _ in runs], [r for _, r in runs]
        print(f"  {label:28} {min(walls):6.2f}–{max(walls):.2f}s  {min(ratios):5.1f}–{max(ratios):.1f}x  "
              f"({len(runs)} runs)")
    print("(median of the runs of a round, each a fresh process; json.load in a fresh interpreter, "
          "interleaved "
          "with the scans. Issue 9 goals: 10,000 resources <= 1.0 s and <= 4x json.load, <= 150 MiB; "
          "100,000 <= 10 s, <= 1 GiB; 12 resources <= 0.25 s)")


if __name__ == "__main__":
    main()
