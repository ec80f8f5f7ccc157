"""permitguard's own findings JSON read back: as it is, validated, its inputs listed `via` it."""
from __future__ import annotations

import json

import pytest

from permitguard.errors import InputError
from permitguard.report.inputs import scan_json
from report.support import FIXTURES

LISTING = {"path": "scan.json", "sha256": "a" * 64}


def _doc() -> dict:
    return json.loads((FIXTURES / "scan.json").read_text(encoding="utf-8"))


def test_only_a_document_written_by_permitguard_looks_like_one():
    assert scan_json.looks_like(_doc())
    assert not scan_json.looks_like({"tool": {"name": "checkov"}})
    assert not scan_json.looks_like([{"tool": "permitguard"}])


def test_a_scan_document_is_read_as_it_is_with_its_licence_and_date():
    doc = _doc()
    part = scan_json.read(doc, "scan.json", LISTING)
    assert part.findings == doc["findings"] and part.license == doc["license"] and part.as_of == doc["as_of"]
    own, *listed = part.inputs
    assert own == {"path": "scan.json", "kind": "permitguard_json", "sha256": "a" * 64}
    assert listed and all(i["via"] == "scan.json" for i in listed)


def test_a_document_that_breaks_the_findings_schema_is_unusable_input():
    doc = _doc()
    del doc["findings"][0]["status"]
    with pytest.raises(InputError, match="not a valid permitguard findings document"):
        scan_json.read(doc, "scan.json", LISTING)


def test_report_merges_the_trails_of_scan_documents_and_keeps_them_valid(tmp_path):
    from pathlib import Path

    from helpers import cli

    root = Path(__file__).resolve().parents[3]
    env = {"PERMITGUARD_AS_OF": "2026-06-01"}
    docs = []
    for name in ("alicloud-compliant", "aws-compliant"):
        out = tmp_path / f"{name}.json"
        run = cli("scan", str(root / "infra/terraform" / name), "--format", "json", "-o", str(out),
                  environ=env)
        assert run.exit_status in (0, 1), run.stderr
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    merged = tmp_path / "merged.json"
    run = cli("report", *(str(tmp_path / f"{n}.json") for n in ("alicloud-compliant", "aws-compliant")),
              "--format", "json", "-o", str(merged), environ=env)
    assert run.exit_status in (0, 1), run.stderr
    doc = json.loads(merged.read_text(encoding="utf-8"))
    assert doc["trails"] == {**docs[0]["trails"], **docs[1]["trails"]}
    assert {f["resource"]["trail"] for f in doc["findings"]} == set(doc["trails"])
