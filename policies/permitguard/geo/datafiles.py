"""Read a packaged or user YAML data file and validate it against its JSON Schema.

Every failure is a `CatalogError` whose message lists each problem with its JSON path.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jsonschema import Draft202012Validator

from permitguard.errors import CatalogError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Problem = tuple[str, str]  # (JSON path, what is wrong there)


def packaged(*parts: str) -> Traversable:
    """A file shipped inside the permitguard package, e.g. packaged("data", "regions.yaml")."""
    return files("permitguard").joinpath(*parts)


def read_yaml(path: Traversable | Path, label: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{label}: cannot read it: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader: libyaml CSafeLoader or SafeLoader
    except yaml.YAMLError as exc:
        raise CatalogError(f"{label}: not valid YAML: {exc}") from exc


@functools.cache
def _validator(schema_name: str) -> Draft202012Validator:
    schema = json.loads(packaged("schemas", schema_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_problems(data: Any, schema_name: str) -> list[Problem]:
    return [(error.json_path, error.message) for error in _validator(schema_name).iter_errors(data)]


def raise_if_any(label: str, problems: Iterable[Problem]) -> None:
    problems = list(dict.fromkeys(problems))  # document order, each problem once
    if problems:
        lines = "\n".join(f"  {path}: {message}" for path, message in problems)
        raise CatalogError(f"{label} is invalid ({len(problems)} problem(s)):\n{lines}")


def load_validated(path: Traversable | Path, schema_name: str, label: str) -> Any:
    """The parsed file, after checking it against schemas/<schema_name>."""
    label = f"{label} {path}"
    data = read_yaml(path, label)
    raise_if_any(label, schema_problems(data, schema_name))
    return data
