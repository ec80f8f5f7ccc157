"""One renderer per format, each over the document and the run's Context."""
from __future__ import annotations

import json

import pytest

from permitguard.report import compact, document, formats


def test_every_format_renders_the_document(ctx, violating_doc):
    for fmt in formats.FORMATS:
        out = formats.render(violating_doc, fmt, ctx, lang="en")
        assert violating_doc["license"]["number"] in out, fmt


def test_the_json_format_is_the_document_as_dumps_writes_it(ctx, violating_doc):
    out = formats.render(violating_doc, "json", ctx)
    written = json.loads(out)
    assert out == document.dumps(violating_doc, ctx.rules) and compact.expand(written) == violating_doc
    assert written["not_applicable"]["resources"]  # the not-applicable findings that say no more: compact
    for f in written["findings"]:  # a not-applicable one left in full says more than address and type
        if f["status"] == "not_applicable":
            template = ctx.rules[f["rule_id"]].template(f["reason"])
            assert not compact.refillable(template.en, template.zh), f


def test_an_unknown_format_is_refused(ctx, violating_doc):
    with pytest.raises(ValueError, match="unknown report format"):
        formats.render(violating_doc, "pdf", ctx)
