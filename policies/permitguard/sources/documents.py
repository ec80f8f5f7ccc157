"""The JSON inputs of one run, each parsed once: sniffing a file (`detect.kind_of`) and reading it
(`terraform_plan`, `pulumi_preview`) share one parse. A `Documents` belongs to the run that creates it (the
CLI's scan, the Checkov front door's run state) and is passed to whatever reads; nothing here is module state.

JSON is read strictly: NaN, Infinity, numbers too large for a float and integers of more digits than Python
converts are unusable input (InputError, one line), as is a file truncated or nested too deeply to parse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from permitguard import safe_files
from permitguard.errors import InputError

FileKey = tuple[str, int, int]  # resolved path, mtime (ns), size: a file unchanged since it was parsed


def file_key(path: Path) -> FileKey:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


class Documents:
    """The latest JSON document parsed in this run (inputs are read one after the other: holding only the
    latest keeps a scan of many large inputs bounded in memory)."""

    def __init__(self) -> None:
        self._latest: dict[FileKey, Any] = {}

    def parsed(self, path: Path) -> Any | None:
        """The document `load` already parsed from this file (unchanged since), else None."""
        try:
            return self._latest.get(file_key(path))
        except OSError:
            return None

    def release(self) -> None:
        """Forget the latest document (its input is read: what the resources keep of it stays theirs)."""
        self._latest = {}

    def load(self, path: Path, what: str) -> Any:
        """A JSON input parsed once per run; InputError with one line for anything unusable."""
        if (done := self.parsed(path)) is not None:
            return done
        doc = parse(path, what)
        self._latest = {file_key(path): doc}
        return doc


def parse(path: Path, what: str) -> Any:
    """The JSON document in `path` (a regular file, bounded), strictly read; `what` names it in errors."""
    text = safe_files.read_text(path, what, safe_files.JSON_LIMIT)
    try:
        return json.loads(text, parse_constant=_not_a_number, parse_float=_finite, parse_int=_integer)
    except _NotJsonNumber as exc:
        raise InputError(f"{path}: {what} is not valid JSON: {exc} is not a JSON number permitguard reads"
                         ) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: {what} is not valid JSON (truncated?): line {exc.lineno}, column "
                         f"{exc.colno}: {exc.msg}") from None
    except RecursionError:  # deeper than Python's stack: no plan or preview Terraform or Pulumi writes
        raise InputError(f"{path}: {what} nests its JSON too deeply to be read") from None


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
