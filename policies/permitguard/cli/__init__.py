"""`permitguard` command: main() maps every expected error to one exit status and one line."""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from permitguard.cli.definition import parser
from permitguard.errors import PermitguardError
from permitguard.status import ExitStatus


@dataclass
class Environment:
    """What the CLI touches of the outside world; tests pass their own."""

    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: str = field(default_factory=os.getcwd)


def program(argv: Sequence[str], env: Environment) -> ExitStatus:
    """The main program without error handling."""
    args = parser().parse_args(list(argv))
    if args.command == "scan":
        from permitguard.cli.scan import run
    elif args.command == "report":
        from permitguard.cli.report import run
    elif args.command == "baseline":
        from permitguard.cli.baseline_cmd import run
    elif args.command == "explain":
        from permitguard.cli.explain_cmd import run
    elif args.command == "license":
        from permitguard.cli.license_cmd import run
    else:
        from permitguard.cli.regions import run
    return run(args, env)


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)  # a scan allocates ~10^6 small objects, nearly all live to the end:
    try:  # collecting every 700 allocations costs ~15% of a 10,000-resource scan for nothing
        return _main(argv, env)
    finally:
        gc.set_threshold(*thresholds)


def _main(argv: Sequence[str] | None, env: Environment | None) -> int:
    env = env or Environment()
    argv = sys.argv[1:] if argv is None else argv
    try:
        return int(program(argv, env))
    except PermitguardError as exc:
        print(f"permitguard: error: {exc}", file=env.stderr)
        return int(ExitStatus.UNUSABLE_INPUT)
    except SystemExit as exc:  # argparse: --help exits 0, usage errors exit 2
        return int(exc.code or 0) if isinstance(exc.code, int) else int(ExitStatus.UNUSABLE_INPUT)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, and the traceback only on request
        if "--traceback" in argv:
            raise
        print(f"permitguard: internal error: {type(exc).__name__}: {exc} (rerun with --traceback)",
              file=env.stderr)
        return int(ExitStatus.UNUSABLE_INPUT)
