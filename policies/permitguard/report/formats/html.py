"""The auditors' HTML report: one self-contained file (inline CSS and SVG, no script, no network), printable.

Jinja2 with autoescape on: every string from the scanned inputs is escaped; nothing is marked safe except the
packaged stylesheet. Control characters and bidirectional overrides are shown as escapes (`\\x1b`): the page
stays valid HTML. A Content-Security-Policy forbids scripts and remote loads as a second line of defence.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from permitguard.report import deployed, inventory, labels, places
from permitguard.report import view as view_model
from permitguard.report.escape import anchor, css_string, html_finalize

if TYPE_CHECKING:
    from permitguard.context import Context

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             finalize=html_finalize)
    env.globals.update(where=places.where, anchor=anchor, css_string=css_string)
    return env


@functools.lru_cache(maxsize=1)
def _css() -> Markup:
    return Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))  # packaged file, not input


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", **_: Any) -> str:
    v = view_model.build(doc, lang, ctx)
    services = [s["code"] for s in doc["license"].get("services", {}).values()]
    chart = inventory.chart(v.places, lang, services)
    return _env().get_template("report.html.j2").render(
        v=v, doc=doc, lic=doc["license"], lang=lang, chart=chart, css=_css(),
        html_lang="zh-CN" if lang == "zh" else "en", date_key=deployed.date_key(doc),
        deployed_note=lambda r: deployed.note(r, lang),
        L=lambda key, **kw: labels.label(key, lang, **kw), T=lambda value: labels.texts(value, lang),
        loc=lambda r: places.location(r, lang, ctx.provinces),
        coverage=lambda s: places.coverage(s, lang, ctx.provinces),
        room_line=lambda name, n: places.room_line(name, n, lang),
        other_limit=1000)
