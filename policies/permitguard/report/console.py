"""Colour for the text report on a terminal (rich); files and pipes get the plain text unchanged."""
from __future__ import annotations

from typing import TextIO

STYLES = (
    (r"^CKV_CNLIC_\d+ \S+", "bold"),
    (r"\[FAILED\]", "bold red"),
    (r"\[WARN\]", "bold yellow"),
    (r"\[SUPPRESSED\]", "dim"),
    (r"^  (fix:|修复：)", "green"),
    (r"^resources: .*$", "bold"),
)


def show(text: str, stream: TextIO) -> None:
    """Write the text report to `stream`, styled when it is a terminal."""
    if not stream.isatty():
        stream.write(text)
        return
    from rich.console import Console  # only for terminals: importing rich costs a tenth of a second
    from rich.text import Text

    styled = Text(text)
    for pattern, style in STYLES:
        styled.highlight_regex(pattern, style)
    Console(file=stream, highlight=False, soft_wrap=True).print(styled, end="")
