"""Text: a failure is FAILED when it blocks, WARN when it only advises, SUPPRESSED when suppressed."""
from __future__ import annotations

from permitguard.report.formats import text


def test_each_failure_is_tagged_by_whether_it_blocks(ctx, violating_doc):
    failed = next(f for f in violating_doc["findings"] if f["status"] == "failed")
    advisory = {**failed, "enforcement": "advisory", "resource": {**failed["resource"], "address": "x.warn"}}
    quiet = {**failed, "suppressed": "accepted", "resource": {**failed["resource"], "address": "x.quiet"}}
    out = text.render({**violating_doc, "findings": [failed, advisory, quiet]}, ctx, lang="en")
    assert f"[FAILED] {failed['resource']['address']}" in out
    assert "[WARN] x.warn" in out and "[SUPPRESSED] x.quiet" in out
