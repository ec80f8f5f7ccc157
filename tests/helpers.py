"""Helpers for tests: build normalised resources as any front door would; run the CLI in-process."""
from __future__ import annotations

import io
from dataclasses import dataclass

from permitguard.cli import Environment, main
from permitguard.model import Action, Resource


def make(type_: str, provider_region=None, action: Action = Action.CREATE, **attributes) -> Resource:
    """A normalised resource as any front door would hand it to the rules."""
    return Resource(address=f"{type_}.r", type=type_, cloud=type_.split("_", 1)[0], attributes=attributes,
                    provider_region=provider_region, provider_region_from="provider test", action=action)


def judge(rule, ctx, resource: Resource):
    """One rule's verdict on one resource, as the engine asks for it."""
    from permitguard.context import Subject

    return rule(Subject(resource, ctx), ctx)


@dataclass
class Run:
    exit_status: int
    stdout: str
    stderr: str


def cli(*args: str, environ: dict | None = None, cwd: str = "/") -> Run:
    """`permitguard ARGS…` in-process, with its own environment (no $PERMITGUARD_* leaks in)."""
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, environ=dict(environ or {}), cwd=cwd)
    code = main(list(args), env)
    return Run(code, out.getvalue(), err.getvalue())


def cli_results(source, ctx) -> set[tuple[str, str, str]]:
    """What the CLI path decides on a read input, in Checkov's terms: (rule, address, PASSED | FAILED |
    SKIPPED), not-applicable left out (Checkov does not report it); a skip without a reason is no skip."""
    from permitguard import engine, suppression
    from permitguard.model import Status
    from permitguard.peers import JOINED_KINDS, Peers

    out = set()
    peers = Peers(source.resources, ctx.types) if source.kind in JOINED_KINDS else None  # as `scan` joins
    for resource in source.resources:
        for finding in engine.evaluate(resource, ctx, peers=peers):
            reason = source.suppressions.get((resource.address, finding.rule_id))
            if reason is not None and not suppression.reasonless(reason):  # reasonless: not honoured
                out.add((finding.rule_id, resource.address, "SKIPPED"))
            elif finding.status is not Status.NOT_APPLICABLE:
                out.add((finding.rule_id, resource.address, finding.status.name))
    return out


def shown(verdict, ctx, lang: str = "en") -> dict:
    """A verdict's facts as its message in `lang` shows them (rendered by permitguard.localise)."""
    from permitguard import localise

    return localise.parameters(verdict.facts, lang, ctx)


def git(repo, *args: str) -> str:
    """Run git in `repo` as a throwaway identity (tests that build temporary repositories)."""
    import subprocess

    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout
