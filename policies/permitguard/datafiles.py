"""Data files and their JSON Schemas: locate, parse, validate. The one loader every catalog and the
licence profile use; every failure lists each problem with its JSON path (`$.a.b[0]`)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from permitguard.errors import CatalogError, PermitguardError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import jsonschema

Problem = tuple[str, str]  # (JSON path, what is wrong there)


def packaged(*parts: str) -> Traversable:
    """A file shipped inside the permitguard package, e.g. packaged("data", "regions.yaml")."""
    return files("permitguard").joinpath(*parts)


def data_path(*parts: str) -> Path:
    return Path(str(packaged("data", *parts)))


def _plain(value: Any) -> Any:
    """YAML turns 2024-09-10 into a date; schemas and users speak ISO strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def parse_yaml(
    text: bytes | str, label: str, error: type[PermitguardError] = CatalogError, trusted: bool = False
) -> Any:
    """Strict YAML (permitguard.strict_yaml: duplicate keys, alias bombs and self-references refused). A
    document that parsed before is read from its parse, cached by content (`_cached_parse`)."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    key = hashlib.sha256(raw + b"\0" + str(trusted).encode()).hexdigest()
    if (cached := _cached_parse(key)) is not None:
        return cached[0]
    import yaml  # a parse read from the cache needs neither (30 ms of a small scan's start)

    from permitguard import strict_yaml

    try:
        data = _plain(strict_yaml.load(text, trusted=trusted))
        _remember_parse(key, data)
        return data
    except strict_yaml.StrictYamlError as exc:
        raise error(f"{label}: not acceptable YAML: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        if isinstance(exc, yaml.reader.ReaderError):  # an unreadable character: no line, a position
            where = f" (character {exc.position + 1})"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{label}: not valid YAML{where}: {problem}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{label}: not UTF-8 text: {exc.reason}") from None


_PARSE_CACHE_VERSION = "1"  # bump when strict_yaml or _plain change what a document parses to


def _cached_parse(key: str) -> tuple[Any] | None:
    """The parse of these very bytes, remembered in the user's cache directory (strict YAML in pure Python
    costs ~0.2 s for the bundled catalogs on every process; its JSON reads in milliseconds). A document that
    failed to parse is never remembered: it is parsed, and refused, every time."""
    try:
        return (json.loads((_cache_dir() / "parsed" / f"{_PARSE_CACHE_VERSION}-{key}.json").read_bytes()),)
    except (OSError, ValueError):
        return None


def _remember_parse(key: str, data: Any) -> None:
    target = _cache_dir() / "parsed" / f"{_PARSE_CACHE_VERSION}-{key}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)  # a reader never sees half a parse
    except (OSError, TypeError, ValueError):
        pass  # no cache: parsed again next time


def read_yaml(path: Traversable | Path, label: str, error: type[PermitguardError] = CatalogError) -> Any:
    """A packaged catalog (or a catalog a test points at)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{label}: cannot read it: {exc.strerror or exc}") from None
    return parse_yaml(raw, label, error, trusted=True)


@functools.cache
def _validator(schema_name: str) -> jsonschema.protocols.Validator:
    import jsonschema  # imported when a file is validated: bundled data that passed before is not (50 ms)

    loaded = schema(schema_name)
    cls = jsonschema.validators.validator_for(loaded)
    return cls(loaded, format_checker=cls.FORMAT_CHECKER)


@functools.cache
def schema(schema_name: str) -> dict[str, Any]:
    """A packaged JSON Schema as loaded (its `default` values are the defaults the code applies); reading
    it needs no validator."""
    return json.loads(packaged("schemas", schema_name).read_text(encoding="utf-8"))


def schema_problems(data: Any, schema_name: str) -> list[Problem]:
    """Every error of `data` against a packaged schema, in document order; a schema node's
    `description` is added as a hint where it explains the rule."""
    out = []
    for e in sorted(
        _validator(schema_name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
    ):
        hint = e.schema.get("description") if isinstance(e.schema, dict) else None
        out.append((e.json_path, f"{e.message} ({hint})" if hint else e.message))
    return out


def schema_errors(schema_name: str, data: Any) -> list[str]:
    return [f"{path}: {message}" for path, message in schema_problems(data, schema_name)]


def raise_if_any(
    label: str, problems: Iterable[Problem], error: type[PermitguardError] = CatalogError
) -> None:
    problems = list(dict.fromkeys(problems))  # each problem once, in order
    if problems:
        count = f"{len(problems)} error{'s' if len(problems) > 1 else ''}"
        lines = "\n".join(f"  {path}: {message}" for path, message in problems)
        raise error(f"{label} is invalid ({count}):\n{lines}")


def load_validated(path: Traversable | Path, schema_name: str, label: str) -> Any:
    """The parsed file, after checking it against schemas/<schema_name>."""
    label = f"{label} {path}"
    data = read_yaml(path, label)
    raise_if_any(label, validated_problems(path, data, schema_name))
    return data


def validated_problems(path: Traversable | Path, data: Any, schema_name: str) -> list[Problem]:
    """`schema_problems`, skipped when these very bytes already passed this very schema: a valid file's
    content hash (with the schema's) is remembered in the user's cache directory, so the bundled catalogs
    are validated once, not on every process, and an edited file is validated again before it is used."""
    try:
        raw = path.read_bytes()
    except OSError:
        return schema_problems(data, schema_name)
    return problems_of_bytes(raw, data, schema_name)


def problems_of_bytes(raw: bytes, data: Any, schema_name: str, kind: str = "") -> list[Problem]:
    """`validated_problems` of `data`, parsed from `raw` (`kind` tells apart documents parsed another way:
    a licence profile is parsed untrusted)."""
    try:
        digest = hashlib.sha256(raw + b"\0" + packaged("schemas", schema_name).read_bytes()
                                + (b"\0" + kind.encode() if kind else b""))
    except OSError:
        return schema_problems(data, schema_name)
    marker = _cache_dir() / "validated" / digest.hexdigest()
    if marker.is_file():
        return []
    problems = schema_problems(data, schema_name)
    if not problems:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_bytes(b"")
        except OSError:
            pass  # no cache: validated again next time
    return problems


def _cache_dir() -> Path:
    if os.environ.get("PERMITGUARD_CACHE_DIR"):
        return Path(os.environ["PERMITGUARD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "permitguard"


def load_data(name: str, schema_name: str) -> Any:
    """A packaged data file (data/<name>), validated against its schema."""
    return load_validated(packaged("data", name), schema_name, "data file")
