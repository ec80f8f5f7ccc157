"""The auditors' HTML report: one self-contained file (inline CSS and SVG, no script, no network), printable.

Jinja2 with autoescape on: every string from the scanned inputs is escaped; nothing is marked safe except the
packaged stylesheet. A Content-Security-Policy forbids scripts and remote loads as a second line of defence.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from permitguard.geo import Provinces
from permitguard.report import inventory, labels
from permitguard.report import view as view_model

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(where=view_model.where, anchor=view_model.anchor)
    return env


@functools.lru_cache(maxsize=1)
def _css() -> Markup:
    return Markup((TEMPLATES / "report.css").read_text(encoding="utf-8"))  # packaged file, not input


def _coverage(service: dict[str, Any], lang: str) -> str:
    if service.get("nationwide"):
        return labels.label("nationwide", lang)
    names = Provinces.load()
    langs = ["en", "zh"] if lang == "both" else [lang]
    places = [" / ".join(dict.fromkeys(names.name(p, x) or p for x in langs)) for p in service.get("provinces", [])]
    return ", ".join(places + list(service.get("cities", [])))


def render(doc: dict[str, Any], lang: str = "both", **_: Any) -> str:
    v = view_model.build(doc, lang)
    services = [s["code"] for s in doc["license"].get("services", {}).values()]
    chart = inventory.chart(v.places, lang, services)
    return _env().get_template("report.html.j2").render(
        v=v, doc=doc, lic=doc["license"], lang=lang, chart=chart, css=_css(),
        html_lang="zh-CN" if lang == "zh" else "en",
        L=lambda key, **fmt: labels.label(key, lang, **fmt), T=lambda value: labels.texts(value, lang),
        loc=lambda r: view_model.location(r, lang), coverage=lambda s: _coverage(s, lang),
        other_limit=1000)
