"""A generous guard on the issue's bound: a report over 5,000 findings renders in under 5 s."""
from __future__ import annotations

import time

from permitguard.report import formats
from report.support import synthetic_doc


def test_five_thousand_findings_render_in_every_format_under_five_seconds(ctx):
    doc = synthetic_doc(ctx, 5000)
    formats.render(synthetic_doc(ctx, 7), "html", ctx)  # templates compiled once, as in one CLI run
    start = time.perf_counter()
    sizes = {fmt: len(formats.render(doc, fmt, ctx)) for fmt in ("html", "markdown", "sarif", "junit")}
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"{elapsed:.2f} s for {sizes}"
