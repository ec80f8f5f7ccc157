"""`permitguard report INPUT…`: merge scan JSON, Checkov JSON and Pulumi event logs into one report (and,
with --bundle, the evidence bundle of it); `report verify FILE.zip` checks a bundle; `report --compare OLD
NEW` shows what changed between two audits."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from permitguard.cli.scan import as_of, parse_timestamp, refuse_outputs_onto_inputs, write
from permitguard.context import Context
from permitguard.errors import InputError
from permitguard.license_file import bundled_path, find_profile, load_profile
from permitguard.report import document, formats, inputs
from permitguard.status import ExitStatus

COMPARE_FORMATS = ("html", "markdown", "text", "json")
VERIFY = "verify"


def run(args: argparse.Namespace, env) -> ExitStatus:
    if args.inputs[0] == VERIFY:
        return verify(args, env)
    if args.compare:
        return compare(args, env)
    pinned = as_of(args.as_of, env)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    generated_at = parse_timestamp(args.generated_at) or now
    refuse_outputs_onto_inputs({"--output": args.output, "--bundle": args.bundle},
                               [Path(raw) for raw in args.inputs]
                               + ([Path(args.license)] if args.license else []))
    # The run's catalogs, for reading and rendering. The profile is the licence asked for (--license, else
    # found as `scan` finds it) only when the report needs one: inputs that are all scan documents carry
    # the licence they were judged against, and the bundled profile only stands in until then.
    ctx = Context.for_profile(load_profile(bundled_path(), "bundled"), pinned, env.environ)
    parts = [inputs.read(Path(raw), ctx.rules) for raw in args.inputs]  # InputError → exit 2
    explicit = None
    if args.license or not any(p.license for p in parts):
        path, how = find_profile(args.license, env.environ, env.cwd)
        ctx = dataclasses.replace(ctx, profile=load_profile(path, how))
        explicit = document.profile_dict(ctx.profile)
    licence = inputs.licence_for(parts, explicit)
    ctx = dataclasses.replace(ctx, as_of=inputs.as_of_for(parts, pinned, generated_at))
    doc = inputs.merge(parts, licence, ctx.as_of, generated_at, ctx)
    if args.bundle:  # before the report: a bundle that cannot be made (its profile is gone) fails the run
        from permitguard.report.audit import bundle
        bundle.write(args.bundle, bundle.build(doc, ctx, lang=args.lang))
    write(formats.render(doc, args.format, ctx, lang=args.lang), args.output, env)
    if args.output:
        env.stderr.write(formats.render(doc, "text", ctx, lang="both", summary_only=True))
    # what an input could not evaluate (unparseable files, resources without policy analysis): never a pass
    failed = doc["summary"]["findings"]["blocking"] or doc.get("unevaluated")
    return ExitStatus.FINDINGS if failed else ExitStatus.OK


def verify(args: argparse.Namespace, env) -> ExitStatus:
    """`permitguard report verify FILE.zip`: 0 intact, 1 tampered (each file named), 2 unreadable."""
    from permitguard.report.audit import bundle
    if len(args.inputs) != 2 or args.bundle or args.compare:
        raise InputError("usage: permitguard report verify FILE.zip (one evidence bundle, no other option)")
    path = args.inputs[1]
    found = bundle.verify(path)  # InputError: unreadable → exit 2, one line
    m = found.manifest
    about = (f"permit {m['permit']['number']}, generated {m['generated_at']} by permitguard "
             f"{m['tool']['version']}, {len(m['inputs'])} inputs")
    if found.problems:
        env.stdout.write(f"{path}: TAMPERED ({about}):\n" + "".join(f"  - {p}\n" for p in found.problems))
        return ExitStatus.FINDINGS
    env.stdout.write(f"{path}: intact: {found.checked} files match the SHA-256 in manifest.json ({about})\n")
    return ExitStatus.OK


def compare(args: argparse.Namespace, env) -> ExitStatus:
    """`permitguard report --compare OLD.json NEW.json`: 1 when a mandatory failure is new."""
    from permitguard.report.audit import compare as comparing
    from permitguard.report.audit import compare_view
    if len(args.inputs) != 2:
        raise InputError(f"--compare takes two findings documents, OLD NEW (got {len(args.inputs)})")
    if args.format not in COMPARE_FORMATS:
        raise InputError(f"--compare writes {', '.join(COMPARE_FORMATS)}, not {args.format}")
    if args.bundle:
        raise InputError("--compare writes no evidence bundle: bundle each audit's report")
    refuse_outputs_onto_inputs({"--output": args.output}, [Path(raw) for raw in args.inputs])
    old, new = (comparing.load(raw) for raw in args.inputs)  # InputError → exit 2
    ctx = Context.for_profile(load_profile(bundled_path(), "bundled"), dt.date.fromisoformat(new["as_of"]),
                              env.environ)
    found = comparing.compare(old, new, ctx, *args.inputs)
    write(compare_view.render(found, args.format, ctx, lang=args.lang), args.output, env)
    if args.output:
        env.stderr.write(compare_view.render(found, "text", ctx, lang="both", summary_only=True))
    return ExitStatus.FINDINGS if found.newly_blocking else ExitStatus.OK
