"""Byte-identical output whatever the hash seed (issue 13, deliverable 7): the bundled examples
(infra/terraform/*), a plan fixture, a preview document and corpus fixtures (each case's `root`) are
scanned by the real CLI in subprocesses under PYTHONHASHSEED 0, 1, 2 and 12345, and every format's bytes
are compared. The tfparse worker each scan starts gets a fresh random seed of its own: what it returns
must not depend on it either."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hostile.support import AS_OF, ROOT

SEEDS = ("0", "1", "2", "12345")
FORMATS = ("text", "json", "sarif", "junit", "markdown", "html")
CORPUS = ("ali-sg-module-dotdot-lookup", "hw-dotdot-nested-local-module", "tc-rule-set-dynamic-module",
          "tc-flatten-rules-count", "az-cn-nsg-rules-for-each", "aws-cn-downloaded-registry-module",
          "ali-for-each-map-each-value")
STAMP = "2026-11-28T00:00:00Z"
# One process per seed, through permitguard.cli.main: each target scanned once (SARIF, with the findings
# document beside it), the document rendered by `report` into text, JUnit, Markdown and HTML.
DRIVER = """
import io, json, os, sys
from permitguard.cli import Environment, main
targets = json.loads(sys.argv[1])
os.chdir(sys.argv[2])  # outputs named relatively: a report lists its input by the name it was given
pin = ["--as-of", AS_OF, "--generated-at", STAMP]
codes = {}
def run(key, *argv):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), environ={}, cwd=os.getcwd())
    codes[key] = main([*argv, *pin], env)
for name, target in targets.items():
    run(name + ".sarif", "scan", target, "--format", "sarif", "--output", name + ".sarif",
        "--json-output", name + ".json")
    for fmt in ("text", "junit", "markdown", "html"):
        run(name + "." + fmt, "report", name + ".json", "--format", fmt, "--output", name + "." + fmt)
print(json.dumps(codes))
""".replace("AS_OF", repr(AS_OF)).replace("STAMP", repr(STAMP))


def _corpus_root(case: str) -> str:
    spec = yaml.safe_load((ROOT / "tests" / "corpus" / case / "case.yaml").read_text(encoding="utf-8"))
    return str(ROOT / "tests" / "corpus" / case / spec.get("root", "."))


@pytest.fixture(scope="module")
def targets(tmp_path_factory) -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "tests" / "pulumi"))
    import mock_programs

    preview = tmp_path_factory.mktemp("preview") / "preview.json"
    program = mock_programs.run(ROOT / "infra" / "pulumi" / "aws-china")
    preview.write_text(json.dumps(mock_programs.preview_document(program)), encoding="utf-8")
    found = {f"example-{p.name}": str(p) for p in sorted((ROOT / "infra/terraform").iterdir()) if p.is_dir()}
    found["plan-101"] = str(ROOT / "tests/fixtures/CKV_CNLIC_101/plan.json")
    found["plan-202"] = str(ROOT / "tests/fixtures/CKV_CNLIC_202/plan.json")
    found["preview-aws-china"] = str(preview)
    found.update({f"corpus-{c}": _corpus_root(c) for c in CORPUS})
    return found


@pytest.fixture(scope="module")
def runs(targets, tmp_path_factory) -> dict[str, tuple[dict, Path]]:
    started = {}
    for seed in SEEDS:
        out = tmp_path_factory.mktemp(f"seed{seed}")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PERMITGUARD_")}
        env["PYTHONHASHSEED"] = seed
        started[seed] = (subprocess.Popen([sys.executable, "-c", DRIVER, json.dumps(targets), str(out)],
                                          cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True), out)
    done = {}
    for seed, (proc, out) in started.items():
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        done[seed] = (json.loads(stdout), out)
    return done


def test_every_target_was_scanned_and_judged(runs, targets):
    codes, _ = runs[SEEDS[0]]
    assert len(codes) == len(targets) * (len(FORMATS) - 1) >= 20 * 5
    assert set(codes.values()) <= {0, 1}, {k: v for k, v in codes.items() if v not in (0, 1)}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS[1:])
def test_output_bytes_do_not_depend_on_the_hash_seed(runs, targets, seed, fmt):
    base_codes, base = runs[SEEDS[0]]
    codes, other = runs[seed]
    differ = [name for name in targets
              if (base / f"{name}.{fmt}").read_bytes() != (other / f"{name}.{fmt}").read_bytes()]
    assert differ == [], f"PYTHONHASHSEED={seed} vs {SEEDS[0]}: {fmt} differs for {differ}"
    assert codes == base_codes
