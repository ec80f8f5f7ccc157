"""Writing an output file atomically: a temporary file beside it, then renamed over it, so that a reader
never sees half a report or bundle, and a failed write leaves the old file as it was. What is no regular
file (`--output /dev/null`, a named pipe, a terminal) is written to as it is — never replaced by a file —
and a symbolic link is written through (the file it names is replaced, the link stays)."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from permitguard.errors import OutputError


def replace(target: Path, pieces: Iterable[str] | Iterable[bytes], label: str) -> None:
    """Write `pieces` (text, UTF-8 as given, or bytes), one after the other, to `target`; OutputError naming
    `label` (the option or path the user gave) when it cannot be written. The file gets the permissions a
    new file gets under the process's umask."""
    tmp = None
    try:
        target = target.resolve() if target.is_symlink() else target
        if target.exists() and not target.is_dir() and not stat.S_ISREG(target.stat().st_mode):
            _stream(target, pieces)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise OutputError(f"{label}: cannot write: a directory")
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            for piece in pieces:
                f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{label}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _stream(target: Path, pieces: Iterable[str] | Iterable[bytes]) -> None:
    """Write to what is no regular file (a device, a pipe) as it is: there is nothing to rename over it."""
    with open(target, "wb") as f:
        for piece in pieces:
            f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
