"""Run the evaluator on one root module: which variable files Terraform would load, a clean environment,
a time limit, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from permitguard.errors import InputError

TIME_LIMIT_S = 120.0
# What the worker may see of the environment: enough to start Python, nothing Terraform would read.
_KEPT_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH")
# The Go runtime inside tfparse: collect garbage when the heap has grown fivefold rather than doubled (a
# short-lived process: a fifth less CPU on the bundled examples), still collecting as often as it must to
# stay near 1 GiB. Settings of the runtime only: what the evaluator reads and answers is the same.
_GO_RUNTIME = {"GOGC": "400", "GOMEMLIMIT": "1GiB"}


def var_files(root: Path, extra: tuple[Path, ...] = ()) -> list[Path]:
    """The variable definitions files in the order Terraform loads them (later wins): terraform.tfvars,
    terraform.tfvars.json, *.auto.tfvars and *.auto.tfvars.json in lexical order, then each -var-file."""
    found = [root / name for name in ("terraform.tfvars", "terraform.tfvars.json") if (root / name).is_file()]
    found += sorted(
        (p for p in root.iterdir() if p.is_file() and p.name.endswith((".auto.tfvars", ".auto.tfvars.json"))),
        key=lambda p: p.name,
    )
    return found + [Path(p) for p in extra]


def workspace(root: Path) -> str:
    """`terraform.workspace` as `terraform workspace select` left it in the root (.terraform/environment),
    else "default". $TF_WORKSPACE is not read: the environment is invisible to policy."""
    try:
        name = (root / ".terraform" / "environment").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return "default"
    return name if name and len(name) <= 90 and name.isprintable() else "default"


def run_evaluator(root: Path, files: list[Path], stop_on_error: bool = False) -> dict[str, Any]:
    """tfparse's document for `root`, or {"error": message} when it refused the configuration."""
    return run_evaluator_many([(root, files)], stop_on_error)[0]


def run_evaluator_many(
    roots: list[tuple[Path, list[Path]]], stop_on_error: bool = False
) -> list[dict[str, Any]]:
    """The answers for several roots from one worker process (its start is most of a small root's cost)."""
    request = {
        "requests": [
            {
                "path": str(root),
                "var_files": [str(f) for f in files],
                "stop_on_error": stop_on_error,
                "workspace": workspace(root),
            }
            for root, files in roots
        ]
    }
    label = str(roots[0][0]) if len(roots) == 1 else f"{roots[0][0]} (and {len(roots) - 1} more roots)"
    env = {k: v for k, v in os.environ.items() if k in _KEPT_ENV} | _GO_RUNTIME
    # Started in an empty directory: `-m` puts the starting directory first on the import path, and a
    # scanned repository's own `tfparse.py` must never run (the worker then works in each root in turn).
    with tempfile.TemporaryDirectory(prefix="permitguard-worker-") as neutral:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "permitguard.terraform.worker"],
                input=json.dumps(request),
                capture_output=True,
                text=True,
                env=env,
                cwd=neutral,
                timeout=TIME_LIMIT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InputError(
                f"{label}: the Terraform evaluator did not finish within {TIME_LIMIT_S:.0f} s"
            ) from None
    try:
        answers = json.loads(done.stdout)["answers"]
    except (ValueError, KeyError, TypeError):
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise InputError(f"{label}: the Terraform evaluator failed: {last[:300]}") from None
    if (
        not isinstance(answers, list)
        or len(answers) != len(roots)
        or not all(isinstance(a, dict) for a in answers)
    ):
        raise InputError(f"{label}: the Terraform evaluator gave no document")
    return answers
