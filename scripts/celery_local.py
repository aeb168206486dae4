"""Distributed mode on one machine: warta_nightly under Airflow's CeleryExecutor.

Starts the real components against the loopback Postgres (metadata DB and Celery results) and
Redis (broker): api-server, scheduler, dag-processor and a Celery worker, each its own process,
then triggers one run of warta_nightly and waits for it. The compose file runs the same layout
in containers; this proves the DAG itself works distributed, without Docker.

    .venv/bin/python scripts/celery_local.py [--inbox DIR] [--keep]

A fresh database ``warta_celery_<random>`` is created and dropped afterwards; Redis gets its own
logical database number, flushed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("WARTA_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
COMPONENTS = {
    "api-server": ["api-server", "--host", "127.0.0.1", "--port", "{port}"],
    "scheduler": ["scheduler"],
    "dag-processor": ["dag-processor"],
    "celery-worker": ["celery", "worker", "--concurrency", "2"],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    home: Path
    inbox: Path
    warehouse: Path
    database: str
    redis_db: int
    port: int
    env: dict[str, str]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def airflow(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "airflow"), *args], env=self.env, capture_output=True,
                              text=True, check=check, timeout=300)


def _admin(sql: str) -> None:
    import psycopg2

    connection = psycopg2.connect(PG_ADMIN_URL)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def prepare(inbox: Path, workdir: Path) -> Stack:
    """A database, a Redis db number, an Airflow home and the environment every component shares."""
    database = f"warta_celery_{secrets.token_hex(4)}"
    _admin(f'CREATE DATABASE "{database}"')
    redis_db = 8 + secrets.randbelow(7)
    port = _free_port()
    home = workdir / "airflow"
    home.mkdir(parents=True)
    target_inbox = workdir / "inbox"
    shutil.copytree(inbox, target_inbox)
    pg = f"postgres@127.0.0.1:5432/{database}"
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"postgresql+psycopg2://{pg}",
        "AIRFLOW__CELERY__BROKER_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db}",
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+postgresql://{pg}",
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
        "AIRFLOW__API__SECRET_KEY": secrets.token_hex(32),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__PARALLELISM": "4",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
        "AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL": "5",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "WARTA_INBOX": str(target_inbox),
        "WARTA_WAREHOUSE": str(workdir / "warehouse"),
        "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
    }
    stack = Stack(home, target_inbox, workdir / "warehouse", database, redis_db, port, env)
    stack.airflow("db", "migrate")
    stack.airflow("pools", "set", "warta_duckdb", "1", "single DuckDB writer")
    return stack


def start(stack: Stack) -> None:
    logs = stack.home / "logs"
    logs.mkdir(exist_ok=True)
    for name, args in COMPONENTS.items():
        command = [str(BIN / "airflow"), *(a.format(port=stack.port) for a in args)]
        log = (logs / f"{name}.log").open("w")
        stack.processes[name] = subprocess.Popen(command, env=stack.env, stdout=log,
                                                 stderr=subprocess.STDOUT,
                                                 start_new_session=True)


def run_once(stack: Stack, timeout: float = 300) -> dict:
    """Unpause and trigger warta_nightly, wait for the run; returns its final state and tasks."""
    deadline = time.monotonic() + timeout
    # "dags unpause" succeeds even before the dag-processor has stored the DAG, which then
    # arrives paused: wait until the DAG is listed, then unpause until it reads unpaused.
    while True:
        listed = _json_list(stack.airflow("dags", "list", "-o", "json").stdout)
        nightly = [d for d in listed if d.get("dag_id") == "warta_nightly"]
        if nightly and str(nightly[0].get("is_paused")).lower() == "false":
            break
        if nightly:
            stack.airflow("dags", "unpause", "warta_nightly")
        if time.monotonic() > deadline:
            raise TimeoutError("warta_nightly was never parsed and unpaused")
        time.sleep(3)
    # Unpausing lets the scheduler start the latest scheduled interval too; wait for every run.
    stack.airflow("dags", "trigger", "warta_nightly")
    while time.monotonic() < deadline:
        output = stack.airflow("dags", "list-runs", "warta_nightly", "-o", "json").stdout
        runs = _json_list(output)
        if runs and all(r["state"] in ("success", "failed") for r in runs):
            return {"runs": [(r["run_id"], r["state"]) for r in runs]}
        time.sleep(3)
    raise TimeoutError("warta_nightly did not finish in time")


def _json_list(output: str) -> list[dict]:
    """The JSON array the CLI prints, after whatever log lines come before it."""
    start = output.find("\n[")
    text = output if output.startswith("[") else output[start + 1:] if start >= 0 else "[]"
    return json.loads(text.strip() or "[]")


def stop(stack: Stack) -> None:
    for process in stack.processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in stack.processes.values():
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def clean_up(stack: Stack) -> None:
    import redis

    _admin(f'DROP DATABASE IF EXISTS "{stack.database}" WITH (FORCE)')
    redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=stack.redis_db).flushdb()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inbox", type=Path, default=ROOT / "data" / "sample" / "inbox")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="warta-celery-"))
    stack = prepare(args.inbox, workdir)
    try:
        start(stack)
        result = run_once(stack)
        print(json.dumps(result, indent=1))
        worker_log = (stack.home / "logs" / "celery-worker.log").read_text(errors="replace")
        print("tasks executed by the Celery worker:", worker_log.count("Task execute_workload"))
        return 0 if all(state == "success" for _, state in result["runs"]) else 1
    finally:
        stop(stack)
        clean_up(stack)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
