"""`permitguard license validate FILE`."""
from __future__ import annotations

import argparse

from permitguard.geo import RegionCatalog
from permitguard.license_checks import coverage_warnings
from permitguard.license_file import load_profile
from permitguard.status import ExitStatus


def run(args: argparse.Namespace, env) -> ExitStatus:
    profile = load_profile(args.file)  # ProfileError → exit 2 with every error and its path
    services = ", ".join(f"{k} ({s.code})" for k, s in profile.services.items())
    print(f"{args.file}: valid licence profile for {profile.number} ({profile.holder}); "
          f"services: {services}; valid {profile.issued} → {profile.expires}; "
          f"{len(profile.rooms)} machine rooms, {len(profile.filings)} filings", file=env.stdout)
    for warning in coverage_warnings(profile, RegionCatalog.load()):
        print(f"permitguard: warning: {warning}", file=env.stderr)
    return ExitStatus.OK
