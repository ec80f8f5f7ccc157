"""The HTML report in a real browser (headless Chromium, Debian package `chromium`): the key sections are in
the rendered DOM, markup injected through a resource name or tag did not run, and a screenshot is saved."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import cli
from report.support import FIXTURES, INJECTED, ROOT, STAMP

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed "
                                "(Debian package `chromium`; .ci/run installs it)")
SECTIONS = ("cover", "inputs", "verdict", "matrix", "findings", "unevaluated", "suppressions", "other",
            "inventory")


def chromium(page: Path, profile: Path, *args: str) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
           f"--user-data-dir={profile}", *args, page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    run = cli("report", *(str(FIXTURES / n) for n in ("scan.json", "checkov.json", "pulumi-events.jsonl")),
              "--format", "html", "--output", str(out), "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    return out


def test_the_harness_sees_a_script_that_runs(tmp_path):
    """Control: unescaped, the injected markup would run here and change the title the next test checks."""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>control</title></head><body>{INJECTED}</body></html>",
                    encoding="utf-8")
    assert "<title>pwned</title>" in chromium(page, tmp_path / "profile", "--dump-dom")


def test_rendered_dom_has_the_sections_and_injected_markup_stayed_text(report, tmp_path):
    dom = chromium(report, tmp_path / "profile", "--dump-dom")
    for section in SECTIONS:
        assert f'id="{section}"' in dom, section
    assert dom.count('<tr id="m-SP-') == 44
    assert "<title>pwned</title>" not in dom and "Permit compliance report" in dom.split("</title>")[0]
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom


def test_screenshot_is_saved_under_build(report, tmp_path):
    shot = ROOT / "build" / "report.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    chromium(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000",
             "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
