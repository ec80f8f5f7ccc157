"""Helpers of the bad-input suite: hostile or malformed licence profiles, regexes, dates and network rules,
each case with the exit status or finding it must give, through the real front doors (the CLI's main(),
Checkov's runner, the Pulumi pack's gRPC server). Nothing here may end in "internal error" or a traceback."""
from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from helpers import cli
from permitguard.report import compact

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "infra" / "licenses" / "B1-20195402.yaml"
BASE = BUNDLED.read_text(encoding="utf-8")
AS_OF = "2026-11-28"


def profile(tmp_path: Path, text: str | bytes, name: str = "permitguard.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def edit(old: str, new: str, text: str = BASE) -> str:
    """The bundled profile with one line changed (the line must be there: a case that edits nothing
    would test nothing)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


@dataclass
class Scan:
    exit_status: int
    stderr: str
    doc: dict

    def finding(self, rule_id: str, address: str) -> dict:
        (found,) = [f for f in self.doc["findings"]
                    if f["rule_id"] == rule_id and f["resource"]["address"] == address]
        return found


def scan(target: Path, *args: str, environ: dict | None = None) -> Scan:
    """`permitguard scan TARGET --format json` in-process, the document parsed as its readers take it (the
    compact not-applicable findings among the others)."""
    run = cli("scan", str(target), "--format", "json", *args, environ=environ or {})
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    doc = compact.expand(json.loads(run.stdout)) if run.stdout.strip() else {}
    return Scan(run.exit_status, run.stderr, doc)


def refused(*args: str, environ: dict | None = None):
    """A command that must be refused as unusable input (exit 2), never with an internal error."""
    run = cli(*args, environ=environ or {})
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert run.exit_status == 2, (run.exit_status, run.stdout, run.stderr)
    return run


def write_tf(folder: Path, text: str) -> Path:
    """A Terraform directory holding `main.tf` with the given text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.tf").write_text(text, encoding="utf-8")
    return folder


def checkov_suite():
    """tests/checkov/conftest.py's in-process Checkov runner (the suite's own way of running Checkov)."""
    name = "hostile_checkov_suite"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "checkov" / "conftest.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        module.guard_against_shadowing()
    return sys.modules[name]


def pack_client():
    """tests/pulumi/pack_client.py: drives the policy pack as the Pulumi CLI does."""
    pulumi_tests = str(ROOT / "tests" / "pulumi")
    if pulumi_tests not in sys.path:
        sys.path.insert(0, pulumi_tests)
    import pack_client

    return pack_client
