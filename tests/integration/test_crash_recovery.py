"""Crashes and retries: a run killed at any point, then rerun, equals one clean run.

The kills are real: `warta run` runs as a subprocess that SIGKILLs itself at a named point
(``WARTA_FAULT``), or is killed from outside at a random moment.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLE_INBOX

RUN_DATE = "2026-11-29"
# Columns that name the run or the clock differ between attempts by design; all else must match.
VOLATILE = {"run_id", "first_seen_run"}
TABLES = ("source_files", "records", "documents", "paragraphs", "sentences", "entities",
          "entity_mentions", "quotes", "date_mentions")


def _warta_run(inbox: Path, warehouse: Path, fault: str | None = None,
               **popen) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_FAULT")}
    if fault:
        env["WARTA_FAULT"] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "run", "--inbox", str(inbox), "--warehouse",
         str(warehouse), "--run-date", RUN_DATE, "--settle-seconds", "0", "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen,
    )


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every contract table's rows, minus run-identifying columns, in a canonical order."""
    con = duckdb.connect(str(warehouse / "warta.duckdb"), read_only=True)
    try:
        result = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall() if r[0] not in VOLATILE]
            quoted = ", ".join(f'"{c}"' for c in columns)
            result[table] = con.execute(
                f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
        result["runs_incomplete"] = con.execute(
            "SELECT count(*) FROM runs WHERE status <> 'completed'").fetchall()
        result["files_seen_total"] = con.execute(
            "SELECT sum(files_seen), sum(files_loaded), sum(files_quarantined) FROM runs"
        ).fetchall()
        return result
    finally:
        con.close()


def parquet_documents(warehouse: Path) -> int:
    pattern = str(warehouse / "parquet" / "documents" / "*" / "*.parquet")
    return duckdb.sql(f"SELECT count(*) FROM read_parquet('{pattern}')").fetchone()[0]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("crash") / "inbox"
    shutil.copytree(SAMPLE_INBOX, target)
    return target


@pytest.fixture(scope="module")
def clean_snapshot(inbox: Path, tmp_path_factory) -> dict:
    warehouse = tmp_path_factory.mktemp("clean") / "warehouse"
    process = _warta_run(inbox, warehouse)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    return snapshot(warehouse)


@pytest.mark.parametrize("point", ["process", "load", "publish"])
def test_killed_run_then_rerun_equals_a_clean_run(point: str, inbox: Path, tmp_path: Path,
                                                  clean_snapshot: dict) -> None:
    warehouse = tmp_path / "warehouse"
    killed = _warta_run(inbox, warehouse, fault=f"{point}:kill")
    killed.wait(timeout=300)
    assert killed.returncode in (-signal.SIGKILL, 1), killed.stderr.read()
    rerun = _warta_run(inbox, warehouse)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    assert snapshot(warehouse) == clean_snapshot
    assert parquet_documents(warehouse) == len(clean_snapshot["documents"])
    assert not list((warehouse / "parquet").rglob(".tmp-*"))
    assert not (warehouse / "staging").exists() or not any((warehouse / "staging").iterdir())


def test_run_killed_at_a_random_moment_then_rerun_equals_a_clean_run(
    inbox: Path, tmp_path: Path, clean_snapshot: dict
) -> None:
    seed = random.randrange(1_000_000)
    delay = random.Random(seed).uniform(0.3, 3.0)
    print(f"random kill after {delay:.2f}s (seed {seed})")
    warehouse = tmp_path / "warehouse"
    victim = _warta_run(inbox, warehouse, start_new_session=True)
    time.sleep(delay)
    if victim.poll() is None:
        os.killpg(victim.pid, signal.SIGKILL)  # the process pool dies with it
    victim.wait(timeout=60)
    rerun = _warta_run(inbox, warehouse)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    assert snapshot(warehouse) == clean_snapshot


def test_a_second_concurrent_run_stops_with_a_clear_message(inbox: Path, tmp_path: Path) -> None:
    from warta.locking import warehouse_lock

    warehouse = tmp_path / "warehouse"
    with warehouse_lock(warehouse):
        second = _warta_run(inbox, warehouse)
        assert second.wait(timeout=60) == 3
        assert "another warta run is writing" in second.stderr.read()


def test_query_while_a_writer_holds_the_file_gets_a_message_not_a_trace(
    inbox: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "warehouse"
    assert _warta_run(inbox, warehouse).wait(timeout=300) == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
         " time.sleep(30)", str(warehouse / "warta.duckdb")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        query = subprocess.run(
            [sys.executable, "-m", "warta.cli", "query", "--warehouse", str(warehouse),
             "SELECT count(*) FROM documents"], capture_output=True, text=True)
        assert query.returncode == 2
        assert "in use by another process" in query.stderr
        assert "Traceback" not in query.stderr
    finally:
        holder.kill()


@pytest.mark.parametrize("point", ["load", "publish"])
def test_airflow_task_retried_after_failing_gives_one_clean_result(
    point: str, inbox: Path, tmp_path: Path, clean_snapshot: dict, monkeypatch
) -> None:
    from datetime import timedelta

    import pendulum
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models.pool import Pool
    from airflow.utils import db

    db.initdb()
    Pool.create_or_update_pool("warta_duckdb", 1, "single DuckDB writer", False)
    warehouse = tmp_path / "warehouse"
    monkeypatch.setenv("WARTA_INBOX", str(inbox))
    monkeypatch.setenv("WARTA_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("WARTA_FAULT", f"{point}:raise")
    monkeypatch.setenv("WARTA_FAULT_ONCE", str(tmp_path / "fault-fired"))
    dag = DagBag(dag_folder=str(Path(__file__).resolve().parents[2] / "dags")).dags[
        "warta_nightly"]
    for task in dag.tasks:
        task.retries = 1 if task.task_id == point else 0
        task.retry_delay = timedelta(0)
    # 02:00 WIB on 29 November 2026: the same run_date as the clean CLI run.
    dag_run = dag.test(logical_date=pendulum.datetime(2026, 11, 28, 19, 0, tz="UTC"))
    assert dag_run.state == "success"
    assert (tmp_path / "fault-fired").exists()  # the first attempt really failed
    tries = {ti.task_id: ti.try_number for ti in dag_run.get_task_instances()}
    assert tries[point] == 2
    assert snapshot(warehouse) == clean_snapshot
