"""`permitguard baseline create|check`: record today's failures as accepted (a reviewable file), and check a
baseline against a scan — new failures, expired entries and stale ones — as `scan --baseline` judges them."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import subprocess
from pathlib import Path

from permitguard import baseline
from permitguard.cli import scan as scan_cmd
from permitguard.cli import selection
from permitguard.context import Context
from permitguard.errors import InputError
from permitguard.status import ExitStatus

DEFAULT_TERM = dt.timedelta(days=90)  # an acceptance is reviewed again within a quarter unless told otherwise


def run(args: argparse.Namespace, env) -> ExitStatus:
    ctx = Context.load(args.license, as_of=scan_cmd.as_of(args.as_of, env), environ=env.environ, cwd=env.cwd)
    sel = selection.from_paths(args.paths)
    findings, _ = scan_cmd.scan(sel.paths, ctx, None, tuple(args.var_file), None, env.environ, sel.roots)
    if args.baseline_command == "create":
        return _create(args, env, ctx, findings)
    return _check(args, env, ctx, findings)


def _create(args, env, ctx: Context, findings) -> ExitStatus:
    expires = scan_cmd.parse_date(args.expires, "--expires") or ctx.as_of + DEFAULT_TERM
    who = args.who or _who(env)
    text, count = baseline.create(findings, args.reason or "", who, expires, ctx.profile.number, ctx.as_of)
    scan_cmd.refuse_outputs_onto_inputs({"--output": args.output}, [Path(p) for p in args.paths])
    scan_cmd.write(text, args.output, env)
    env.stderr.write(f"permitguard: baseline of {count} accepted failure(s), expiring {expires.isoformat()}"
                     + (f", written to {args.output}" if args.output else "") + "\n")
    return ExitStatus.OK


def _who(env) -> str:
    """Who accepts: git's user.email, else the login name; InputError when neither is known."""
    try:
        email = subprocess.run(["git", "config", "user.email"], capture_output=True, text=True, timeout=10,
                               cwd=env.cwd, check=False).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        email = ""
    if email:
        return email
    try:
        return env.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        raise InputError("baseline create: say who accepts these failures with --who") from None


def _check(args, env, ctx: Context, findings) -> ExitStatus:
    outcome = baseline.apply(baseline.load(args.file), findings, ctx.as_of)
    new = [f for f in outcome.findings if f.blocking]
    for line in outcome.notes():
        env.stdout.write(f"{line}\n")
    for f in new:
        where = f"{f.resource.file}:{f.resource.line}" if f.resource.file else "-"
        env.stdout.write(f"new failure: {f.rule_id} {f.resource.address} ({where})\n")
    env.stdout.write(f"{len(new)} new mandatory failure(s), {len(outcome.expired)} expired, "
                     f"{len(outcome.stale)} stale entr{'y' if len(outcome.stale) == 1 else 'ies'}\n")
    return ExitStatus.FINDINGS if new or outcome.expired else ExitStatus.OK
