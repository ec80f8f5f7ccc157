"""The comparison of two audits as one self-contained HTML page, in the report's style and print sheet
(templates/compare.html.j2; Jinja2 autoescape on, no script, a Content-Security-Policy as the report's)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from permitguard.report import deployed, labels
from permitguard.report.audit import compare_view
from permitguard.report.formats.html import _css, _env

if TYPE_CHECKING:
    from permitguard.context import Context
    from permitguard.report.audit.compare import Comparison


def render(cmp: Comparison, ctx: Context, lang: str = "both") -> str:
    state, words = compare_view.headline(cmp, lang)
    return _env().get_template("compare.html.j2").render(
        cmp=cmp, lang=lang, css=_css(), html_lang="zh-CN" if lang == "zh" else "en",
        permit=cmp.new["license"]["number"], notes=compare_view.notes(cmp, lang), state=state, words=words,
        shown=compare_view.SHOWN, kinds=compare_view.KINDS, date_key=deployed.date_key,
        L=lambda key, **kw: labels.label(key, lang, **kw), T=lambda value: labels.texts(value, lang),
        V=lambda value: compare_view.verdict_word(value, lang))
