"""Which names of a configuration carry a value that cannot be known statically, wherever the evaluator
rendered something for them: a root variable with no value (no default, and no tfvars or --var-file sets
it), a module call that could not be read — and, followed to a fixed point, every local computed from one
and every input variable of a module whose call passes one. The evaluator may still have produced a value
(a conditional's other branch, a `try()` fallback, null): an expression that reads a tainted name is
unknown, never that value.

Names are kept per module directory (`var.x`, `local.y`, `module.z`); instances of one module share them,
which can only make more values unknown, never fewer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from permitguard.terraform import source_text
from permitguard.terraform.providers import declared_address
from permitguard.terraform.values import Block
from permitguard.terraform.var_files import assignments

_REFERENCE = re.compile(r"\b((?:module|local|var)\.[A-Za-z_][\w-]*)")
_MODULE_META = frozenset({"source", "version", "providers", "count", "for_each", "depends_on"})


def assigned_names(var_files: Iterable[Path]) -> set[str]:
    """The variables the given .tfvars / .tfvars.json files set."""
    out: set[str] = set()
    for f in var_files:
        out |= set(assignments(Path(f)))
    return out


def reads(expression: str, names: Mapping[str, str]) -> str | None:
    """Why `expression` cannot be known, if it reads a tainted name; else None."""
    for ref in _REFERENCE.findall(source_text.strip_comments(expression)):
        if ref in names:
            return names[ref]
    return None


def tainted_by_directory(
    root: Path,
    blocks: list[Block],
    modules: Mapping[str, Block],
    targets: Mapping[str, Path | None],
    unreadable: Iterable[str],
    unset: Iterable[str],
) -> dict[str, dict[str, str]]:
    """directory → {name: why}. `targets` maps each module call's address to its directory (None when it
    could not be read); `unset` names the root's variables that have no value."""
    out: dict[str, dict[str, str]] = {
        str(root): {
            f"var.{n}": f"var.{n} has no value (no default, and no terraform.tfvars, *.auto.tfvars or "
            "--var-file sets it)"
            for n in unset
        }
    }
    for path in unreadable:
        call = modules[path]
        name = declared_address(path).rsplit("module.", 1)[-1]
        out.setdefault(str(Path(call.file).parent), {})[f"module.{name}"] = f"module.{name} could not be read"
    directories = {str(Path(b.file).parent) for b in blocks} | {str(root)}
    written = {d: _locals(d, blocks) for d in directories}
    changed = True
    while changed:
        changed = False
        for directory, expressions in written.items():
            names = out.get(directory)
            if not names:
                continue
            for local, expression in expressions.items():
                if f"local.{local}" not in names and (why := reads(expression, names)) is not None:
                    names[f"local.{local}"], changed = why, True
        for path, call in modules.items():
            target, names = targets.get(path), out.get(str(Path(call.file).parent))
            if target is None or not names:
                continue
            for arg, (expression, _) in source_text.arguments(call.file, call.line or 1, call.end).items():
                child = out.setdefault(str(target), {})
                if (
                    arg not in _MODULE_META
                    and f"var.{arg}" not in child
                    and (why := reads(expression, names))
                ):
                    child[f"var.{arg}"], changed = f"{why} (passed to {_declared(path)} as {arg})", True
    return out


def _locals(directory: str, blocks: list[Block]) -> dict[str, str]:
    files = sorted({b.file for b in blocks if str(Path(b.file).parent) == directory})
    files += sorted(str(p) for p in Path(directory).glob("*.tf") if str(p) not in files)
    found: dict[str, str] = {}
    for f in files:
        found.update({k: v[0] for k, v in source_text.locals_of(f).items()})
    return found



def _declared(path: str) -> str:
    return declared_address(path) if path else os.curdir
