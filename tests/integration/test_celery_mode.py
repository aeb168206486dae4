"""Distributed mode for real: CeleryExecutor with Postgres metadata and a Redis broker.

Starts api-server, scheduler, dag-processor and a Celery worker as separate processes against
the loopback Postgres and Redis, runs warta_nightly and checks the warehouse it produced.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLE_INBOX

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import celery_local  # noqa: E402

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_warta_nightly_runs_on_celery_workers(tmp_path: Path) -> None:
    stack = celery_local.prepare(SAMPLE_INBOX, tmp_path)
    try:
        celery_local.start(stack)
        result = celery_local.run_once(stack, timeout=420)
    finally:
        celery_local.stop(stack)
        celery_local.clean_up(stack)
    states = {state for _, state in result["runs"]}
    assert states == {"success"}, result
    worker_log = (stack.home / "logs" / "celery-worker.log").read_text(errors="replace")
    assert "execute_workload" in worker_log  # the tasks really ran on the Celery worker
    con = duckdb.connect(str(stack.warehouse / "warta.duckdb"), read_only=True)
    try:
        documents, runs, balanced = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM runs), "
            "(SELECT bool_and(balanced) FROM mart_run_accounting)").fetchone()
    finally:
        con.close()
    assert documents > 10 and runs == len(result["runs"]) and balanced
    shutil.rmtree(stack.home, ignore_errors=True)
