"""`permitguard scan PATH…`: read inputs, judge every resource, write the result, exit 0/1/2."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from permitguard import baseline, engine, output_files, safe_files, suppression
from permitguard.cli import selection
from permitguard.context import Context
from permitguard.errors import InputError, OutputError
from permitguard.model import Finding, Resource
from permitguard.peers import JOINED_KINDS, Peers
from permitguard.report import console, document, formats
from permitguard.report import streamed as stream
from permitguard.sources import SourceResult, readers
from permitguard.sources import skipped as skipped_inputs
from permitguard.sources.documents import Documents
from permitguard.sources.input_files import digest, read_files
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


def scan(paths: list[str], ctx: Context, enrich: str | None = None, var_files: tuple[str, ...] = (),
         skipped: list[dict] | None = None, environ: dict[str, str] | None = None,
         roots: Mapping[str, set[Path] | None] | None = None,
         select: Callable[[Resource], bool] | None = None,
         sink: Callable[[Finding], None] | None = None,
         judged_sink: Callable[[engine.Judged], None] | None = None) -> tuple[list[Finding], list[dict]]:
    """Findings and the inputs' listing; what was walked past (or Checkov would) is added to `skipped`.
    `roots`: per directory PATH, the only root modules to judge (a changed-only or sharded scan);
    `select`: judge only the resources it accepts (`explain`: one address). With a `sink`, each finding
    goes to it as it is judged, and none is kept (the list is empty); with a `judged_sink`, each
    resource's verdicts as `engine.judge` gives them compactly (the streamed JSON writer)."""
    findings: list[Finding] = []
    sink = sink or findings.append
    inputs: list[dict] = []
    distinct: dict[Path, str] = {}
    for raw in paths:
        distinct.setdefault(Path(raw).resolve(), raw)
    seen: set[tuple] = set()  # an input given twice (or a directory and one of its files) is judged once
    resolved: dict[str, Path] = {}  # a resource's file, resolved once per scan
    documents = Documents()  # each JSON input parsed once: sniffing, then reading
    enrichment = None
    if enrich:
        from permitguard.sources.enrichment import Enrichment  # reads .tf files: only when asked for

        enrichment = Enrichment(Path(enrich), ctx.types)
    if enrichment and skipped is not None:
        skipped += skipped_inputs.reader_entries(enrichment.skipped, Path(enrich), enrich)
    for raw, path, result in _results(distinct.values(), ctx, documents, var_files, roots):
        if enrichment and result.kind == "terraform_plan":
            result = enrichment.apply(result)
        read = read_files(path) if path.is_dir() else None  # one walk for the digest and the list
        inputs.append({"path": raw, "kind": result.kind, "sha256": digest(path, read), "files": result.files})
        if skipped is not None and read is not None:
            skipped += skipped_inputs.reader_entries(result.skipped, path, raw)
            skipped += skipped_inputs.checkov_entries(read, path, raw, environ or {})
        one_file = path.is_file()  # asked once per input, not once per resource
        anchored = [_anchor(resource, path, result.kind, one_file) for resource in result.resources]
        peers = Peers(anchored, ctx.types) if result.kind in JOINED_KINDS else None  # joined as anchored
        for resource in anchored:
            if resource.file and resource.file not in resolved:
                resolved[resource.file] = Path(resource.file).resolve()
            key = (resource.root, resource.file and resolved[resource.file], resource.line, resource.address)
            if key in seen:
                continue
            seen.add(key)
            if select is not None and not select(resource):
                continue
            if judged_sink is None:
                for f in engine.evaluate(resource, ctx, peers=peers):  # its configuration: 403/602 join in it
                    sink(_suppressed(f, result.suppressions))
                continue
            judged = engine.judge(resource, ctx, peers=peers, compactly=True)
            if result.suppressions:  # a verdict a suppression names is written in full, with it
                named = {c[0] for c in judged.compact if (resource.address, c[0]) in result.suppressions}
                judged.findings += [judged.finding(*c) for c in judged.compact if c[0] in named]
                judged.compact = [c for c in judged.compact if c[0] not in named]
                judged.findings = [_suppressed(f, result.suppressions) for f in judged.findings]
            judged_sink(judged)
    return findings, inputs


