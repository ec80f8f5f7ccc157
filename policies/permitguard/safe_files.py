"""Bounded reading of what a scan is given: regular files only (never a device, a FIFO or a socket, which
could block or never end), of at most a known size, read through one open file (its size checked on the
file that was opened, and no more than the limit read), so a symlink to /dev/zero or a 67 MB `.tf`
answers at once instead of filling memory. Links inside a scanned directory may not leave it.

Limits (README "Limits"): each Terraform file (`.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`) 4 MiB; each
JSON input (plan, preview, report input) 256 MiB."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from permitguard.errors import InputError

MIB = 1024 * 1024
TF_FILE_LIMIT = 4 * MIB
JSON_LIMIT = 256 * MIB
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def problem(path: Path, limit: int, tree: Path | None = None) -> str | None:
    """Why `path` is not read (not a regular file, a link leaving `tree`, over `limit` bytes), else None.
    Only metadata is looked at: nothing is opened."""
    try:
        if tree is not None and path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(tree.resolve()):
                return f"a symbolic link leaving the scanned directory (to {target})"
        info = path.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop on older Pythons
        return f"cannot read it: {getattr(exc, 'strerror', None) or exc}"
    if not stat.S_ISREG(info.st_mode):
        return f"{kind(info.st_mode)}, not a regular file"
    if info.st_size > limit:
        return f"{info.st_size / MIB:.1f} MiB, over the limit of {limit // MIB} MiB"
    return None


def read_bytes(path: Path, what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError (one line) for anything else."""
    try:
        if not stat.S_ISREG(mode := os.stat(path).st_mode):  # a socket cannot even be opened: say what it is
            raise InputError(f"{path}: cannot read {what}: {kind(mode)}, not a regular file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        why = (f"{kind(info.st_mode)}, not a regular file" if not stat.S_ISREG(info.st_mode)
               else f"{info.st_size / MIB:.1f} MiB, over the limit of {limit // MIB} MiB")
        raise InputError(f"{path}: cannot read {what}: {why}")
    with os.fdopen(fd, "rb") as f:
        try:
            data = f.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    if len(data) > limit:  # grew while being read
        raise InputError(f"{path}: cannot read {what}: over the limit of {limit // MIB} MiB")
    return data


def read_text(path: Path, what: str, limit: int) -> str:
    try:
        return read_bytes(path, what, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot read {what}: not UTF-8 text") from None
