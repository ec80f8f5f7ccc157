"""Which reader an input needs: a directory or a .tf file is Terraform HCL; a JSON file is a plan or a
Pulumi preview. Also the input's digest for the findings document."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from permitguard import safe_files
from permitguard.errors import InputError
from permitguard.sources import SourceResult

TF_SUFFIXES = (".tf", ".tf.json")


_PARSED: dict[tuple[str, int, int], Any] = {}  # one parse per input file per run (sniffing, then reading)


def _key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def parsed(path: Path) -> Any | None:
    """The document `load_json` already parsed from this file (unchanged since), else None."""
    try:
        return _PARSED.get(_key(path))
    except OSError:
        return None


def load_json(path: Path, what: str) -> Any:
    """A JSON input parsed once per run; InputError with one line for anything unusable."""
    if (done := parsed(path)) is not None:
        return done
    text = safe_files.read_text(path, what, safe_files.JSON_LIMIT)  # regular file, bounded
    try:
        doc = json.loads(text, parse_constant=_not_a_number, parse_float=_finite, parse_int=_integer)
    except _NotJsonNumber as exc:
        raise InputError(f"{path}: {what} is not valid JSON: {exc} is not a JSON number permitguard reads"
                         ) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: {what} is not valid JSON (truncated?): line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg}") from None
    except RecursionError:  # deeper than Python's stack: no plan or preview Terraform or Pulumi writes
        raise InputError(f"{path}: {what} nests its JSON too deeply to be read") from None
    _PARSED.clear()  # keep only the latest document: inputs are read one after the other
    _PARSED[_key(path)] = doc
    return doc


class _NotJsonNumber(ValueError):
    """NaN, Infinity, or a number too large for a float: Python's json accepts them, JSON has none; an
    integer of more digits than Python converts (4,300)."""


def _not_a_number(literal: str) -> float:
    raise _NotJsonNumber(literal)


def _integer(literal: str) -> int:
    if len(literal) > 4300:
        raise _NotJsonNumber(f"a number of {len(literal)} digits")
    return int(literal)


def _finite(literal: str) -> float:
    value = float(literal)
    if value != value or value in (float("inf"), float("-inf")):
        raise _NotJsonNumber(literal)
    return value


def kind_of(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        return "terraform"
    if path.name.endswith(TF_SUFFIXES):
        why = safe_files.problem(path, safe_files.TF_FILE_LIMIT)
        if why:
            raise InputError(f"{path}: cannot read Terraform file: {why}")
        return "terraform"
    doc = load_json(path, "input")
    if isinstance(doc, dict) and (
        "resource_changes" in doc or "planned_values" in doc or "terraform_version" in doc
    ):
        return "terraform_plan"
    if isinstance(doc, dict) and ("steps" in doc or "changeSummary" in doc):
        return "pulumi_preview"
    raise InputError(
        f"{path}: not a Terraform directory, a `terraform show -json` plan or a "
        "`pulumi preview --json` document"
    )


def read_files(path: Path) -> list[Path]:
    """The files a directory scan reads: configuration files, and the variables files beside them."""
    from permitguard.terraform.roots import VAR_SUFFIXES, walk

    tree = walk(path)
    found = list(tree.files)
    for d in tree.directories:
        found += [d / n for n in sorted(os.listdir(d)) if n.endswith(VAR_SUFFIXES)
                  and safe_files.problem(d / n, safe_files.TF_FILE_LIMIT, path) is None]
    return found


def digest(path: Path, files: list[Path] | None = None) -> str:
    """sha256 of a file input, or of the files a directory scan reads (`files`, else `read_files`: names
    and contents, sorted): only what the readers accept is opened."""
    h = hashlib.sha256()
    if not path.is_dir():
        limit = safe_files.TF_FILE_LIMIT if path.name.endswith(TF_SUFFIXES) else safe_files.JSON_LIMIT
        h.update(safe_files.read_bytes(path, "input", limit))
        return h.hexdigest()
    for f in sorted(read_files(path) if files is None else files):
        h.update(Path(os.path.relpath(f, path)).as_posix().encode())
        h.update(safe_files.read_bytes(f, "Terraform file", safe_files.TF_FILE_LIMIT))
    return h.hexdigest()


def read(path: Path, var_files: tuple[Path, ...] = ()) -> SourceResult:
    """`var_files` (`--var-file`) apply to Terraform directories only."""
    kind = kind_of(path)
    if kind == "terraform":
        from permitguard.sources.terraform_hcl import read_directory

        if path.is_dir():
            return read_directory(path, var_files)
        return _one_file(read_directory(path.parent, var_files), path)
    if kind == "terraform_plan":
        from permitguard.sources.terraform_plan import read_plan

        return read_plan(path)
    from permitguard.sources.pulumi_preview import read_preview

    return read_preview(path)


def _one_file(result: SourceResult, path: Path) -> SourceResult:
    """A single .tf file (as pre-commit hooks pass them): its directory gives providers, variables and
    modules their meaning; only the resources declared in that file are judged."""
    result.resources = [r for r in result.resources if r.file and Path(r.file).name == path.name
                        and (path.parent / r.file).resolve() == path.resolve()]
    result.files = 1
    return result
