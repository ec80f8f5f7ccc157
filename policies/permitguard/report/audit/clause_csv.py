"""The clause matrix as CSV (stdlib csv): one row per special provision and sub-item, in permit order, with
its state, the rules that enforce it and the counts of the findings citing it (`report/matrix.py`)."""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from permitguard.report.labels import words

if TYPE_CHECKING:
    from permitguard.report.matrix import Row

HEADER = ("clause", "parent", "title_en", "title_zh", "state", "state_en", "state_zh", "rules",
          "passed", "failed", "blocking", "suppressed", "not_applicable", "total")


def render(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends: spreadsheets read them as written
    writer.writerow(HEADER)
    for r in rows:
        c, n = r.clause, r.counts
        en, zh = words(r.state)
        writer.writerow((c.id, c.parent or "", c.title.en, c.title.zh, r.state, en, zh,
                         " ".join(cell.rule_id for cell in r.rules), n.passed, n.failed, n.blocking,
                         n.suppressed, n.not_applicable, n.total))
    return out.getvalue()
