"""Exit statuses of the permitguard CLI, one meaning each."""
from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0  # ran; no mandatory rule failed
    FINDINGS = 1  # ran; at least one mandatory rule failed (not suppressed)
    UNUSABLE_INPUT = 2  # could not run: missing/unparseable input, invalid licence profile or catalog
