"""Every bundled Terraform example gives exactly the failed findings its expected.yaml lists (what
`make scan` checks), and the combined run writes the findings document and the HTML report."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from permitguard import datafiles

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for kind in ("infra/terraform", "infra/kubernetes") for p in (ROOT / kind).iterdir()
                  if (p / "expected.yaml").is_file())
PROFILE = str(ROOT / "infra/licenses/B1-20195402.yaml")


def _verify():
    spec = importlib.util.spec_from_file_location("verify_examples", ROOT / "infra/verify_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VERIFY = _verify()


def test_every_cloud_has_a_compliant_and_a_violating_example():
    names = {p.name for p in EXAMPLES}
    for cloud in ("alicloud", "tencentcloud", "huaweicloud", "aws", "azurerm"):
        assert {f"{cloud}-compliant", f"{cloud}-violating"} <= names


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_gives_exactly_its_expected_findings(example, capsys):
    args = type("Args", (), {"license": PROFILE})()
    assert VERIFY.check(example, args), capsys.readouterr().out


def test_make_scan_writes_the_findings_document_and_report(tmp_path, capsys):
    out, html = tmp_path / "scan.json", tmp_path / "report.html"
    code = VERIFY.main_([*map(str, EXAMPLES), "--license", PROFILE, "--json", str(out), "--html", str(html)])
    assert code == 0, capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert datafiles.schema_errors("findings.schema.json", doc) == []
    assert (
        doc["summary"]["resources"]
        == doc["summary"]["passed"] + doc["summary"]["failed"] + doc["summary"]["not_applicable"]
    )
    assert "B1-20195402" in html.read_text(encoding="utf-8")
