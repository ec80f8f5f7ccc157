"""The real-world regression corpus (tests/corpus/<case>/case.yaml): minimal fixtures, written in our own
words, of patterns read in public Terraform repositories, each with the verdicts a careful reviewer reads
from the code. Every case is scanned through the CLI path (sources.readers.read + engine.evaluate); cases
marked `cli: true` (and every case whose expectations name a module call) are also scanned by the real
`permitguard scan DIR --format json` in a subprocess. See tests/corpus/README.md for the format."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from permitguard import engine
from permitguard.context import Context
from permitguard.peers import JOINED_KINDS, Peers
from permitguard.report import compact
from permitguard.sources import readers
from permitguard.sources.documents import Documents

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASES = sorted(p.parent for p in HERE.glob("*/case.yaml"))
AS_OF = dt.date(2026, 11, 28)  # as tests/conftest.py: every filing of the bundled profile predates it
STATUSES = {"passed", "failed", "not_applicable"}
RULES = {f"CKV_CNLIC_{n}" for n in (101, 102, 103, 201, 202, 203, 301, 302, 401, 402, 403, 404, 405, 501, 601,
                                  602, 603, 901)}


@dataclass(frozen=True)
class Got:
    rule: str
    status: str
    undetermined: bool
    message: str


def load_case(case: Path) -> dict[str, Any]:
    return yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))


def _ids(cases: list[Path]) -> list[str]:
    return [c.name for c in cases]


def _cli_cases() -> list[Path]:
    out = []
    for case in CASES:
        spec = load_case(case)
        if spec.get("cli") or any(str(e["address"]).startswith("module.") and "." not in
                                  str(e["address"])[len("module."):] for e in spec.get("expect", [])):
            out.append(case)
    return out


@pytest.fixture(scope="module")
def corpus_ctx(tmp_path_factory) -> Context:
    # A directory without permitguard.yaml, and no environment: the bundled B1-20195402 profile.
    cwd = tmp_path_factory.mktemp("no-profile-here")
    return Context.load(as_of=AS_OF, environ={}, cwd=str(cwd))


def in_process(path: Path, ctx: Context) -> dict[str, list[Got]]:
    source = readers.read(path, ctx.types, Documents())
    got: dict[str, list[Got]] = {}
    peers = Peers(source.resources, ctx.types) if source.kind in JOINED_KINDS else None  # as `scan` joins
    for resource in source.resources:
        got.setdefault(resource.address, [])
        for f in engine.evaluate(resource, ctx, peers=peers):
            und = f.status.value == "failed" and ctx.rules[f.rule_id].undetermined(f.reason)
            got[resource.address].append(Got(f.rule_id, f.status.value, und, f.message_en))
    # Findings the reader itself reports (a module call that cannot be read), if it exposes them.
    extras = [*(getattr(source, "findings", None) or []), *(getattr(source, "unevaluated", None) or [])]
    for extra in extras:
        address = (getattr(getattr(extra, "resource", None), "address", None) or _get(extra, "address")
                   or _get(extra, "subject"))
        if address:
            rule = _get(extra, "rule_id") or "*"
            status = getattr(_get(extra, "status"), "value", None) or _get(extra, "status") or "failed"
            got.setdefault(str(address), []).append(Got(str(rule), str(status), True, str(extra)))
    return got


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def via_cli(path: Path, tmp_path: Path) -> dict[str, list[Got]]:
    from permitguard.report.matrix import undetermined
    from permitguard.rule_catalog import RuleCatalog

    env = {k: v for k, v in os.environ.items() if not k.startswith("PERMITGUARD_")}
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from permitguard.cli import main; sys.exit(main())",
         "scan", str(path), "--format", "json", "--as-of", AS_OF.isoformat()],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode in (0, 1), f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}"
    doc = compact.expand(json.loads(proc.stdout))  # the compact not-applicable findings among the others
    got: dict[str, list[Got]] = {}
    for f in doc.get("findings", []):
        address = (f.get("resource") or {}).get("address") or f.get("address") or f.get("subject")
        message = f.get("message")
        text = message.get("en", "") if isinstance(message, dict) else str(message or "")
        und = undetermined(f, RuleCatalog.load()) if "rule_id" in f else f["status"] == "failed"
        got.setdefault(str(address), []).append(Got(f.get("rule_id", "*"), f["status"], und, text))
    for u in doc.get("unevaluated", []) or []:
        address = u.get("address") or u.get("subject")
        got.setdefault(str(address), []).append(Got("*", "failed", True, json.dumps(u, ensure_ascii=False)))
    return got


def problems(spec: dict[str, Any], got: dict[str, list[Got]]) -> list[str]:
    out = []
    for e in spec.get("expect", []):
        address, rule, status = str(e["address"]), str(e.get("rule", "*")), e["status"]
        findings = [g for g in got.get(address, []) if rule == "*" or g.rule == rule]
        if not findings:
            seen = sorted(got) if len(got) < 40 else f"{len(got)} addresses"
            out.append(f"{address} {rule}: expected {status}, got no finding (addresses read: {seen})")
            continue
        matching = [g for g in findings if g.status == status]
        if "undetermined" in e:
            matching = [g for g in matching if g.undetermined == bool(e["undetermined"])]
        if not matching:
            shown = "; ".join(
                f"{g.rule} {g.status}{' (undetermined)' if g.undetermined else ''}: {g.message[:160]}"
                for g in findings
            )
            want = status + ("" if "undetermined" not in e else
                             " (undetermined)" if e["undetermined"] else " (determined)")
            out.append(f"{address} {rule}: expected {want}, got {shown}")
    for address in spec.get("absent", []) or []:
        if got.get(str(address)):
            shown = ", ".join(sorted({f"{g.rule} {g.status}" for g in got[str(address)]}))
            out.append(f"{address}: expected no finding at all, got {shown}")
    return out


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_case_file_is_well_formed(case: Path) -> None:
    spec = load_case(case)
    assert isinstance(spec.get("pattern"), str) and spec["pattern"].strip()
    assert spec.get("seen_in"), "seen_in: the public repositories read"
    assert (case / spec.get("root", ".")).is_dir()
    assert spec.get("expect"), "at least one expectation"
    assert any(e["status"] in ("passed", "failed") for e in spec["expect"])
    for e in spec["expect"]:
        assert set(e) <= {"address", "rule", "status", "undetermined"}, e
        assert e["status"] in STATUSES, e
        assert e.get("rule", "*") in RULES | {"*"}, e
        assert "undetermined" not in e or e["status"] == "failed", e


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_cli_path_gives_the_expected_verdicts(case: Path, corpus_ctx: Context) -> None:
    spec = load_case(case)
    got = in_process(case / spec.get("root", "."), corpus_ctx)
    found = problems(spec, got)
    assert not found, f"{case.name}:\n  " + "\n  ".join(found)


CLI_CASES = _cli_cases()


@pytest.mark.parametrize("case", CLI_CASES, ids=_ids(CLI_CASES))
def test_permitguard_scan_gives_the_expected_verdicts(case: Path, tmp_path: Path) -> None:
    spec = load_case(case)
    got = via_cli(case / spec.get("root", "."), tmp_path)
    found = problems(spec, got)
    assert not found, f"{case.name} (permitguard scan):\n  " + "\n  ".join(found)
