"""
### warta_nightly

Every night at 02:00 Asia/Jakarta: take the new article files in the inbox to DuckDB and Parquet.

`discover` lists new (path, sha256) pairs and splits them into shards → `process` cleans, segments
and extracts each shard in parallel into Parquet staging (no DuckDB writes; a document whose
offsets miss its body is rejected there) → `load` inserts the staged run in one transaction
(one-slot pool `warta_duckdb`) → `check` verifies keys, references and file accounting and names
each quarantined file → `publish` exports the run's Parquet partitions →
`report` writes the nightly report (`<warehouse>/reports/run_date=.../<run>.md`, also in its log).
`publish` updates the asset `warta://warehouse`, so other DAGs can be scheduled on fresh data.

Inbox and warehouse come from the Airflow Variables or environment variables `WARTA_INBOX` and
`WARTA_WAREHOUSE`. Every task is idempotent for its run: a retry gives the result of one clean
attempt. The logic lives in `plugins/warta`; this file only wires it.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, CronTriggerTimetable, Variable, dag, get_current_context, task

DUCKDB_POOL = "warta_duckdb"  # one slot: DuckDB allows a single writing process
# Updated by every publish: analysts' own DAGs can run on it (schedule=[WAREHOUSE]).
WAREHOUSE = Asset(name="warta_warehouse", uri="warta://warehouse")


def _setting(name: str, default: str) -> str:
    return Variable.get(name, default=os.environ.get(name, default))


def _paths():
    from pathlib import Path

    from warta.config import DEFAULT_INBOX, DEFAULT_WAREHOUSE

    inbox = Path(_setting("WARTA_INBOX", str(DEFAULT_INBOX))).resolve()
    warehouse = Path(_setting("WARTA_WAREHOUSE", str(DEFAULT_WAREHOUSE))).resolve()
    return inbox, warehouse


def _run_date():
    """The run's logical date in Asia/Jakarta (manual runs without one use their run_after)."""
    import pendulum

    context = get_current_context()
    moment = context.get("logical_date") or context["dag_run"].run_after
    return pendulum.instance(moment).in_timezone("Asia/Jakarta").date()


@dag(
    dag_id="warta_nightly",
    schedule=CronTriggerTimetable("0 2 * * *", timezone="Asia/Jakarta"),
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["warta", "etl", "news"],
    doc_md=__doc__,
    default_args={
        "owner": "warta",
        "retries": 2,
        "retry_delay": timedelta(minutes=2),
    },
)
def warta_nightly():
    @task(pool=DUCKDB_POOL)
    def discover() -> list[int]:
        from warta.runner import plan_run

        inbox, warehouse = _paths()
        context = get_current_context()
        shards = int(_setting("WARTA_SHARDS", "2"))
        plan = plan_run(inbox, warehouse, context["run_id"], _run_date(), shard_count=shards)
        return list(range(len(plan.shards)))

    @task
    def process(shard_no: int) -> int:
        from warta.runner import process_shard

        _, warehouse = _paths()
        return process_shard(warehouse, get_current_context()["run_id"], shard_no)

    @task(pool=DUCKDB_POOL, trigger_rule="none_failed")
    def load() -> dict:
        from warta.runner import load_staged

        _, warehouse = _paths()
        return load_staged(warehouse, get_current_context()["run_id"])

    @task(pool=DUCKDB_POOL)
    def check() -> None:
        import logging

        from warta.runner import check_loaded, quarantined_files

        _, warehouse = _paths()
        run_id = get_current_context()["run_id"]
        for path, reason in quarantined_files(warehouse, run_id):
            logging.getLogger("warta").warning("quarantined %s: %s", path, reason)
        problems = check_loaded(warehouse, run_id)
        if problems:
            raise ValueError("run checks failed: " + "; ".join(problems))

    @task(pool=DUCKDB_POOL, outlets=[WAREHOUSE])
    def publish() -> dict:
        from warta.cli import format_summary
        from warta.runner import publish as publish_run

        _, warehouse = _paths()
        run_id = get_current_context()["run_id"]
        counts = publish_run(warehouse, run_id)
        archive = _setting("WARTA_ARCHIVE", "")
        if archive:  # optional retention: move processed files out after a verified copy
            from pathlib import Path

            from warta.archive import archive_run

            inbox, _ = _paths()
            counts["archived"] = len(archive_run(inbox, warehouse, Path(archive), run_id))
        print(format_summary({**counts, "run_id": run_id}))
        return counts

    @task(pool=DUCKDB_POOL)
    def report() -> str:
        from warta.report import report_run

        _, warehouse = _paths()
        path = report_run(warehouse, get_current_context()["run_id"])
        print(path.read_text(encoding="utf-8"))  # readable in the task's log in the UI
        return str(path)

    shards = discover()
    processed = process.expand(shard_no=shards)
    loaded = load()
    processed >> loaded >> check() >> publish() >> report()


warta_nightly()
