"""Benchmark: what our checks add to a Checkov run over the bundled examples (target ≤ 20%).

Runs the installed `checkov` on infra/terraform three times with and three times without
`--external-checks-dir policies/checkov`, in fresh processes, and compares the medians.
"""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

from timing import ROOT, timed

RUNS = 3


def timed_checkov(extra: list[str]) -> float:
    exe = Path(sys.executable).with_name("checkov")
    return timed([str(exe), "-d", str(ROOT / "infra/terraform"), "--skip-download", "--quiet", "--compact",
                  "-o", "json", *extra])


def main() -> None:
    ours = ["--external-checks-dir", str(ROOT / "policies/checkov")]
    base, with_ours = [], []
    for _ in range(RUNS):  # interleave so machine noise hits both alike
        base.append(timed_checkov([]))
        with_ours.append(timed_checkov(ours))
    b, w = statistics.median(base), statistics.median(with_ours)
    print(f"checkov on infra/terraform: built-ins only {b:.2f} s, with permitguard checks {w:.2f} s "
          f"(+{(w - b) / b * 100:.0f}%, target ≤ 20%; medians of {RUNS})")


if __name__ == "__main__":
    main()
