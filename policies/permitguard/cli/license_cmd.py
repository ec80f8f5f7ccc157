"""`permitguard license validate FILE`: every profile error with its path (exit 2), else the permit's
summary and its standing on the date (CKV_CNLIC_701, SP-12): exit 1 when it is expired or not yet
valid on that date (every scan would fail), 0 otherwise; the renewal window is a warning with the deadline."""
from __future__ import annotations

import argparse
import datetime as dt

from permitguard import license as lic
from permitguard.cli.scan import as_of
from permitguard.context import Context
from permitguard.license_checks import coverage_warnings
from permitguard.license_file import load_profile
from permitguard.report import advisories
from permitguard.report.document import profile_dict
from permitguard.rule_catalog import RuleCatalog
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    profile = load_profile(args.file)  # ProfileError → exit 2 with every error and its path
    day = as_of(args.as_of, env) or dt.date.today()
    ctx = Context.for_profile(profile, as_of=day, environ=env.environ)  # the catalogs, loaded once per run
    services = ", ".join(f"{k} ({s.code})" for k, s in profile.services.items())
    print(f"{args.file}: valid licence profile for {profile.number} ({profile.holder}); "
          f"services: {services}; valid {profile.issued} → {profile.expires} "
          f"(renewal due by {profile.renewal_deadline()}); "
          f"{len(profile.rooms)} machine rooms, {len(profile.filings)} filings", file=env.stdout)
    for warning in coverage_warnings(profile, ctx.regions):
        print(f"permitguard: warning: {warning}", file=env.stderr)
    state = profile.standing(day)
    for notice in advisories.for_permit(profile_dict(profile), day, RuleCatalog.load()):
        level = "warning" if state == lic.RENEWAL_WINDOW else "error"
        for text in notice["message"].values():
            print(f"permitguard: {level}: {advisories.RULE_ID}: {text}", file=env.stderr)
    if state in (lic.EXPIRED, lic.NOT_YET_VALID):
        return ExitStatus.FINDINGS
    print(f"permit {profile.number} is in force on {day}"
          + (" (renewal window)" if state == lic.RENEWAL_WINDOW else ""), file=env.stdout)
    return ExitStatus.OK
