"""HTML: self-contained, printable, every key section, escaped input, reproducible bytes."""
from __future__ import annotations

import re

from helpers import cli
from permitguard.report import formats
from report.support import FIXTURES, INJECTED, STAMP, synthetic_doc

SECTION_IDS = ("cover", "inputs", "verdict", "matrix", "findings", "unevaluated", "suppressions", "other",
               "inventory")
ALL_INPUTS = [str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")]


def test_every_section_is_present(examples_doc, ctx):
    html = formats.render(examples_doc, "html", ctx)
    for section in SECTION_IDS:
        assert f'id="{section}"' in html, section
    assert html.count('<tr id="m-SP-') == 17 + 27  # every provision and sub-item in the matrix
    assert "B1-20195402" in html and "北京掌全通信息科技有限公司" in html
    assert "2029-04-26" in html and "880 days left" in html  # renewal deadline against generated_at
    assert "<svg" in html and 'class="inventory"' in html


def test_self_contained_no_script_no_network(examples_doc, ctx):
    html = formats.render(examples_doc, "html", ctx)
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "@media print" in html and "@page" in html
    assert "Content-Security-Policy" in html


def test_text_from_the_inputs_is_escaped(ctx):
    html = formats.render(synthetic_doc(ctx, 70, inject=True), "html", ctx)
    assert INJECTED not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html


def test_lang_picks_the_languages_shown(violating_doc, ctx):
    en = formats.render(violating_doc, "html", ctx, lang="en")
    zh = formats.render(violating_doc, "html", ctx, lang="zh")
    both = formats.render(violating_doc, "html", ctx, lang="both")
    assert 'class="t-zh"' not in en and "条款矩阵" not in en and "Clause matrix" in en
    assert '<html lang="zh-CN">' in zh and 'class="t-en"' not in zh and "条款矩阵" in zh
    assert "Clause matrix · 条款矩阵" in both


def test_merged_inputs_report_lists_each_input_other_checks_and_suppressions():
    run = cli("report", *ALL_INPUTS, "--format", "html", "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    html = run.stdout
    for kind in ("permitguard_json", "terraform", "checkov_json", "pulumi_event_log"):
        assert f"<td>{kind}</td>" in html
    assert "CKV_ALI_" in html and "required-owner-tag" in html
    assert "bastion reachable only through the corporate VPN, ticket SEC-1234" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert INJECTED not in html


def test_same_inputs_and_generated_at_give_the_same_bytes(tmp_path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.html"
        run = cli("report", *ALL_INPUTS, "--format", "html", "--output", str(out), "--generated-at", STAMP,
                  environ={"PERMITGUARD_AS_OF": "2026-11-28"})
        assert run.exit_status == 1, run.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert b"2026-11-28T00:00:00Z" in outs[0]


def test_inventory_counts_every_resource_of_the_summary(examples_doc, ctx):
    from permitguard.report import inventory
    from permitguard.report.record import records

    findings = records(examples_doc["findings"], ctx.rules)
    places = inventory.places(findings, examples_doc["license"]["services"], ctx.rules, ctx.provinces)
    assert sum(p.total for p in places) == examples_doc["summary"]["resources"]
    names = {p.name["en"] for p in places}
    assert {"Beijing", "Guangdong · Heyuan", "Hong Kong"} <= names
