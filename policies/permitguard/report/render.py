"""One renderer per format, each a function over the findings document."""
from __future__ import annotations

import importlib
from typing import Any

from permitguard.report import document

RENDERERS = {
    "text": "permitguard.report.text",
    "sarif": "permitguard.report.sarif",
    "junit": "permitguard.report.junit",
    "markdown": "permitguard.report.markdown",
    "html": "permitguard.report.html",
}


def render(doc: dict[str, Any], fmt: str, lang: str = "both", **options: Any) -> str:
    if fmt == "json":
        return document.dumps(doc)
    module = importlib.import_module(RENDERERS[fmt])
    return module.render(doc, lang=lang, **options)
