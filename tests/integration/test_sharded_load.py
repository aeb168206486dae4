"""However a night is cut into shards and however many workers take them, the rows are the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLE_INBOX
from conftest import query_warehouse as query
from test_crash_recovery import snapshot
from warta import runner

RUN_DATE = date(2026, 11, 29)


def test_one_shard_per_file_on_two_workers_equals_one_shard_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = tmp_path / "one-shard"
    runner.run_all(SAMPLE_INBOX, whole, RUN_DATE, workers=1, settle_seconds=0)
    monkeypatch.setattr(runner, "SHARD_BYTES", 1)  # every file a shard of its own
    sliced = tmp_path / "shard-per-file"
    counts = runner.run_all(SAMPLE_INBOX, sliced, RUN_DATE, workers=2, settle_seconds=0)
    assert counts["files_seen"] > 10
    assert counts["records_duplicate"] >= 1  # a body repeated across files is kept once
    assert snapshot(sliced) == snapshot(whole)


def test_a_run_interrupted_while_loading_is_removed_and_its_files_come_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warta import faults, load

    warehouse = tmp_path / "warehouse"
    monkeypatch.setenv("WARTA_FAULT", "load:raise")
    monkeypatch.setattr(runner, "SHARD_BYTES", 1)
    with pytest.raises(faults.InjectedFault):
        runner.run_all(SAMPLE_INBOX, warehouse, RUN_DATE, workers=1, settle_seconds=0)
    [(status, documents)] = query(
        warehouse, "SELECT status, (SELECT count(*) FROM documents) FROM runs")
    assert status == load.RunStatus.LOADING and documents >= 1  # one shard was in
    monkeypatch.delenv("WARTA_FAULT")
    counts = runner.run_all(SAMPLE_INBOX, warehouse, RUN_DATE, workers=1, settle_seconds=0)
    assert counts["files_seen"] == 16
    assert query(warehouse, "SELECT status FROM runs") == [("completed",)]
    assert query(warehouse, "SELECT count(*) FROM documents") == [(counts["documents"],)]