def _suppressed(f: Finding, suppressions: Mapping[tuple[str, str], str]) -> Finding:
    """`f` with the suppression its input gave it (by address and rule): honoured when it gives a reason,
    else refused (the verdict stands)."""
    reason = suppressions.get((f.resource.address, f.rule_id))
    if reason is not None and suppression.reasonless(reason):
        return dataclasses.replace(f, unjustified=suppression.refused(f.rule_id))
    if reason:
        return dataclasses.replace(f, suppressed=reason)
    return f


def _results(raws: Iterable[str], ctx: Context, documents: Documents, var_files: tuple[str, ...],
             roots: Mapping | None) -> Iterable[tuple[str, Path, SourceResult]]:
    """Each input read, one after the other; a Terraform directory that also holds Kubernetes manifests
    gives them as a second input of that path (Checkov's `-d` judges both), never passed by in silence."""
    for raw in raws:
        path = Path(raw)
        result = readers.read(path, ctx.types, documents, tuple(Path(v).resolve() for v in var_files),
                              (roots or {}).get(raw))
        documents.release()  # judged from its resources: the rest of the parse need not stay while judging
        yield raw, path, result
        if result.kind == "terraform" and path.is_dir():
            beside = readers.manifests_beside(path)
            if beside is not None:
                yield raw, path, beside


def _anchor(resource: Resource, path: Path, kind: str, one_file: bool) -> Resource:
    """Files relative to where the user ran the scan (what SARIF/JUnit annotations need); resources of a
    plan or preview point at that document (`one_file`: `path` is a file), or (enriched) at the .tf file
    that declares them."""
    if kind == "terraform" and resource.file and not Path(resource.file).is_absolute():
        base = path.parent if one_file else path  # one .tf file of a directory, or the directory
        # normalised: a module reached by `../..` is annotated at its own path, not through the example
        file = Path(os.path.normpath(base / resource.file)).as_posix()
        root = resource.root
        if root and Path(root).is_absolute():  # the root as the user named it, like the file (baselines)
            root = Path(os.path.normpath(base / os.path.relpath(root, base.resolve()))).as_posix()
        trail = tuple(dataclasses.replace(s, file=Path(os.path.normpath(base / s.file)).as_posix())
                      if s.file and not Path(s.file).is_absolute() else s for s in resource.trail)
        return dataclasses.replace(resource, file=file, root=root, trail=trail)
    if not resource.file and one_file:
        return dataclasses.replace(resource, file=path.as_posix())
    return resource


def write(text: str | Iterable[str], output: str | None, env) -> None:
    """To `output` atomically (a temporary file beside it, then renamed over it: a reader never sees half
    a report, and a failed write leaves the old file), else to stdout. `text` may come in pieces (a
    streamed findings document), written one after the other."""
    if not output and not isinstance(text, str) and not env.stdout.isatty():
        last = ""
        for last in text:  # a pipe or a file: piece by piece, as to --output
            env.stdout.write(last)
        if not last.endswith("\n"):
            env.stdout.write("\n")
        return
    if not output:
        text = text if isinstance(text, str) else "".join(text)
        console.show(text if text.endswith("\n") else text + "\n", env.stdout)
        return
    output_files.replace(Path(output), [text] if isinstance(text, str) else text, output)


def refuse_outputs_onto_inputs(outputs: dict[str, str | None], read: list[Path]) -> None:
    """--output / --json-output may not name a file the command reads (it would be replaced by the
    report), nor one another."""
    taken = {p.resolve(): p for p in read}
    chosen: dict[Path, str] = {}
    for option, value in outputs.items():
        if not value:
            continue
        where = Path(value).resolve()
        if where in taken:
            raise OutputError(f"{option} {value}: is an input of this command ({taken[where]}); "
                              "writing there would replace it: choose another file")
        if where in chosen:
            raise OutputError(f"{option} {value}: also named by {chosen[where]}: choose two files")
        chosen[where] = option


