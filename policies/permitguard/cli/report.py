"""`permitguard report INPUT…`: merge scan JSON, Checkov JSON and Pulumi event logs into one report."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from permitguard.cli.scan import as_of, parse_timestamp, refuse_outputs_onto_inputs, write
from permitguard.license_file import find_profile, load_profile
from permitguard.report import document, inputs, render
from permitguard.rule_catalog import RuleCatalog
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    pinned = as_of(args.as_of, env)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    generated_at = parse_timestamp(args.generated_at) or now
    refuse_outputs_onto_inputs({"--output": args.output}, [Path(raw) for raw in args.inputs]
                               + ([Path(args.license)] if args.license else []))
    rules = RuleCatalog.load()
    parts = [inputs.read(Path(raw), rules) for raw in args.inputs]  # InputError → exit 2
    explicit = None
    if args.license or not any(p.license for p in parts):
        path, how = find_profile(args.license, env.environ, env.cwd)
        explicit = document.profile_dict(load_profile(path, how))
    licence = inputs.licence_for(parts, explicit)
    doc = inputs.merge(parts, licence, inputs.as_of_for(parts, pinned, generated_at), generated_at)
    write(render.render(doc, args.format, lang=args.lang), args.output, env)
    if args.output:
        env.stderr.write(render.render(doc, "text", lang="both", summary_only=True))
    # what an input could not evaluate (unparseable files, resources without policy analysis): never a pass
    failed = doc["summary"]["findings"]["blocking"] or doc.get("unevaluated")
    return ExitStatus.FINDINGS if failed else ExitStatus.OK
