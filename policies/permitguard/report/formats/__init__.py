"""One renderer per format (`formats/<format>.py`), each a function over the findings document and the
run's Context (the catalogs: rules, clauses, provinces), imported only when asked for."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitguard.context import Context

FORMATS = ("text", "json", "sarif", "junit", "markdown", "html", "gitlab-sast")


def render(doc: dict[str, Any], fmt: str, ctx: Context, lang: str = "both", **options: Any) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"{__name__}.{fmt.replace('-', '_')}")
    return module.render(doc, ctx, lang=lang, **options)
