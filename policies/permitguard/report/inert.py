"""Text from the inputs made inert for terminals and documents: control characters (ANSI escape sequences,
NUL, carriage returns, backspaces) and bidirectional overrides are shown as visible escapes (`\\x1b`,
`\\u202e`), never passed through to a terminal, a Markdown comment or an HTML page."""
from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_NEWLINE = re.compile(f"{_UNSAFE.pattern[:-1]}\n]")


def _escape(match: re.Match[str]) -> str:
    c = ord(match.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every unsafe character escaped; `newlines=False` escapes line breaks too."""
    return (_UNSAFE if newlines else _UNSAFE_OR_NEWLINE).sub(_escape, text)
