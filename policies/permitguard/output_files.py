"""Writing an output file atomically: a temporary file beside it, then renamed over it, so that a reader
never sees half a report or bundle, and a failed write leaves the old file as it was."""
from __future__ import annotations

import contextlib
import os
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
