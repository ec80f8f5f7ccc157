"""The policy pack's process state: the one module of the Pulumi front door that holds any, and why it must.

pulumi-policy serves the pack over gRPC and calls each policy's validate function with one resource's
arguments and nothing else: no run object, no place to pass a Context. Configure (enforcement levels,
`--policy-pack-config`) arrives in a call of its own, and the SDK keeps what it sets to itself. So what
the policies of one pack process share is kept here (`PackState`, read through `current()`):

    contexts   the Context per licence configuration (inline profile, path or variable, pinned date)
    levels     policy name → the enforcement level Configure set
    settings   policy name → the licence settings (`license`, `profile`) Configure set
    reported   profile problem → the blocking levels it was reported at (one report, not one per resource)
    request    per thread: the Analyze request being served, the findings computed for it and what
               pulumi-policy read of it (the SDK calls every policy of one request with freshly
               deserialised props; permitguard.pulumi.shared_reads hands them one reading)

`reset()` starts afresh (tests; the SDK itself serves one stack per process).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PackState:
    contexts: dict[tuple, Any] = field(default_factory=dict)  # → Context | ProfileProblem
    levels: dict[str, int] = field(default_factory=dict)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    reported: dict[str, set[bool]] = field(default_factory=dict)
    reported_lock: threading.Lock = field(default_factory=threading.Lock)
    request: threading.local = field(default_factory=threading.local)


_state = PackState()


def current() -> PackState:
    return _state


def reset() -> None:
    global _state
    _state = PackState()
