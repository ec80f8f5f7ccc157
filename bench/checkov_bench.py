"""Benchmark: what our checks add to a Checkov run over the bundled examples (issue 9: ≤ +10% CPU).

Runs the installed `checkov -d infra/terraform --framework terraform` in fresh processes, interleaved
(the order rotates each run, so machine noise hits every variant alike):

    built-ins   Checkov's own checks only
    ours        with `--external-checks-dir policies/checkov`
    no-op       with as many do-nothing checks as ours, registered the same way (each for the resource
                types ours is registered for, data/checkov_types.json; one module check): what Checkov's
                own machinery costs for that many checks (its per-check filtering, logging and result
                handling), none of it our work

CPU is user + system time of the process and everything it waited for (the Terraform evaluator's
worker included), from the operating system's accounting; wall time is printed beside it. The figure
the issue asks for is the ratio of the CPU medians, ours against built-ins measured in the same round;
the spread is the lowest and highest ratio of the runs' pairs. `--rounds N` repeats the table.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT

RUNS = 7
TARGET = 10  # per cent, issue 9

# The do-nothing checks: one per rule of the catalog, registered like ours (checks.build_checks).
NO_OP_CHECKS = '''
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.module.base_module_check import BaseModuleCheck
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class NoOpResource(BaseResourceCheck):
    def __init__(self, check_id, types):
        super().__init__(name="no-op", id=check_id, categories=[CheckCategories.GENERAL_SECURITY],
                         supported_resources=types)

    def scan_resource_conf(self, conf):
        return CheckResult.UNKNOWN


class NoOpModule(BaseModuleCheck):
    def __init__(self, check_id):
        super().__init__(name="no-op", id=check_id, categories=[CheckCategories.GENERAL_SECURITY])

    def scan_module_conf(self, conf):
        return CheckResult.UNKNOWN


CHECKS = [NoOpModule(i) for i in {module_ids!r}] + [NoOpResource(i, t) for i, t in {resource_ids!r}]
'''


def no_op_checks_dir(into: Path) -> Path:
    from permitguard.checkov import checks, judged_types
    from permitguard.rule_catalog import RuleCatalog

    rules, registered = list(RuleCatalog.load()), judged_types.load()
    module_ids = [r.id for r in rules if r.family == "configuration"]
    resource_ids = [(r.id, checks.supported_resources(r.id, registered)) for r in rules
                    if r.family != "configuration"]
    folder = into / "no_op_checks"
    folder.mkdir()
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "no_op_checks.py").write_text(
        NO_OP_CHECKS.format(module_ids=module_ids, resource_ids=resource_ids), encoding="utf-8")
    return folder


def measured(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one fresh process and what it waited for; fails the benchmark (never
    times an error) when the command does not answer 0 or 1."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{Path(cmd[0]).name} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def checkov(extra: list[str]) -> list[str]:
    exe = Path(sys.executable).with_name("checkov")
    return [str(exe), "-d", str(ROOT / "infra/terraform"), "--framework", "terraform", "--skip-download",
            "--quiet", "--compact", "-o", "json", *extra]


def one_round(variants: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    names = list(variants)
    out: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
    for i in range(runs):
        for name in names[i % len(names):] + names[: i % len(names)]:  # rotate: no variant always first
            out[name].append(measured(checkov(variants[name])))
    return out


def table(found: dict[str, list[tuple[float, float]]], labels: dict[str, str]) -> str:
    base = found["built-ins"]
    base_cpu = statistics.median(c for c, _ in base)
    rows = ["| Checkov on infra/terraform --framework terraform | CPU s | wall s | CPU vs built-ins (runs) |",
            "|---|---|---|---|"]
    for name, runs in found.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        if name == "built-ins":
            versus = "—"
        else:
            pairs = [(c / b - 1) * 100 for (c, _), (b, _) in zip(runs, base, strict=True)]
            versus = f"{(cpu / base_cpu - 1) * 100:+.0f}% ({min(pairs):+.0f}% to {max(pairs):+.0f}%)"
        rows.append(f"| {labels[name]} | {cpu:.2f} | {wall:.2f} | {versus} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each variant per round ({RUNS})")
    parser.add_argument("--rounds", type=int, default=1, help="rounds, each its own table (1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="checkov-bench-") as tmp:
        variants = {"built-ins": [], "ours": ["--external-checks-dir", str(ROOT / "policies/checkov")],
                    "no-op": ["--external-checks-dir", str(no_op_checks_dir(Path(tmp)))]}
        labels = {"built-ins": "built-in checks only", "ours": "+ permitguard checks",
                  "no-op": "+ as many no-op checks (Checkov's own per-check cost)"}
        for n in range(args.rounds):
            found = one_round(variants, args.runs)
            print(f"round {n + 1}: medians of {args.runs} interleaved runs; "
                  f"target: permitguard ≤ +{TARGET}% CPU")
            print(table(found, labels))


if __name__ == "__main__":
    main()
