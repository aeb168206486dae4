"""Test-only fault injection at named points, so crash and retry tests are deterministic.

``WARTA_FAULT=<point>:<kill|raise>`` makes the process SIGKILL itself or raise at that point.
With ``WARTA_FAULT_ONCE=<file>`` the fault fires only while that file does not exist (it is
created when the fault fires), so a retried task succeeds. Unset in production: a no-op.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

POINTS = ("process", "load", "publish")


class InjectedFault(RuntimeError):
    """Raised at a named point when a test asks for it."""


def checkpoint(point: str) -> None:
    spec = os.environ.get("WARTA_FAULT")
    if not spec:
        return
    wanted, _, mode = spec.partition(":")
    if wanted != point:
        return
    once = os.environ.get("WARTA_FAULT_ONCE")
    if once:
        marker = Path(once)
        if marker.exists():
            return
        marker.write_text(point)
    if mode == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise InjectedFault(f"injected fault at {point}")
