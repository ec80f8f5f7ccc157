"""Markdown text from the inputs, made inert: no formatting, no HTML, no broken table cells."""
from __future__ import annotations

import html
import re
from typing import Any

from permitguard.report.inert import visible
from permitguard.report.labels import label, texts

_MD = re.compile(r"([\\`*_\[\]{}#+!~])")


def esc(value: Any) -> str:
    """Text from the inputs, safe in a table cell: no Markdown, no HTML, no line or cell breaks, no
    control characters (ANSI escapes, NUL) or bidirectional overrides."""
    text = _MD.sub(r"\\\1", visible(" ".join(str(value).split())))
    return html.escape(text, quote=False).replace("|", "&#124;")


def code(value: Any) -> str:
    return f"<code>{esc(value)}</code>"


def bi(value: dict[str, str], lang: str) -> str:
    return "<br>".join(esc(t) for _, t in texts(value, lang))


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows] + [""]


def capped(items: list[Any], limit: int | None, lang: str) -> tuple[list[Any], list[str]]:
    if limit is None or len(items) <= limit:
        return items, []
    return items[:limit], [f"_{label('more', lang, n=len(items) - limit)}_", ""]
