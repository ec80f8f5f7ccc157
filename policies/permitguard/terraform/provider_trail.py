"""Where a provider block's region is written and where its value comes from, as trail steps: the region
argument's expression, and for `var.NAME` the variables file that sets it (the last of terraform.tfvars,
*.auto.tfvars, --var-file that assigns it, as Terraform loads them), else the variable's default; in a
module, the module call's argument of that name. Files are shown relative to the scanned directory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from permitguard.model import TrailStep
from permitguard.terraform import source_text, var_files
from permitguard.terraform.values import Block

_VAR = re.compile(r"^var\.([A-Za-z_][\w-]*)$")
_LOCAL = re.compile(r"^local\.([A-Za-z_][\w-]*)$")


def region_steps(block: Block, keys: tuple[str, ...], parts: tuple[str, ...], blocks: list[Block],
                 modules: Mapping[str, Block], var_files: list[Path], base: Path) -> tuple[TrailStep, ...]:
    """The steps behind the region argument of provider `block` (first of `keys` written), or ()."""
    written = source_text.arguments(block.file, block.line or 1, block.end)
    key = next((k for k in keys if k in written), None)
    if key is None:
        return ()
    expression, line = written[key]
    steps = [TrailStep("provider_argument", f"{key} = {source_text.shown(expression)}",
                       block.body["__file_rel__"], line)]
    m = _VAR.match(expression.strip())
    if m:
        steps.append(_variable(m.group(1), parts, block, blocks, modules, var_files, base))
    elif (m := _LOCAL.match(expression.strip())) is not None:
        steps += _local(m.group(1), block, base)
    return tuple(steps)


def _local(name: str, block: Block, base: Path) -> list[TrailStep]:
    """Where `local.NAME` is defined among the files of the provider block's directory."""
    directory = Path(block.file).parent
    for path in sorted(directory.glob("*.tf")):
        found = source_text.locals_of(path).get(name)
        if found is not None:
            return [TrailStep("local_value", f"local.{name} = {source_text.shown(found[0])}",
                              os.path.relpath(path, base), found[1])]
    return []


def _variable(name: str, parts: tuple[str, ...], block: Block, blocks: list[Block],
              modules: Mapping[str, Block], var_files: list[Path], base: Path) -> TrailStep:
    if parts:  # a module's variable: the calling block's argument sets it
        call = modules.get(".".join(f"module.{p}" for p in parts))
        if call is not None:
            given = source_text.arguments(call.file, call.line or 1, call.end).get(name)
            if given is not None:
                what = f"module.{parts[-1]}: {name} = {source_text.shown(given[0])}"
                return TrailStep("module_argument", what, call.body["__file_rel__"], given[1])
    else:
        for path in reversed(var_files):  # the last file that assigns it wins
            found = _assigned(path, name)
            if found is not None:
                return TrailStep("variables_file", f"var.{name} = {found[0]}", os.path.relpath(path, base),
                                 found[1])
    directory = str(Path(block.file).parent)
    declared = next((b for b in blocks if b.kind == "variable" and b.path.endswith(f"variable.{name}")
                     and str(Path(b.file).parent) == directory), None)
    if declared is None:
        return TrailStep("variable", f"var.{name}: no declaration read")
    default = source_text.arguments(declared.file, declared.line or 1, declared.end).get("default")
    what = f"var.{name} default = {source_text.shown(default[0])}" if default else f"var.{name}: no default"
    line = default[1] if default else declared.line
    return TrailStep("variable_default", what, declared.body["__file_rel__"], line)


def _assigned(path: Path, name: str) -> tuple[str, int | None] | None:
    """`name`'s value text and line in a variables file (HCL, or JSON: no line), None when it is not set."""
    return var_files.assignments(path).get(name)
