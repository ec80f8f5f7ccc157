"""`permitguard report INPUT…`: merge scan JSON, Checkov JSON and Pulumi event logs into one report."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from permitguard.cli.scan import parse_date, parse_timestamp, write
from permitguard.license_file import find_profile, load_profile
from permitguard.report import document, inputs, render
from permitguard.rule_catalog import RuleCatalog
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    as_of = parse_date(args.as_of or env.environ.get("PERMITGUARD_AS_OF"), "--as-of")
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    generated_at = parse_timestamp(args.generated_at) or now
    rules = RuleCatalog.load()
    parts = [inputs.read(Path(raw), rules) for raw in args.inputs]  # InputError → exit 2
    explicit = None
    if args.license or not any(p.license for p in parts):
        path, how = find_profile(args.license, env.environ, env.cwd)
        explicit = document.profile_dict(load_profile(path, how))
    licence = inputs.licence_for(parts, explicit)
    doc = inputs.merge(parts, licence, inputs.as_of_for(parts, as_of, generated_at), generated_at)
    write(render.render(doc, args.format, lang=args.lang), args.output, env)
    if args.output:
        env.stderr.write(render.render(doc, "text", lang="both", summary_only=True))
    return ExitStatus.FINDINGS if doc["summary"]["findings"]["blocking"] else ExitStatus.OK
