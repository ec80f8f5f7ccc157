"""Shared fixtures: a Context over the bundled permit profile with a pinned change date."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from permitguard import rule_catalog
from permitguard.context import Context

rule_catalog.STRICT_PLACEHOLDERS = True  # a message placeholder a verdict does not fill fails the test

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context.load(str(ROOT / "infra/licenses/B1-20195402.yaml"), as_of=AS_OF, environ={})
