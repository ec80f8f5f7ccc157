"""The findings document as JSON (schemas/findings.schema.json), as `document.dumps` writes it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from permitguard.report import document

if TYPE_CHECKING:
    from permitguard.context import Context


def render(doc: dict[str, Any], ctx: Context, lang: str = "both", **_: Any) -> str:
    """The document itself: it holds both languages, and the catalogs' words it needs (`ctx`, `lang`
    unused)."""
    return document.dumps(doc, ctx.rules)
