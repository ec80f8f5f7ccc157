"""`permitguard explain ADDRESS [PATH]`: how the verdicts on one resource were reached.

The input is read exactly as `scan` reads it and only the resources with that address are judged; the
explanation is the trail the engine recorded while judging (`Finding.located`: provider configuration,
value read, location, business type; `Finding.trail`: what each rule read), never re-derived here. An
address that names nothing is unusable input (exit 2) listing the nearest addresses of the input; else
the exit status is `scan`'s for that resource (1 when a mandatory rule fails it, unsuppressed).
"""

from __future__ import annotations

import argparse
import difflib
import json
from pathlib import Path
from typing import Any

from permitguard import safe_files
from permitguard.cli import scan as scan_cmd
from permitguard.context import Context
from permitguard.errors import InputError
from permitguard.model import Finding, Resource
from permitguard.report import labels
from permitguard.report.document import resource_dict
from permitguard.status import ExitStatus
from permitguard.terraform.providers import declared_address

NEAR = 8  # addresses listed when the one asked for is not found


def run(args: argparse.Namespace, env) -> ExitStatus:
    ctx = Context.load(args.license, as_of=scan_cmd.as_of(args.as_of, env), environ=env.environ, cwd=env.cwd)
    for var_file in args.var_file:
        if not Path(var_file).exists():
            raise InputError(f"--var-file {var_file}: no such file")
        if why := safe_files.problem(Path(var_file), safe_files.TF_FILE_LIMIT):
            raise InputError(f"--var-file {var_file}: cannot read it: {why}")
    read: list[str] = []

    def wanted(resource: Resource) -> bool:
        read.append(resource.address)
        return resource.address == args.address

    findings, _ = scan_cmd.scan([args.path], ctx, args.repo_root_for_plan_enrichment, tuple(args.var_file),
                                environ=env.environ, select=wanted)
    if not findings:
        raise InputError(not_found(args.address, args.path, read))
    groups: dict[int, list[Finding]] = {}
    for f in findings:
        groups.setdefault(id(f.resource), []).append(f)
    explained = [explanation(group) for group in groups.values()]
    if args.format == "json":
        text = json.dumps({"address": args.address, "input": args.path, "resources": explained},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(render(e, args.lang) for e in explained)
    scan_cmd.write(text, None, env)
    return ExitStatus.FINDINGS if any(f.blocking for f in findings) else ExitStatus.OK


def not_found(address: str, path: str, read: list[str]) -> str:
    """No resource `address` in `path`: the nearest addresses read (same block without instance keys,
    containing it, or similar), or how many there are."""
    known = sorted(set(read))
    block = declared_address(address)
    near = [a for a in known if declared_address(a) == block or address in a]
    near += difflib.get_close_matches(address, known, n=NEAR, cutoff=0.6)
    near = list(dict.fromkeys(near))[:NEAR]
    if near:
        return f"{address}: no such resource in {path}; nearest: {', '.join(near)}"
    return f"{address}: no such resource in {path} ({len(known)} resources read; `permitguard scan {path}` " \
           "lists them)"


def explanation(findings: list[Finding]) -> dict[str, Any]:
    """One resource's explanation: its document part, its trail, then every rule's verdict."""
    first = findings[0]
    return {
        "resource": resource_dict(first),
        "trail": [s.as_dict() for s in first.located],
        "verdicts": [_verdict(f) for f in findings],
    }


def _verdict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"rule_id": f.rule_id, "status": f.status.value, "enforcement": f.enforcement,
                           "blocking": f.blocking, "reason": f.reason,
                           "message": {"en": f.message_en, "zh": f.message_zh}}
    if f.suppressed:
        out["suppressed"] = f.suppressed
    if f.unjustified is not None:
        out["suppression_refused"] = {"en": f.unjustified.en, "zh": f.unjustified.zh}
    if f.trail:
        out["trail"] = [s.as_dict() for s in f.trail]
    return out


def _where(step: dict[str, Any]) -> str:
    if not step.get("file"):
        return ""
    return f"  ({step['file']}" + (f":{step['line']})" if step.get("line") is not None else ")")


def _step(step: dict[str, Any], lang: str) -> str:
    return f"{labels.label('trail_' + step['kind'], lang)}: {step['what']}{_where(step)}"


def render(e: dict[str, Any], lang: str) -> str:
    r = e["resource"]
    where = f"{r['file']}:{r['line']}" if r.get("file") and r.get("line") else (r.get("file") or "")
    lines = [f"{labels.label('explain_resource', lang)}: {r['address']} ({r['type']}) {where}".rstrip(), "",
             labels.label("explain_trail", lang)]
    lines += [f"  {n}. {_step(s, lang)}" for n, s in enumerate(e["trail"], start=1)]
    lines += ["", labels.label("explain_verdicts", lang)]
    for v in e["verdicts"]:
        mark = " BLOCKING" if v["blocking"] else ""
        lines.append(f"  {v['rule_id']} {v['status']} [{v['enforcement']}]{mark} ({v['reason']})")
        lines += [f"      {text}" for _, text in labels.texts(v["message"], lang)]
        read = labels.label("explain_read", lang)
        lines += [f"      {read} · {_step(s, lang)}" for s in v.get("trail", [])]
        if v.get("suppressed"):
            lines.append(f"      {labels.label('explain_suppressed', lang, reason=v['suppressed'])}")
        if v.get("suppression_refused"):
            lines += [f"      ! {text}" for _, text in labels.texts(v["suppression_refused"], lang)]
    return "\n".join(lines) + "\n"

