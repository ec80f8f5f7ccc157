"""`permitguard scan PATH…`: read inputs, judge every resource, write the result, exit 0/1/2."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import os
from pathlib import Path

from permitguard import engine
from permitguard.context import Context
from permitguard.errors import InputError, OutputError
from permitguard.model import Finding, Resource
from permitguard.report import console, document, render
from permitguard.sources import detect
from permitguard.sources.enrichment import Enrichment
from permitguard.status import ExitStatus


def parse_date(value: str | None, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def as_of(value: str | None, env) -> dt.date | None:
    """--as-of, else $PERMITGUARD_AS_OF: either one malformed is unusable input."""
    pinned = env.environ.get("PERMITGUARD_AS_OF")
    return parse_date(value, "--as-of") or parse_date(pinned, "$PERMITGUARD_AS_OF")


def parse_timestamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"--generated-at {value!r} is not an ISO-8601 timestamp") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def scan(paths: list[str], ctx: Context, enrich: str | None = None,
         var_files: tuple[str, ...] = ()) -> tuple[list[Finding], list[dict]]:
    findings: list[Finding] = []
    inputs: list[dict] = []
    distinct: dict[Path, str] = {}
    for raw in paths:
        distinct.setdefault(Path(raw).resolve(), raw)
    seen: set[tuple] = set()  # an input given twice (or a directory and one of its files) is judged once
    enrichment = Enrichment(Path(enrich)) if enrich else None
    for raw in distinct.values():
        path = Path(raw)
        result = detect.read(path, tuple(Path(v).resolve() for v in var_files))
        if enrichment and result.kind == "terraform_plan":
            result = enrichment.apply(result)
        inputs.append(
            {"path": raw, "kind": result.kind, "sha256": detect.digest(path), "files": result.files}
        )
        for resource in result.resources:
            resource = _anchor(resource, path, result.kind)
            key = (resource.file and _resolved(resource.file), resource.line, resource.address)
            if key in seen:
                continue
            seen.add(key)
            for f in engine.evaluate(resource, ctx):
                reason = result.suppressions.get((resource.address, f.rule_id))
                findings.append(dataclasses.replace(f, suppressed=reason) if reason else f)
    return findings, inputs


@functools.cache
def _resolved(file: str) -> Path:
    return Path(file).resolve()


def _anchor(resource: Resource, path: Path, kind: str) -> Resource:
    """Files relative to where the user ran the scan (what SARIF/JUnit annotations need); resources of a
    plan or preview point at that document, or (enriched) at the .tf file that declares them."""
    if kind == "terraform" and resource.file and not Path(resource.file).is_absolute():
        base = path if path.is_dir() else path.parent  # a directory, or one .tf file of it
        # normalised: a module reached by `../..` is annotated at its own path, not through the example
        return dataclasses.replace(resource, file=Path(os.path.normpath(base / resource.file)).as_posix())
    if not resource.file and path.is_file():
        return dataclasses.replace(resource, file=path.as_posix())
    return resource


def write(text: str, output: str | None, env) -> None:
    if output:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    else:
        console.show(text if text.endswith("\n") else text + "\n", env.stdout)


def run(args: argparse.Namespace, env) -> ExitStatus:
    generated_at = parse_timestamp(args.generated_at)
    ctx = Context.load(args.license, as_of=as_of(args.as_of, env), environ=env.environ, cwd=env.cwd)
    for var_file in args.var_file:
        if not Path(var_file).is_file():
            raise InputError(f"--var-file {var_file}: no such file")
    findings, inputs = scan(args.paths, ctx, args.repo_root_for_plan_enrichment, tuple(args.var_file))
    doc = document.build(findings, ctx, inputs, generated_at)
    if args.json_output:
        write(document.dumps(doc), args.json_output, env)
    write(render.render(doc, args.format, lang="both"), args.output, env)
    if args.output and args.format != "text":
        env.stderr.write(render.render(doc, "text", lang="both", summary_only=True))
    return ExitStatus.FINDINGS if doc["summary"]["findings"]["blocking"] else ExitStatus.OK
