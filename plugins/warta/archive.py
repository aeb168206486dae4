"""Retention: move processed files out of the inbox, only after a hash-verified copy.

The inbox stays small and nothing is lost: a file leaves the inbox only once its copy under
``<archive>/YYYY/MM/DD/<path in the inbox>`` has the sha256 recorded in ``source_files``.
Quarantined files stay in the inbox, where operators can find them by path and hash.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

from warta import load
from warta.ingest.discover import sha256_of


def archive_run(inbox: Path, warehouse: Path, archive: Path, run_id: str) -> list[str]:
    """Archive the loaded and duplicate files of one run; returns the archived paths."""
    inbox, archive = inbox.resolve(), archive.resolve()
    con = load.connect(warehouse)
    try:
        row = con.execute("SELECT run_date FROM runs WHERE run_id = ?", [run_id]).fetchone()
        files = con.execute(
            "SELECT path, sha256 FROM source_files WHERE first_seen_run = ? "
            "AND status IN ('loaded', 'duplicate') ORDER BY path",
            [run_id],
        ).fetchall()
    finally:
        con.close()
    if row is None:
        raise LookupError(f"run {run_id} is not loaded")
    day: date = row[0]
    folder = archive / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
    archived: list[str] = []
    for relative, sha in files:
        source = inbox / relative
        # The stored path came from our own listing of the inbox; never follow it elsewhere.
        if not source.resolve().is_relative_to(inbox) or not source.is_file():
            continue
        if sha256_of(source) != sha:
            continue  # replaced since it was loaded: the next run processes the new content
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        aside = target.with_name(f".tmp-{target.name}")
        shutil.copy2(source, aside)
        with aside.open("rb") as handle:
            os.fsync(handle.fileno())
        if sha256_of(aside) != sha:
            aside.unlink()
            raise OSError(f"archive copy of {relative} does not match its sha256; kept in inbox")
        os.replace(aside, target)
        source.unlink()
        archived.append(relative)
    return archived
