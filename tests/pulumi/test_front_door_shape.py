"""The front door stays thin: small modules, no rule ids or rule metadata, the pack a single call."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pack_client import PACK_DIR

import permitguard.pulumi
from permitguard.rule_catalog import RuleCatalog

MODULES = sorted(Path(permitguard.pulumi.__file__).parent.glob("*.py"))


def test_modules_are_at_most_150_lines():
    assert MODULES and all(len(m.read_text().splitlines()) <= 150 for m in MODULES)


def test_no_rule_ids_names_or_titles_in_the_front_door():
    catalog = RuleCatalog.load()
    literals = [m.id for m in catalog] + [m.name for m in catalog] + [m.title.en for m in catalog]
    for module in MODULES:
        text = module.read_text()
        assert not [lit for lit in literals if lit in text], module.name


def test_pack_directory_holds_what_the_cli_needs():
    assert {"PulumiPolicy.yaml", "__main__.py", "requirements.txt"} <= {p.name for p in PACK_DIR.iterdir()}
    requirements = (PACK_DIR / "requirements.txt").read_text().splitlines()
    assert any(line.startswith("pulumi-policy") for line in requirements) and "-e ../.." in requirements


def test_example_config_names_only_real_policies_and_sets_the_profile_once():
    example = json.loads((PACK_DIR / "policy-config.example.json").read_text())
    assert set(example) - {"all"} <= {meta.name for meta in RuleCatalog.load()}
    assert sum("license" in v for v in example.values() if isinstance(v, dict)) == 1


def test_the_pack_starts_without_the_engine():
    """Start-to-ready stays short: the engine, its rules and the context are imported by the first Analyze."""
    code = ("import sys; from permitguard.pulumi.policies import pack_policies; pack_policies(); "
            "print(sorted(m for m in ('permitguard.engine', 'permitguard.context', 'permitguard.rules') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=PACK_DIR, capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(PACK_DIR.parent)})
    assert out.stdout.strip() == "[]"
