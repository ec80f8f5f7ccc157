"""Which reader an input needs: a directory or a .tf file is Terraform HCL; a JSON file is a plan or a
Pulumi preview. Also the input's digest for the findings document."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot read {what}: not UTF-8 text") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: {what} is not valid JSON (truncated?): line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg}") from None
    _PARSED.clear()  # keep only the latest document: inputs are read one after the other
    _PARSED[_key(path)] = doc
    return doc


def kind_of(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir() or path.name.endswith(TF_SUFFIXES):
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


def digest(path: Path) -> str:
    h = hashlib.sha256()
    if path.is_file():
        h.update(path.read_bytes())
        return h.hexdigest()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and ".terraform" not in p.parts):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
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
