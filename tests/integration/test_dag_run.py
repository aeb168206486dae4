"""End to end under Airflow: `dag.test()` runs warta_nightly over the sample inbox."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pendulum
import pytest
from conftest import SAMPLE_INBOX
from conftest import query_warehouse as query


@pytest.fixture(scope="module")
def airflow_db():
    from airflow.models.pool import Pool
    from airflow.utils import db

    db.initdb()
    Pool.create_or_update_pool("warta_duckdb", 1, "single DuckDB writer", False)


@pytest.fixture(scope="module")
def dag_run_warehouse(airflow_db, tmp_path_factory, monkeypatch_module):
    inbox = tmp_path_factory.mktemp("dag") / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox, symlinks=True)
    warehouse = inbox.parent / "warehouse"
    monkeypatch_module.setenv("WARTA_INBOX", str(inbox))
    monkeypatch_module.setenv("WARTA_WAREHOUSE", str(warehouse))
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(Path(__file__).resolve().parents[2] / "dags")).dags[
        "warta_nightly"]
    logical = pendulum.datetime(2024, 11, 24, 19, 0, tz="UTC")  # 02:00 WIB on 25 November
    for task in dag.tasks:  # a failure should fail the test, not wait for retries
        task.retries = 0
    dag_run = dag.test(logical_date=logical)
    assert dag_run.state == "success"
    return warehouse, inbox, dag


@pytest.fixture(scope="module")
def monkeypatch_module():
    patch = pytest.MonkeyPatch()
    yield patch
    patch.undo()




def test_dag_run_accounts_for_every_sample_file(dag_run_warehouse) -> None:
    warehouse, inbox, _ = dag_run_warehouse
    visible = sorted(
        p.relative_to(inbox).as_posix() for p in inbox.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
        and not p.name.endswith((".part", ".tmp"))
    )
    stored = [row[0] for row in query(warehouse, "SELECT path FROM source_files ORDER BY path")]
    assert stored == visible
    [(seen, loaded, duplicate, quarantined, status, run_date)] = query(
        warehouse, "SELECT files_seen, files_loaded, files_duplicate, files_quarantined, status,"
        " run_date FROM runs")
    assert seen == loaded + duplicate + quarantined == len(visible)
    assert duplicate >= 1 and quarantined >= 3
    assert status == "completed"
    assert run_date.isoformat() == "2024-11-25"  # the logical date in Asia/Jakarta


def test_dag_run_quarantines_broken_files_with_reasons(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    rows = dict(query(warehouse, "SELECT path, reason FROM source_files "
                                  "WHERE status = 'quarantined'"))
    assert all(rows.values())
    assert any("empty" in reason for reason in rows.values())
    assert any("binary" in reason for reason in rows.values())
    assert any("invalid JSON" in reason for reason in rows.values())


def test_dag_run_offsets_point_into_body_text(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    for table, column in (("sentences", "text"), ("entity_mentions", "surface"),
                          ("date_mentions", "surface"), ("quotes", "text")):
        [(bad, total)] = query(warehouse, f"""
            SELECT count(*) FILTER (WHERE substr(d.body_text, c.char_start + 1,
                                    c.char_end - c.char_start) <> c.{column}), count(*)
            FROM {table} c JOIN documents d USING (doc_id)""")
        assert bad == 0 and total > 0, table


def test_dag_run_publishes_parquet_partitions(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    partition = warehouse / "parquet" / "documents" / "run_date=2024-11-25"
    files = list(partition.glob("*.parquet"))
    assert len(files) == 1
    [(parquet_docs,)] = duckdb.sql(f"SELECT count(*) FROM read_parquet('{files[0]}')").fetchall()
    [(table_docs,)] = query(warehouse, "SELECT count(*) FROM documents")
    assert parquet_docs == table_docs > 0
    assert (warehouse / "parquet" / "entities" / "entities.parquet").exists()
    assert not list((warehouse / "parquet").rglob(".tmp-*"))


def test_second_dag_run_over_the_same_inbox_adds_nothing(dag_run_warehouse) -> None:
    warehouse, _, dag = dag_run_warehouse
    before = query(warehouse, "SELECT (SELECT count(*) FROM documents), "
                               "(SELECT count(*) FROM records), (SELECT count(*) FROM sentences)")
    dag_run = dag.test(logical_date=pendulum.instance(datetime(2024, 11, 25, 19, 0),
                                                      tz="UTC"))
    assert dag_run.state == "success"
    after = query(warehouse, "SELECT (SELECT count(*) FROM documents), "
                              "(SELECT count(*) FROM records), (SELECT count(*) FROM sentences)")
    assert after == before
    [(files_seen,)] = query(warehouse, "SELECT files_seen FROM runs "
                                        "WHERE run_date = DATE '2024-11-26'")
    assert files_seen == 0


def test_republished_copy_points_to_the_earliest_copy(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    pairs = query(warehouse, """
        SELECT copy.outlet, first.outlet FROM documents AS copy
        JOIN documents AS first ON copy.duplicate_of = first.doc_id""")
    assert sorted(pairs[0]) == ["CNN Indonesia", "Pahami.id"] and len(pairs) == 1


def test_documents_hold_canonical_urls_and_keep_the_crawled_one(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    [(tracked, canonical_tracked, with_keywords, total)] = query(warehouse, """
        SELECT count(*) FILTER (WHERE source_url LIKE '%utm_%'),
               count(*) FILTER (WHERE url LIKE '%utm_%'),
               count(*) FILTER (WHERE len(keywords) > 0), count(*)
        FROM documents""")
    assert tracked >= 1 and canonical_tracked == 0
    assert with_keywords == total


def test_dag_run_writes_the_nightly_report_of_its_run(dag_run_warehouse) -> None:
    warehouse, _, _ = dag_run_warehouse
    [(run_id, run_date)] = query(warehouse, "SELECT run_id, run_date FROM runs "
                                            "ORDER BY started_at LIMIT 1")
    [report] = (warehouse / "reports" / f"run_date={run_date.isoformat()}").glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert text.startswith(f"# warta nightly report — {run_date.isoformat()}")
    assert f"Run `{run_id}`." in text
