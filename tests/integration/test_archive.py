"""Retention: processed files leave the inbox only after a hash-verified copy."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

from conftest import SAMPLE_INBOX
from warta.runner import run_all


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def test_archive_moves_processed_files_and_keeps_quarantined_ones(tmp_path: Path) -> None:
    inbox, archive = tmp_path / "inbox", tmp_path / "arsip"
    shutil.copytree(SAMPLE_INBOX, inbox)
    before = _hashes(inbox)
    counts = run_all(inbox, tmp_path / "warehouse", date(2026, 11, 29), settle_seconds=0,
                     archive=archive)
    day = archive / "2026" / "11" / "29"
    archived = _hashes(day)
    remaining = _hashes(inbox)
    # Nothing lost, nothing changed: every original file is in exactly one place, byte-identical.
    assert {**archived, **remaining} == before
    assert set(archived).isdisjoint(remaining)
    assert counts["archived"] == len(archived) == counts["files_loaded"] + counts[
        "files_duplicate"]
    assert {"broken/kosong.txt", "broken/gambar-rusak.txt", "broken/rusak.json"} <= set(remaining)
    assert not list(day.rglob(".tmp-*"))


def test_a_rerun_after_archiving_finds_nothing_new(tmp_path: Path) -> None:
    inbox, archive, warehouse = tmp_path / "inbox", tmp_path / "arsip", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_INBOX, inbox)
    run_all(inbox, warehouse, date(2026, 11, 29), settle_seconds=0, archive=archive)
    again = run_all(inbox, warehouse, date(2026, 11, 30), settle_seconds=0, archive=archive)
    assert again["files_seen"] == 0 and again["archived"] == 0
