"""Findings documents the report tests share: the bundled examples' scan output, once per session."""
from __future__ import annotations

import pytest

from report.support import ROOT, scan_doc


@pytest.fixture(scope="session")
def examples_doc() -> dict:
    examples = ROOT / "infra" / "terraform"
    return scan_doc(str(examples / "alicloud-compliant"), str(examples / "alicloud-violating"))


@pytest.fixture(scope="session")
def violating_doc() -> dict:
    return scan_doc(str(ROOT / "infra/terraform/alicloud-violating"))
