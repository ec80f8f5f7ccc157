"""Regular expressions from a licence profile, run by RE2 (google-re2): linear time in the text, whatever
the pattern, so a profile cannot hang a scan (`^(a+)+$` on 35 characters: about 30 µs with RE2, about
20 minutes with Python's `re`, which doubles with every character). RE2 has no backreferences and no
lookaround: such a pattern is a profile error naming its field, never a silent fallback to `re`.

Bounds: a pattern at most MAX_PATTERN characters, compiled within MAX_MEM bytes; a text longer than
MAX_TEXT characters never matches (no filing reference is that long)."""

from __future__ import annotations

import re2

MAX_PATTERN = 1000
MAX_TEXT = 256
MAX_MEM = 8 << 20


class PatternError(ValueError):
    """The pattern is not one RE2 accepts (syntax, backreference, lookaround, too large)."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own error lines on stderr
    options.max_mem = MAX_MEM
    return options


class SafePattern:
    """What rules use of a compiled pattern: `match` (anchored at the start, like `re`) and `pattern`."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str) -> None:
        if not isinstance(pattern, str):
            raise PatternError(f"expected a string, got {type(pattern).__name__}")
        if len(pattern) > MAX_PATTERN:
            raise PatternError(f"longer than {MAX_PATTERN} characters ({len(pattern)})")
        try:
            self._compiled = re2.compile(_text(pattern), _options())
        except re2.error as exc:
            raise PatternError(_reason(exc)) from None
        self.pattern = pattern

    def match(self, text: str) -> bool:
        if not isinstance(text, str) or len(text) > MAX_TEXT:
            return False
        return self._compiled.match(_text(text)) is not None

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"


def _text(value: str) -> str:
    """RE2 works on UTF-8: a lone surrogate (valid in a Python str, not in UTF-8) becomes U+FFFD."""
    return value.encode("utf-8", "replace").decode("utf-8") if not value.isascii() else value


def _reason(exc: Exception) -> str:
    text = exc.args[0] if exc.args else str(exc)
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"not a regular expression RE2 accepts (no backreferences or lookaround): {text}"


def compile_pattern(pattern: str) -> SafePattern:
    return SafePattern(pattern)
