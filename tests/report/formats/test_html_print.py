"""The HTML report and the compare view printed on A4 by headless Chromium: every page is A4 and carries the
permit number in its running header; the pages are rendered to PNG under build/print/ to look at, and the
compare view is screenshotted to build/compare.png."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import cli
from report.formats.test_html_browser import CHROMIUM, chromium
from report.support import FIXTURES, ROOT, STAMP

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")
A4 = (595.3, 841.9)  # points
PERMIT = "B1-20195402"
BUILD = ROOT / "build" / "print"


def printed(page: Path, tmp: Path) -> Path:
    pdf = tmp / (page.stem + ".pdf")
    chromium(page, tmp / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return pdf


def pages_to_png(pdf: Path, name: str) -> list[Path]:
    pdfium = pytest.importorskip("pypdfium2")
    BUILD.mkdir(parents=True, exist_ok=True)
    for old in BUILD.glob(f"{name}-*.png"):
        old.unlink()
    out = []
    for i, page in enumerate(pdfium.PdfDocument(str(pdf)), start=1):
        path = BUILD / f"{name}-{i:02d}.png"
        page.render(scale=1.0).to_pil().save(path)
        out.append(path)
    return out


def check_a4_with_header(pdf: Path, name: str) -> int:
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) > 1
    for n, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, (n, size)
        text = page.extract_text()
        assert PERMIT in text, f"page {n} has no running header with the permit number"
        assert f"{n} / {len(reader.pages)}" in text
    shots = pages_to_png(pdf, name)
    assert len(shots) == len(reader.pages) and all(s.read_bytes()[:4] == b"\x89PNG" for s in shots)
    return len(reader.pages)


def test_report_prints_on_a4_with_the_permit_number_on_every_page(tmp_path):
    page = tmp_path / "report.html"
    run = cli("report", *(str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")),
              "--format", "html", "--output", str(page), "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    assert check_a4_with_header(printed(page, tmp_path), "report") >= 5


def test_compare_view_prints_on_a4_and_is_screenshotted(tmp_path):
    docs = []
    for name, example in (("old", "alicloud-compliant"), ("new", "alicloud-violating")):
        out = tmp_path / f"{name}.json"
        run = cli("scan", str(ROOT / "infra" / "terraform" / example), "--format", "json",
                  "--output", str(out), "--as-of", "2026-06-01", "--generated-at", STAMP)
        assert run.exit_status == 1, run.stderr
        docs.append(str(out))
    page = tmp_path / "compare.html"
    run = cli("report", "--compare", *docs, "--format", "html", "--output", str(page))
    assert run.exit_status == 1, run.stderr
    check_a4_with_header(printed(page, tmp_path), "compare")
    shot = ROOT / "build" / "compare.png"
    shot.unlink(missing_ok=True)
    chromium(page, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1280,1800",
             "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
