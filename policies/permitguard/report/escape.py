"""Text from the inputs made inert, for every output: the one escaping module.

Control characters (ANSI escape sequences, NUL, carriage returns, backspaces) and bidirectional overrides
are shown as visible escapes (`\\x1b`, `\\u202e`), never passed through to a terminal, a Markdown comment,
an XML attribute, a SARIF log or an HTML page (`visible`, and `everywhere` for a whole JSON value).
On top of that each format's own quoting: Markdown (`markdown`, `code`), XML 1.0 text (`xml`), HTML
(Jinja2 autoescape, with `html_finalize` for the control characters) and ids for anchors (`anchor`).
"""
from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_NEWLINE = re.compile(f"{_UNSAFE.pattern[:-1]}\n]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MD = re.compile(r"([\\`*_\[\]{}#+!~])")


def _escape(match: re.Match[str]) -> str:
    c = ord(match.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every unsafe character escaped; `newlines=False` escapes line breaks too."""
    return (_UNSAFE if newlines else _UNSAFE_OR_NEWLINE).sub(_escape, text)


def everywhere(value: Any) -> Any:
    """Every string of a JSON value (keys too) made `visible`; line breaks kept."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {visible(k): everywhere(v) for k, v in value.items()}
    if isinstance(value, list):
        return [everywhere(v) for v in value]
    return value


def xml(value: Any) -> str:
    """Text XML 1.0 can carry: unsafe characters shown as escapes, non-characters dropped (ElementTree
    quotes `<`, `&` and `"` itself)."""
    return _NOT_XML.sub("", visible(str(value)))


def markdown(value: Any) -> str:
    """Text from the inputs, safe in a Markdown table cell: no Markdown, no HTML, no line or cell breaks,
    no control characters (ANSI escapes, NUL) or bidirectional overrides."""
    text = _MD.sub(r"\\\1", visible(" ".join(str(value).split())))
    return html.escape(text, quote=False).replace("|", "&#124;")


def code(value: Any) -> str:
    """Text from the inputs as inline code in Markdown."""
    return f"<code>{markdown(value)}</code>"


def html_finalize(value: Any) -> Any:
    """Jinja2 `finalize` for the HTML report: every string shown made `visible` (autoescape then quotes
    it); packaged markup (`Markup`, the stylesheet) is left as it is."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def anchor(text: str) -> str:
    """An id for an HTML anchor: runs of anything but ASCII letters and digits become one `-`."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def css_string(value: Any) -> Markup:
    """Text as a CSS string literal (`@page` margin content): every character but letters, digits, blanks
    and `-_.·` as a CSS escape, so no quote, backslash, `<` or `}` of the text can end the string, the rule
    or the style element."""
    out = []
    for ch in visible(str(value)):
        out.append(ch if ch.isalnum() or ch in " -_.·" else f"\\{ord(ch):x} ")
    return Markup('"' + "".join(out) + '"')
