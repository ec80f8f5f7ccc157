"""Markdown: the same sections as the HTML report, inert text from the inputs, under 65,000 characters."""
from __future__ import annotations

from permitguard.report import formats
from permitguard.report.escape import markdown as esc
from permitguard.report.formats import markdown
from report.support import INJECTED, synthetic_doc

SECTIONS = ("## Inputs", "## Verdict", "## Clause matrix", "## Findings by clause",
            "## Could not be evaluated", "## Suppressions", "## Other checks", "## Where resources are")


def test_markdown_has_every_section_and_the_cover(examples_doc, ctx):
    text = formats.render(examples_doc, "markdown", ctx, lang="en")
    assert text.startswith("# Permit compliance report — B1-20195402")
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert "北京掌全通信息科技有限公司" in text and "2029-04-26" in text and "days left" in text
    assert "| **SP-15(3)**" not in text and "↳ **SP-15(3)**" in text  # sub-items under their provision
    assert "not checkable from infrastructure code" in text


def test_markdown_languages(violating_doc, ctx):
    en = formats.render(violating_doc, "markdown", ctx, lang="en")
    zh = formats.render(violating_doc, "markdown", ctx, lang="zh")
    assert "## Clause matrix" in en and "条款矩阵" not in en
    assert "## 条款矩阵" in zh and "Clause matrix" not in zh


def test_text_from_the_inputs_is_inert(ctx):
    text = formats.render(synthetic_doc(ctx, 70, inject=True), "markdown", ctx)
    assert INJECTED not in text and "&lt;script&gt;" in text
    assert esc("a|b") == "a&#124;b" and esc("*x* [l](u) `c`") == r"\*x\* \[l\](u) \`c\`"
    assert esc("line\nbreak") == "line break"


def test_a_large_report_is_summarised_under_the_limit(ctx):
    doc = synthetic_doc(ctx, 5000)
    text = markdown.render(doc, ctx)
    assert len(text) <= markdown.MAX_CHARS
    assert "Summarised to stay under 65000 characters" in text and "… and " in text
    assert all(s in text for s in SECTIONS)
    small = markdown.render(synthetic_doc(ctx, 30), ctx)
    assert "Summarised" not in small


def test_another_permits_report_shows_its_cover_and_no_bundled_permit_text(tmp_path, ctx):
    import json

    from helpers import cli
    from report.support import ROOT, STAMP

    (tmp_path / "main.tf").write_text(
        'resource "alicloud_instance" "nj" {\n  availability_zone = "cn-nanjing-a"\n'
        '  tags = { "license-service" = "idc" }\n}\n', encoding="utf-8")
    run = cli("scan", str(tmp_path), "--license", str(ROOT / "tests/fixtures/licenses/other-idc.yaml"),
              "--format", "json", "--as-of", "2026-11-28", "--generated-at", STAMP)
    doc = json.loads(run.stdout)
    text = markdown.render(doc, ctx, "en")
    assert text.startswith("# Permit compliance report — B1-20230001\n")
    assert "| Holder | 苏杭云数据有限公司 |" in text
    services = "**B11** Internet Data Centre: Shanghai, Hangzhou, Suzhou"
    assert f"| Business types and coverage | {services} |" in text
    assert "(licensed: B11 Shanghai, Hangzhou, Suzhou)" in text
    assert [w for w in ("B1-20195402", "Guangzhou", "Shenzhen", "掌全") if w in text] == []
