"""Packaged data files and their JSON schemas: locate, parse, validate (errors with their JSON paths)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from permitguard.errors import CatalogError, PermitguardError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    return Path(str(files("permitguard").joinpath("data", *parts)))


@functools.cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads(files("permitguard").joinpath("schemas", name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _plain(value: Any) -> Any:
    """YAML turns 2024-09-10 into a date; schemas and users speak ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def parse_yaml(text: bytes | str, what: str, error: type[PermitguardError] = CatalogError) -> Any:
    try:
        return _plain(yaml.load(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{what}: not valid YAML{where}: {problem}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{what}: not UTF-8 text: {exc.reason}") from None


def json_path(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def schema_errors(schema_name: str, data: Any) -> list[str]:
    """Every error of `data` against a packaged schema, as 'json.path: message', sorted by path."""
    errs = sorted(_validator(schema_name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{json_path(e.absolute_path)}: {e.message}" for e in errs]


def load_data(name: str, schema_name: str) -> Any:
    """A packaged YAML data file, validated against its schema; CatalogError lists every error."""
    path = data_path(name)
    data = parse_yaml(path.read_bytes(), f"data file {name}")
    errors = schema_errors(schema_name, data)
    if errors:
        raise CatalogError(f"data file {path} is invalid:\n" + "\n".join(f"  - {e}" for e in errors))
    return data
