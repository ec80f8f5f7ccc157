"""`permitguard report INPUT…`: merge scan JSON, Checkov JSON and Pulumi event logs into one report."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from permitguard.cli.scan import as_of, parse_timestamp, refuse_outputs_onto_inputs, write
from permitguard.context import Context
from permitguard.license_file import bundled_path, find_profile, load_profile
from permitguard.report import document, formats, inputs
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    pinned = as_of(args.as_of, env)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    generated_at = parse_timestamp(args.generated_at) or now
    refuse_outputs_onto_inputs({"--output": args.output}, [Path(raw) for raw in args.inputs]
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
    write(formats.render(doc, args.format, ctx, lang=args.lang), args.output, env)
    if args.output:
        env.stderr.write(formats.render(doc, "text", ctx, lang="both", summary_only=True))
    # what an input could not evaluate (unparseable files, resources without policy analysis): never a pass
    failed = doc["summary"]["findings"]["blocking"] or doc.get("unevaluated")
    return ExitStatus.FINDINGS if failed else ExitStatus.OK
