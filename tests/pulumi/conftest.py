"""Fixtures of the Pulumi front door: one pack process per session, each example program run once."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mock_programs  # noqa: E402
from mock_programs import AS_OF, PROGRAMS  # noqa: E402
from pack_client import Pack  # noqa: E402


def pytest_configure(config):
    # The provider SDKs warn about their own deprecated modules when the programs import them.
    for package in ("pulumi_aws", "pulumi_azure", "pulumi_alicloud"):
        config.addinivalue_line("filterwarnings", f"ignore::DeprecationWarning:{package}.*")


@pytest.fixture(scope="session")
def pack():
    """The pack, started as the Pulumi CLI starts it, configured with defaults (bundled profile)."""
    started = Pack.start(env={"PERMITGUARD_AS_OF": AS_OF, "PERMITGUARD_LICENSE": ""})
    started.configure_stack()
    started.configure({})
    yield started
    started.stop()


@pytest.fixture
def pack_config(pack):
    """The pack, for a test that sends its own Configure: the defaults are restored afterwards."""
    yield pack
    pack.configure({})


@pytest.fixture(scope="session")
def programs() -> dict[str, mock_programs.Program]:
    """Every program of infra/pulumi, run once under Pulumi's mocks (registrations recorded)."""
    return {path.name: mock_programs.run(path) for path in sorted(PROGRAMS.iterdir())
            if (path / "Pulumi.yaml").is_file()}
