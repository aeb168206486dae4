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


def test_a_run_failing_after_its_first_batch_leaves_nothing_and_a_rerun_loads_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warta import faults

    warehouse = tmp_path / "warehouse"
    monkeypatch.setattr(runner, "SHARD_BYTES", 1)
    monkeypatch.setattr(runner, "LOAD_EVERY_SHARDS", 1)  # a batch per shard: fails after one
    monkeypatch.setenv("WARTA_FAULT", "load:raise")
    with pytest.raises(faults.InjectedFault):
        runner.run_all(SAMPLE_INBOX, warehouse, RUN_DATE, workers=2, settle_seconds=0)
    assert query(warehouse, "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM "
                            "documents), (SELECT count(*) FROM source_files)") == [(0, 0, 0)]
    monkeypatch.delenv("WARTA_FAULT")
    runner.run_all(SAMPLE_INBOX, warehouse, RUN_DATE, workers=2, settle_seconds=0)
    clean = tmp_path / "clean"
    runner.run_all(SAMPLE_INBOX, clean, RUN_DATE, workers=2, settle_seconds=0)
    assert snapshot(warehouse) == snapshot(clean)
    assert query(warehouse, "SELECT status FROM runs") == [("completed",)]


def test_duckdb_inserts_on_the_cores_the_workers_leave_and_finishes_on_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warta import load

    threads: dict[str, set[int]] = {"insert": set(), "finish": set()}

    def recorded(step: str, original):
        def call(con, shards, run_id):
            threads[step].add(con.execute("SELECT current_setting('threads')").fetchone()[0])
            return original(con, shards, run_id)
        return call

    monkeypatch.setattr(load, "load_shards", recorded("insert", load.load_shards))
    monkeypatch.setattr(load, "finish_load", recorded("finish", load.finish_load))
    monkeypatch.setenv("WARTA_DUCKDB_THREADS", "3")
    monkeypatch.setattr(runner, "SHARD_BYTES", 1)
    runner.run_all(SAMPLE_INBOX, tmp_path / "warehouse", RUN_DATE, workers=2, settle_seconds=0)
    assert threads == {"insert": {1}, "finish": {3}}
