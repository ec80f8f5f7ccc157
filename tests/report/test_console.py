"""The text report: plain in files and pipes, coloured on a terminal."""
from __future__ import annotations

import io

from permitguard.report.console import show

REPORT = "CKV_CNLIC_101 cnlic-101-outside-mainland  [CRITICAL]\n  [FAILED] a.b  (main.tf:3)\n  fix: move it\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_pipes_get_the_text_unchanged():
    out = io.StringIO()
    show(REPORT, out)
    assert out.getvalue() == REPORT


def test_terminals_get_colour_around_the_same_text():
    out = Terminal()
    show(REPORT, out)
    coloured = out.getvalue()
    assert "\x1b[" in coloured and "[FAILED]" in coloured and "move it" in coloured