def _read_by_scan(args: argparse.Namespace, ctx: Context) -> list[Path]:
    """Every file the scan reads: file inputs, the configuration and variables files of directory
    inputs, --var-file files, the enrichment directory's files and the licence profile."""
    out = [Path(v) for v in args.var_file]
    for raw in args.paths:
        path = Path(raw)
        out += read_files(path) if path.is_dir() else [path]
    if args.repo_root_for_plan_enrichment and Path(args.repo_root_for_plan_enrichment).is_dir():
        out += read_files(Path(args.repo_root_for_plan_enrichment))
    if ctx.profile.path and Path(ctx.profile.path).is_file():
        out.append(Path(ctx.profile.path))
    return out


def run(args: argparse.Namespace, env) -> ExitStatus:
    generated_at = parse_timestamp(args.generated_at)
    ctx = Context.load(args.license, as_of=as_of(args.as_of, env), environ=env.environ, cwd=env.cwd)
    for var_file in args.var_file:
        if not Path(var_file).exists():
            raise InputError(f"--var-file {var_file}: no such file")
        if why := safe_files.problem(Path(var_file), safe_files.TF_FILE_LIMIT):
            raise InputError(f"--var-file {var_file}: cannot read it: {why}")
    refuse_outputs_onto_inputs({"--output": args.output, "--json-output": args.json_output},
                               _read_by_scan(args, ctx))
    sel = selection.of_arguments(args, Path(env.cwd))
    for note in sel.notes:
        env.stderr.write(f"permitguard: {note}\n")
    skipped: list[dict] = []
    # JSON alone is written as the engine judges (report.streamed: each finding spooled, then the document
    # written from its head); every other format renders the whole document
    spool = stream.Spool(ctx.rules) if args.format == "json" else None
    with spool or contextlib.nullcontext():
        direct = spool is not None and not args.baseline  # a baseline is applied to every finding first
        findings, inputs = scan(sel.paths, ctx, args.repo_root_for_plan_enrichment, tuple(args.var_file),
                                skipped, env.environ, sel.roots,
                                judged_sink=spool.add_judged if direct else None)
        accepted = baseline.load(args.baseline) if args.baseline else None
        outcome = baseline.apply(accepted, findings, ctx.as_of, partial=sel.partial) if accepted else None
        if outcome is not None:
            findings = outcome.findings
        if spool is not None and not direct:
            spool.extend(findings)
        doc = (spool.head(ctx, inputs, generated_at, skipped) if spool is not None
               else document.build(findings, ctx, inputs, generated_at, skipped))
        del findings
        if outcome is not None:
            doc["baseline"] = outcome.as_dict(args.baseline)
            for line in outcome.notes():
                env.stderr.write(f"permitguard: {line}\n")
        if args.json_output:
            text = spool.chunks(doc) if spool is not None else document.dumps(doc, ctx.rules)
            write(text, args.json_output, env)
        if spool is not None:
            write(spool.chunks(doc), args.output, env)
        else:
            rendered = formats.render(doc, args.format, ctx, lang="both")
            write(rendered, args.output, env)
    if args.format == "sarif":
        from permitguard.report.formats.sarif import github_limits

        for problem in github_limits(rendered):
            env.stderr.write(f"permitguard: warning: {problem}\n")
    if args.output and args.format != "text":
        env.stderr.write(formats.render(doc, "text", ctx, lang="both", summary_only=True,
                                        refused=spool.refused if spool is not None else None))
    expired = bool(outcome and outcome.expired)
    return ExitStatus.FINDINGS if doc["summary"]["findings"]["blocking"] or expired else ExitStatus.OK
