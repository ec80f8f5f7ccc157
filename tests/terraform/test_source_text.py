"""permitguard.terraform.source_text: expressions as written. The walks step over plain text in one go;
what they return is what stepping over one character, string, comment or heredoc at a time returns
(`_skip`, the definition), on every configuration file of the repository and on hand-made edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitguard.terraform import source_text
from permitguard.terraform.source_text import _skip

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for pattern in ("infra/**/*.tf", "tests/**/*.tf", "tests/**/*.tfvars")
               for p in ROOT.glob(pattern) if p.is_file())

EDGES = [
    'a = "x#y" # a comment\nb = 2 // another\n',
    'a = "esc \\" still # in the string" /* block\n spans */ b = 1\n',
    'user_data = <<EOF\n# not a comment\nEOF\nc = 3 # one\n',
    'user_data = <<-EOT\n  { unbalanced\n  EOT\nd = 4\n',
    'x = "unterminated # string\n',
    'y = "ends in a backslash \\',
    "z = a / b < c << d\n",
    "/* never closed\n a = 1\n",
    '# only\n// comments\n/* here */\n',
    "",
]


def _stepwise_strip(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        j, _ = _skip(text, i, 0)
        piece = text[i:j]
        if piece.startswith(("#", "//", "/*")):
            piece = "".join("\n" if c == "\n" else " " for c in piece)
        out.append(piece)
        i = j
    return "".join(out)


def _stepwise_expression_end(text: str, i: int) -> int:
    depth = 0
    while i < len(text):
        c = text[i]
        if c == "\n" and depth == 0:
            return i
        if c in "}])" and depth == 0:
            return i
        i, depth = _skip(text, i, depth)
    return i


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in FILES] + EDGES


def test_there_are_configuration_files_to_compare_with():
    assert len(FILES) > 50


def test_comments_are_blanked_as_stepping_one_piece_at_a_time_blanks_them():
    for text in _texts():
        stripped = source_text.strip_comments(text)
        assert stripped == _stepwise_strip(text)
        assert len(stripped) == len(text) and stripped.count("\n") == text.count("\n")


def test_an_expression_ends_where_stepping_one_piece_at_a_time_ends_it():
    for text in _texts():
        for i in range(0, len(text), max(1, len(text) // 200)):
            assert source_text._expression_end(text, i) == _stepwise_expression_end(text, i)


@pytest.mark.parametrize("text, expected", [
    ('a = "x#y" # a comment\n', 'a = "x#y"            \n'),
    ("b = 1 /* two\nlines */ c", "b = 1       \n         c"),
    ('h = <<EOF\n# kept\nEOF\n', 'h = <<EOF\n# kept\nEOF\n'),
])
def test_what_is_blanked(text, expected):
    assert source_text.strip_comments(text) == expected


def test_the_arguments_of_a_block_as_written():
    text = ('resource "x" "y" {\n  name = "a # b" # said\n  tags = {\n    k = "v"\n  }\n'
            '  data = <<EOF\n  not = argument\nEOF\n  count = length(var.x) // n\n  nested {\n'
            '    inner = 1\n  }\n}\n')
    assert source_text._arguments(text, text.index("{"), 1) == {
        "name": ('"a # b" # said', 2),
        "tags": ('{\n    k = "v"\n  }', 3),
        "data": ("<<EOF\n  not = argument\nEOF", 6),
        "count": ("length(var.x) // n", 9),
    }


def test_module_sources_leave_commented_calls_out():
    text = 'module "a" {\n  source = "./a"\n}\n# module "b" {\n#   source = "./b"\n# }\nlocals { m = 1 }\n'
    assert source_text.module_sources(text) == ["./a"]
    assert source_text.module_sources("resource \"x\" \"y\" {}\n") == []
