"""One writer per warehouse: an advisory file lock shared by the CLI and the DAG's DuckDB tasks.

DuckDB allows one writing process per file. The CLI holds the lock for its whole run and stops
with a clear message when it is taken; DAG tasks wait for it (bounded). The lock is re-entrant
within a process, so a CLI run's own steps do not wait for themselves.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_held: dict[Path, int] = {}


class WarehouseLocked(RuntimeError):
    """Another process is writing to this warehouse."""


@contextmanager
def warehouse_lock(warehouse: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    warehouse = warehouse.resolve()
    if _held.get(warehouse):
        _held[warehouse] += 1
        try:
            yield
        finally:
            _held[warehouse] -= 1
        return
    warehouse.mkdir(parents=True, exist_ok=True)
    handle = (warehouse / ".warta.lock").open("w")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise WarehouseLocked(
                    f"another warta run is writing to {warehouse}; wait for it to finish"
                ) from None
            time.sleep(0.5)
    _held[warehouse] = 1
    try:
        yield
    finally:
        _held.pop(warehouse, None)
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
