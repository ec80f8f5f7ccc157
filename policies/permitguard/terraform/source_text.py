"""The expressions of a block as written in its file: what a reviewer reads, for messages, and what the
evaluator's rendered values no longer show (a module call's `providers` map, a `try()` over a module that
could not be read).

Only the block's own arguments (`name = expression` at its top level) are returned, as text; nested
blocks are skipped. Strings, comments, heredocs and brackets are tracked so that an expression spanning
lines is returned whole.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_ARGUMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)\s*=(?!=)")
_HEREDOC = re.compile(r"<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\n")
_COMPUTED_KEY = re.compile(r"[{,\n]\s*\(")  # `(var.k) = 1`: a key known only when evaluated
_PROVIDERS_ENTRY = re.compile(r"([A-Za-z_][\w-]*(?:\.[\w-]+)?)\s*=\s*([A-Za-z_][\w-]*(?:\.[\w-]+)?)")


@lru_cache(maxsize=256)
def file_lines(path: str) -> tuple[str, ...]:
    """A file's lines (read once per process; empty when it cannot be read)."""
    try:
        return tuple(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ()


def arguments(path: str | Path, start: int, end: int) -> dict[str, tuple[str, int]]:
    """name → (expression text, line) for the top-level arguments of the block at lines start..end."""
    lines = file_lines(str(path))
    text = "\n".join(lines[max(start - 1, 0) : end])
    open_at = text.find("{")
    if open_at < 0:
        return {}
    return _arguments(text, open_at, start)


_MODULE_HEADER = re.compile(r'\bmodule\s+"[^"]*"\s*\{')


def module_sources(text: str) -> list[str]:
    """The `source` of every module block of a file's text, comments left out."""
    if "module" not in text:
        return []  # blanking comments adds no word: no module block
    clean = strip_comments(text)
    out = []
    for m in _MODULE_HEADER.finditer(clean):
        source = _arguments(clean, m.end() - 1, 1).get("source")
        if source and source[0].startswith('"') and source[0].endswith('"'):
            out.append(source[0][1:-1])
    return out


def top_level_arguments(text: str) -> dict[str, tuple[str, int]]:
    """name → (expression text, line) of a file of bare arguments (a .tfvars file)."""
    return _arguments("{\n" + text + "\n}", 0, 0)


# Where `_skip` can step over more than one character: a string, a comment, a heredoc. Everything between
# two such places is plain text, stepped over one character at a time, so it is copied (or passed) whole.
_MAY_SPAN = re.compile(r'["#/<]')
# … and where the argument and expression walks must also look: line ends and brackets.
_MAY_MATTER = re.compile(r'["#/<\n{}\[\]()]')
_NOT_NEWLINE = re.compile(r"[^\n]")


def strip_comments(text: str) -> str:
    """The text with `#`, `//` and `/* */` comments blanked (strings and line numbers kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        m = _MAY_SPAN.search(text, i)
        if m is None:
            out.append(text[i:])
            break
        at = m.start()
        out.append(text[i:at])
        j, _ = _skip(text, at, 0)
        piece = text[at:j]
        if piece.startswith(("#", "//", "/*")):
            piece = _NOT_NEWLINE.sub(" ", piece)
        out.append(piece)
        i = j
    return "".join(out)


def _arguments(text: str, open_at: int, start: int) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    i, depth, n = open_at + 1, 1, len(text)
    line = start + text.count("\n", 0, open_at)
    at_line_start = True
    while i < n and depth > 0:
        c = text[i]
        if c == "\n":
            line, at_line_start = line + 1, True
            i += 1
            continue
        if c in " \t\r":
            i += 1
            continue
        if depth == 1 and at_line_start and (m := _ARGUMENT.match(text, i)):
            expr_start = m.end()
            expr_end = _expression_end(text, expr_start)
            out[m.group(1)] = (text[expr_start:expr_end].strip(), line)
            line += text.count("\n", i, expr_end)
            i = expr_end
            at_line_start = False
            continue
        if not at_line_start:
            found = _MAY_MATTER.search(text, i)
            if found is None:
                break  # plain text to the end
            if found.start() > i:
                i = found.start()  # plain text up to there: stepped over as it is
                continue
        at_line_start = False
        i, depth = _skip(text, i, depth)
    return out


def _skip(text: str, i: int, depth: int) -> tuple[int, int]:
    """Step over one character, string, comment or heredoc, tracking brace depth."""
    c = text[i]
    if c == '"':
        return _string_end(text, i), depth
    if c == "#" or text.startswith("//", i):
        j = text.find("\n", i)
        return (len(text) if j < 0 else j), depth
    if text.startswith("/*", i):
        j = text.find("*/", i + 2)
        return (len(text) if j < 0 else j + 2), depth
    if (m := _HEREDOC.match(text, i)) is not None:
        j = re.compile(r"^\s*" + re.escape(m.group(1)) + r"\s*$", re.M).search(text, m.end())
        return (len(text) if j is None else j.end()), depth
    if c in "{[(":
        return i + 1, depth + 1
    if c in "}])":
        return i + 1, depth - 1
    return i + 1, depth


_STRING_STOP = re.compile(r'["\\]')  # what ends a string, or escapes the next character


def _string_end(text: str, i: int) -> int:
    j = i + 1
    while True:
        found = _STRING_STOP.search(text, j)
        if found is None:
            return max(j, len(text))
        if found.group() == "\\":
            j = found.start() + 2
            continue
        return found.start() + 1


def _expression_end(text: str, i: int) -> int:
    depth = 0
    while i < len(text):
        m = _MAY_MATTER.search(text, i)  # plain text up to there: stepped over as it is
        if m is None:
            return len(text)
        i = m.start()
        c = text[i]
        if c == "\n" and depth == 0:
            return i
        if c in "}])" and depth == 0:
            return i  # the block's closing brace on the same line
        i, depth = _skip(text, i, depth)
    return i


_LOCALS = re.compile(r"^\s*locals\s*\{")


def locals_of(path: str | Path) -> dict[str, tuple[str, int]]:
    """name → (expression text, line) of every `locals` block of a file."""
    lines = file_lines(str(path))
    out: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, start=1):
        if _LOCALS.match(line):
            out.update(arguments(path, number, len(lines)))
    return out


def providers_map(expression: str) -> dict[str, str]:
    """`{ alicloud = alicloud.bj, aws.dst = aws.cn }` → {"alicloud": "alicloud.bj", "aws.dst": "aws.cn"};
    comments are not entries (`# was: alicloud = alicloud.hk`)."""
    return {m.group(1): m.group(2) for m in _PROVIDERS_ENTRY.finditer(strip_comments(expression))}


def shown(expression: str, limit: int = 80) -> str:
    text = " ".join(expression.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def jsonencode_literal(expression: str) -> Any:
    """The object a `jsonencode({...})` expression encodes, read from the expression as written (HCL
    parsed by python-hcl2, as Checkov reads it): references stay as `${...}` text for the caller to judge.
    None when the expression is not such a literal."""
    text = expression.strip()
    if not text.startswith("jsonencode("):
        return None
    try:
        import hcl2

        parsed = hcl2.loads("x = " + text)["x"]
    except Exception:  # noqa: BLE001 - an expression hcl2 cannot read is simply not a literal here
        return None
    rendered = parsed[0] if isinstance(parsed, list) and parsed else parsed
    if not (isinstance(rendered, str) and rendered.startswith("${jsonencode(") and rendered.endswith(")}")):
        return None
    try:
        return ast.literal_eval(rendered[len("${jsonencode(") : -2])
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None


_MERGE = re.compile(r"^merge\s*\(")


def merge_arguments(expression: str) -> list[str] | None:
    """The arguments of `merge(a, b, …)` as written, when the whole expression is one call of merge (none
    expanded with `...`); else None."""
    text = strip_comments(expression).strip()
    if not _MERGE.match(text) or not text.endswith(")"):
        return None
    i, depth, start, parts = text.index("(") + 1, 1, text.index("(") + 1, []
    while i < len(text):
        if depth == 1 and text[i] == ",":
            parts.append(text[start:i].strip())
            start, i = i + 1, i + 1
            continue
        i, depth = _skip(text, i, depth)
        if depth == 0:
            if i != len(text):
                return None  # `merge(a)[k]`, `merge(a) != b`: not one call
            break
    else:
        return None
    parts.append(text[start:i - 1].strip())
    parts = [p for p in parts if p]
    return None if not parts or any(p.endswith("...") for p in parts) else parts


def object_literal(expression: str) -> dict[str, str] | None:
    """key → value expression of an object written as a literal (`{ env = var.x, "a-b" = "c" }`), read by
    python-hcl2; None when the expression is anything else (a reference, a function call, `merge(...)`,
    a `for` expression) or a key is computed (`(var.k) = 1`): then no key is known for sure."""
    text = strip_comments(expression).strip()
    if not (text.startswith("{") and text.endswith("}")) or re.match(r"\{\s*for\b", text):
        return None
    if _COMPUTED_KEY.search(text):
        return None
    try:
        import hcl2

        parsed = hcl2.loads("x = " + text + "\n")["x"]
    except Exception:  # noqa: BLE001 - an expression hcl2 cannot read is simply not a literal here
        return None
    parsed = parsed[0] if isinstance(parsed, list) and len(parsed) == 1 else parsed
    if not isinstance(parsed, dict):
        return None
    out = {}
    for key, value in parsed.items():
        if not isinstance(key, str) or key.startswith("${"):
            return None
        text = value if isinstance(value, str) else repr(value)
        if text.startswith("${") and text.endswith("}") and text.count("${") == 1:
            text = text[2:-1]  # python-hcl2 writes a bare expression as `${expr}`: shown as written
        out[key.strip('"')] = text
    return out
