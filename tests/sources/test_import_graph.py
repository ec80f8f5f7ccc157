"""The import graph of permitguard.sources has no circle: detection (sniffing) knows no reader, the readers
know neither detection nor the dispatch, and only `readers` knows every reader. Held statically (every
import, function-level ones included) and by importing each module first in a fresh interpreter."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import permitguard.sources

SOURCES = Path(permitguard.sources.__file__).resolve().parent
PACKAGE = "permitguard.sources"
MODULES = sorted(p.stem for p in SOURCES.glob("*.py") if p.stem != "__init__")
READERS = {"terraform_hcl", "terraform_plan", "pulumi_preview"}


def imports_of(module: str) -> set[str]:
    """The sibling modules `module` imports, anywhere in it (`from permitguard.sources import x` too)."""
    tree = ast.parse((SOURCES / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PACKAGE:
                found |= {a.name for a in node.names if a.name in MODULES}
            elif node.module.startswith(PACKAGE + "."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names if a.name.startswith(PACKAGE + ".")}
    return found - {module}


GRAPH = {m: imports_of(m) for m in MODULES}


def test_the_sources_import_graph_has_no_cycle():
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import circle: {' -> '.join((*path, module))}"
        if module in done:
            return
        for target in sorted(GRAPH[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in MODULES:
        visit(module, ())


def test_detection_knows_no_reader_and_readers_know_no_detection():
    assert not GRAPH["detect"] & (READERS | {"readers"}), GRAPH["detect"]
    for reader in READERS:
        assert not GRAPH[reader] & {"detect", "readers"}, (reader, GRAPH[reader])
    assert READERS <= GRAPH["readers"]  # the one place that maps each kind to its reader


@pytest.mark.parametrize("module", MODULES)
def test_each_sources_module_imports_first_in_a_fresh_interpreter(module):
    done = subprocess.run([sys.executable, "-c", f"import {PACKAGE}.{module}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
