"""The DAG file parses cleanly, quickly, without heavy imports, and follows the house rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(ROOT / "dags"))


def test_dag_folder_imports_without_errors(dagbag) -> None:
    assert dagbag.import_errors == {}
    assert "warta_nightly" in dagbag.dags


def test_dag_has_owner_tags_retries_and_docs(dagbag) -> None:
    dag = dagbag.dags["warta_nightly"]
    assert {"warta", "etl"} <= set(dag.tags)
    assert dag.doc_md and "warta_nightly" in dag.doc_md
    assert dag.max_active_runs == 1 and dag.catchup is False
    for task in dag.tasks:
        assert task.owner == "warta"
        assert task.retries >= 1, task.task_id


def test_dag_runs_nightly_at_two_in_jakarta(dagbag) -> None:
    timetable = dagbag.dags["warta_nightly"].timetable
    assert timetable.expression == "0 2 * * *"
    assert str(getattr(timetable.timezone, "name", timetable.timezone)) == "Asia/Jakarta"


def test_tasks_are_wired_discover_process_load_check_publish_report(dagbag) -> None:
    dag = dagbag.dags["warta_nightly"]
    downstream = {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks}
    assert downstream == {
        "discover": ["process"],
        "process": ["load"],
        "load": ["check"],
        "check": ["publish"],
        "publish": ["report"],
        "report": [],
    }


def test_duckdb_tasks_share_the_one_slot_pool(dagbag) -> None:
    dag = dagbag.dags["warta_nightly"]
    pools = {t.task_id: t.pool for t in dag.tasks}
    assert pools["process"] != "warta_duckdb"
    assert {pools[t] for t in ("discover", "load", "check", "publish", "report")} == {
        "warta_duckdb"}


def test_dag_file_imports_nothing_heavy_at_top_level() -> None:
    probe = (
        "import sys, runpy;"
        f"runpy.run_path({str(ROOT / 'dags' / 'warta_nightly.py')!r});"
        "heavy = [m for m in ('duckdb', 'pyarrow', 'trafilatura', 'warta', 'pandas')"
        " if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_publish_announces_the_warehouse_asset_for_downstream_dags(dagbag) -> None:
    dag = dagbag.dags["warta_nightly"]
    outlets = {task.task_id: [a.uri for a in task.outlets] for task in dag.tasks}
    assert outlets["publish"] == ["warta://warehouse/"]
    assert all(not uris for task_id, uris in outlets.items() if task_id != "publish")


def test_airflow_plugin_loader_skips_the_warta_library() -> None:
    """Airflow executes every ``.py`` under plugins/ as a top-level module looking for plugins;
    the library is imported as the ``warta`` package instead, so the loader must find none."""
    from airflow._shared.module_loading import find_path_from_directory

    found = find_path_from_directory(str(ROOT / "plugins"), ".airflowignore", "glob")
    assert [path for path in found if path.endswith(".py")] == []
