"""The one escaping module: text from the inputs inert in every format."""
from __future__ import annotations

from markupsafe import Markup

from permitguard.report import escape


def test_control_characters_and_bidi_overrides_become_visible_escapes():
    assert escape.visible("a\x1b[31mb\u202ec\rd\ne") == "a\\x1b[31mb\\u202ec\\x0dd\ne"
    assert escape.visible("a\nb", newlines=False) == "a\\x0ab"


def test_everywhere_reaches_keys_and_nested_values_and_leaves_other_types():
    value = {"k\x1b": ["v\u202e", {"n": 1, "b": True, "z": None}]}
    assert escape.everywhere(value) == {"k\\x1b": ["v\\u202e", {"n": 1, "b": True, "z": None}]}


def test_xml_text_has_no_characters_xml_cannot_carry():
    assert escape.xml("a\x1bb\ufffe") == "a\\x1bb"
    assert escape.xml(3) == "3"


def test_markdown_cells_carry_no_formatting_html_or_breaks():
    assert escape.markdown("*x* | <b>\n[l](u)") == r"\*x\* &#124; &lt;b&gt; \[l\](u)"
    assert escape.code("`c`") == r"<code>\`c\`</code>"


def test_html_finalize_leaves_packaged_markup_and_escapes_input_text():
    css = Markup("a\x1b")
    assert escape.html_finalize(css) is css
    assert escape.html_finalize("a\x1b") == "a\\x1b" and escape.html_finalize(5) == 5


def test_anchor_ids_are_ascii_letters_digits_and_dashes():
    assert escape.anchor("SP-15(3) SP-16(5)") == "SP-15-3-SP-16-5"


def test_css_string_cannot_end_the_string_rule_or_style_element():
    import re

    hostile = 'B1-1" } body { display:none } </style><script>x</script>\\'
    out = str(escape.css_string(hostile))
    assert re.fullmatch(r'"(?:[\w \-.·]|\\[0-9a-f]+ )*"', out), out  # letters, blanks, or CSS escapes only
    assert "\\22 " in out and "\\3c " in out and "\\7d " in out
    assert str(escape.css_string("Permit · 许可证 B1-20195402")) == '"Permit · 许可证 B1-20195402"'
