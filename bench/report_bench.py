"""Benchmark: render a report over 5,000 findings in every format (issue "Auditors' report": < 5 s).

Builds 5,000 synthetic findings (every rule, failed / passed / not applicable, several places, some
suppressed), then times each renderer in-process, and `permitguard report` end-to-end in a fresh process
(imports included) over the findings JSON. Prints the timings; asserts nothing.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from permitguard.context import Context
from permitguard.model import Finding, Resource, Status, Words
from permitguard.report import document, formats

ROOT = Path(__file__).resolve().parents[1]
N = 5_000
PLACES = [("cn-beijing", "CN-BJ", "Beijing", "mainland"), ("cn-heyuan", "CN-GD", "Heyuan", "mainland"),
          ("cn-hongkong", "CN-HK", "Hong Kong", "hk"), ("cn-shanghai", "CN-SH", "Shanghai", "mainland"),
          (None, None, None, None)]


def findings(ctx: Context) -> list[Finding]:
    rules = list(ctx.rules)
    out = []
    for i in range(N):
        meta, k = rules[i % len(rules)], i // len(rules)
        region, province, city, territory = PLACES[k % len(PLACES)]
        res = Resource(address=f"alicloud_instance.r{k}", type="alicloud_instance", cloud="alicloud",
                       file=f"modules/m{k % 20}/main.tf", line=1 + k % 400)
        status = (Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE)[i % 3]
        out.append(Finding(rule_id=meta.id, status=status, severity=meta.severity,
                           enforcement=meta.enforcement, clauses=meta.clauses, resource=res,
                           reason="synthetic",
                           words=Words.of(f"{res.address}: {meta.title.en}",
                                          f"{res.address}：{meta.title.zh}"),
                           region=region, territory=territory,
                           province=province, city=city, suppressed="accepted risk" if i % 97 == 5 else None))
    return out


def main() -> int:
    ctx = Context.load(str(ROOT / "infra/licenses/B1-20195402.yaml"), as_of=dt.date(2026, 11, 28), environ={})
    stamp = dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc)
    inputs = [{"path": "bench", "kind": "terraform", "sha256": "0" * 64}]
    doc = document.build(findings(ctx), ctx, inputs, stamp)
    print(f"{len(doc['findings'])} findings, {doc['summary']['resources']} resources")
    total = 0.0
    for fmt in ("html", "markdown", "sarif", "junit"):
        start = time.perf_counter()
        text = formats.render(doc, fmt, ctx)
        took = time.perf_counter() - start
        total += took
        print(f"  {fmt:9} {took:6.2f} s  {len(text):>10,} characters")
    print(f"  all four  {total:6.2f} s in-process (bound: 5 s)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "findings.json"
        src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "permitguard"), "report", str(src),
                        "--format", "html", "--output", str(Path(tmp) / "r.html"),
                        "--generated-at", "2026-11-28T00:00:00Z"],
                       capture_output=True, check=False)
        print(f"  `permitguard report --format html` end-to-end: {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
