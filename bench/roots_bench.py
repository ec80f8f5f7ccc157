"""Benchmark: the CLI on typical Terraform roots (the bundled examples and the real-world corpus), next to
Checkov on the same roots (issue 7: a typical root in ≤ 1 s end-to-end).

Each root is scanned by `permitguard scan ROOT --format json` and by `checkov -d ROOT --framework
terraform` (built-in checks only), in fresh processes, one after the other so machine noise hits both
alike. Printed: median and slowest wall time of each tool, and their ratio measured in the same run.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml
from timing import ROOT, timed


def roots() -> list[Path]:
    found = sorted(p for p in (ROOT / "infra/terraform").iterdir() if p.is_dir())
    for case in sorted((ROOT / "tests/corpus").glob("*/case.yaml")):
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        found.append(case.parent / spec.get("root", "."))
    return found


def main() -> None:
    bin_dir = Path(sys.executable).parent
    ours, theirs = [], []
    for root in roots():
        ours.append(timed([str(bin_dir / "permitguard"), "scan", str(root), "--format", "json"]))
        theirs.append(
            timed(
                [
                    str(bin_dir / "checkov"),
                    "-d",
                    str(root),
                    "--framework",
                    "terraform",
                    "--skip-download",
                    "--quiet",
                    "--compact",
                    "-o",
                    "json",
                ]
            )
        )
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"typical roots ({len(ours)}: infra/terraform + tests/corpus), wall time per root")
    print(f"  {'':24} {'median':>8} {'slowest':>8}")
    print(f"  {'permitguard scan':24} {o:7.2f}s {max(ours):7.2f}s   (target ≤ 1 s)")
    print(f"  {'checkov (built-ins)':24} {t:7.2f}s {max(theirs):7.2f}s")
    print(f"  ratio permitguard / checkov, medians of the same run: {o / t:.2f}")


if __name__ == "__main__":
    main()
