"""One nightly run as five steps: plan -> process shards -> load -> check -> publish.

The Airflow DAG calls each step as its own task; ``run_all`` calls them in one process for the
CLI, tests and benchmarks. Steps talk through files in the run's staging folder
(``<warehouse>/staging/<run>/``): a JSON plan and one folder of Parquet per shard. Only ``plan``,
``load``, ``check`` and ``publish`` open DuckDB; shards never do, so they can run in parallel.
In ``run_all`` the load takes shards in plan order as soon as they are processed (one
transaction for the run), so the single DuckDB writer works while the pool processes later ones.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import shutil
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from functools import lru_cache, partial
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from warta import faults, load
from warta.config import Limits
from warta.ingest import UnreadableFile, discover_inbox, read_records
from warta.locking import warehouse_lock
from warta.model import FileStatus, RejectedRecord, SourceFile
from warta.pipeline import process_record
from warta.tables import STAGED_TABLES, FileOutcome, ShardBuilder, staged_schema

log = logging.getLogger("warta")
PR_SET_PDEATHSIG = 1  # prctl option: the signal a child gets when its parent dies
# DAG tasks wait this long for a CLI run (or another DAG run) holding the warehouse.
LOCK_WAIT_SECONDS = float(os.environ.get("WARTA_LOCK_WAIT_SECONDS", "900"))
# A shard writes its rows to Parquet in batches of this many documents (bounded memory).
FLUSH_EVERY_DOCUMENTS = int(os.environ.get("WARTA_FLUSH_EVERY_DOCUMENTS", "1000"))
# Input bytes per shard at most (about): the unit of work a pool worker takes.
SHARD_BYTES = int(os.environ.get("WARTA_SHARD_BYTES", str(16 * 2**20)))
# The CLI inserts processed shards up to this many at a time: fewer, larger inserts cost less,
# but with a pool a shard is inserted as soon as no later one is finished too (see below).
LOAD_EVERY_SHARDS = int(os.environ.get("WARTA_LOAD_EVERY_SHARDS", "4"))
# The CLI's pool gets at least this many shards per worker: with one shard each, the worker
# that finishes first idles while the other still works on the last shard.
SHARDS_PER_WORKER = 4


@dataclass(slots=True)
class PlannedFile:
    path: str
    sha256: str
    size_bytes: int
    format: str
    mtime_ns: int
    duplicate_of_file_id: str | None = None
    refusal: str | None = None

    @property
    def source(self) -> SourceFile:
        return SourceFile(self.path, self.sha256, self.size_bytes, self.format)


@dataclass(slots=True)
class RunPlan:
    run_id: str
    run_date: date
    started_at: datetime
    inbox: str
    warehouse: str
    shards: list[list[PlannedFile]] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)
    unchanged: int = 0

    def to_json(self) -> str:
        # Field by field, not dataclasses.asdict: a big night plans tens of thousands of files.
        payload = {name: getattr(self, name) for name in RUN_FIELDS}
        payload["run_date"] = self.run_date.isoformat()
        payload["started_at"] = self.started_at.isoformat()
        payload["shards"] = [[[getattr(f, name) for name in FILE_FIELDS] for f in shard]
                             for shard in self.shards]
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> RunPlan:
        payload = json.loads(text)
        payload["run_date"] = date.fromisoformat(payload["run_date"])
        payload["started_at"] = datetime.fromisoformat(payload["started_at"])
        payload["shards"] = [[PlannedFile(*f) for f in shard] for shard in payload["shards"]]
        return cls(**payload)


FILE_FIELDS = tuple(f.name for f in fields(PlannedFile))
RUN_FIELDS = tuple(f.name for f in fields(RunPlan))


@contextmanager
def writer_connection(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse lock (waiting for another run at most LOCK_WAIT_SECONDS), then DuckDB."""
    with warehouse_lock(warehouse, LOCK_WAIT_SECONDS):
        con = load.connect(warehouse)
        try:
            yield con
        finally:
            con.close()


def staging_dir(warehouse: Path, run_id: str) -> Path:
    return warehouse / "staging" / load.safe_name(run_id)


def plan_path(warehouse: Path, run_id: str) -> Path:
    return staging_dir(warehouse, run_id) / "plan.json"


def plan_run(
    inbox: Path, warehouse: Path, run_id: str, run_date: date, shard_count: int = 2,
    settle_seconds: float = 1.0,
) -> RunPlan:
    """Discover new files and cut them, in path order, into at least ``shard_count`` shards.

    Shards are consecutive stretches of the sorted paths of similar byte size, never more than
    about SHARD_BYTES each: the loader relies on the order, and small shards keep every step's
    memory independent of the size of the night and let a pool balance its workers.
    """
    inbox, warehouse = inbox.resolve(), warehouse.resolve()
    with writer_connection(warehouse) as con:
        known = load.known_files(con)
    discovery = discover_inbox(inbox, known.pairs, known.loaded_by_sha, known.stats,
                               settle_seconds=settle_seconds)
    planned = [
        PlannedFile(f.source.path, f.source.sha256, f.source.size_bytes, f.source.format,
                    f.mtime_ns, f.duplicate_of_file_id, f.refusal)
        for f in discovery.new_files
    ]
    plan = RunPlan(run_id, run_date, datetime.now(UTC), str(inbox), str(warehouse),
                   cut_into_shards(planned, shard_count), discovery.deferred, discovery.unchanged)
    staging = staging_dir(warehouse, run_id)
    if staging.exists():
        shutil.rmtree(staging)  # a retried plan starts from a clean slate
    staging.mkdir(parents=True)
    plan_path(warehouse, run_id).write_text(plan.to_json(), encoding="utf-8")
    return plan


def cut_into_shards(files: list[PlannedFile], at_least: int,
                    max_bytes: int | None = None) -> list[list[PlannedFile]]:
    """Consecutive runs of the files sorted by path, of similar total size, none empty."""
    ordered = sorted(files, key=lambda f: f.path)
    total = sum(f.size_bytes for f in ordered)
    count = max(1, at_least, -(-total // max(max_bytes or SHARD_BYTES, 1)))
    count = min(count, len(ordered))
    shards: list[list[PlannedFile]] = [[] for _ in range(count)]
    shard_no, cumulative = 0, 0
    for position, item in enumerate(ordered):
        files_left, shards_left = len(ordered) - position, count - shard_no
        if shards[shard_no] and shard_no + 1 < count and (
                cumulative >= total * (shard_no + 1) / count or files_left < shards_left):
            shard_no += 1
        shards[shard_no].append(item)
        cumulative += item.size_bytes
    return shards


def read_plan(warehouse: Path, run_id: str) -> RunPlan:
    path = plan_path(warehouse.resolve(), run_id)
    status = path.stat()
    return _parsed_plan(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=2)
def _parsed_plan(path: Path, mtime_ns: int, size: int) -> RunPlan:
    """A worker parses a night's plan (megabytes of JSON) once, not once per shard."""
    return RunPlan.from_json(path.read_text(encoding="utf-8"))


def shard_dir(warehouse: Path, run_id: str, shard_no: int) -> Path:
    return staging_dir(warehouse.resolve(), run_id) / f"shard-{shard_no:03d}"


def process_file(inbox: Path, item: PlannedFile, run_date: date, limits: Limits) -> FileOutcome:
    """Read and process every record of one file; a bad file is quarantined, never raised."""
    source = item.source
    outcome = FileOutcome(source, item.mtime_ns, FileStatus.LOADED.value)
    if item.refusal:
        outcome.status, outcome.reason = FileStatus.QUARANTINED.value, item.refusal
        return outcome
    if item.duplicate_of_file_id:
        outcome.status = FileStatus.DUPLICATE.value
        outcome.duplicate_of_file_id = item.duplicate_of_file_id
        outcome.reason = f"same content as file {item.duplicate_of_file_id}"
        return outcome
    try:
        for record in read_records(inbox / item.path, source, limits):
            if isinstance(record, RejectedRecord):
                outcome.rejected.append(record)
                continue
            if len(record.body) > limits.max_body_chars:
                outcome.rejected.append(RejectedRecord(
                    record.file_id, record.record_no,
                    f"record {record.record_no}: body longer than limit "
                    f"max_body_chars={limits.max_body_chars}"))
                continue
            try:
                result = process_record(record, run_date)
            except Exception as error:  # one bad record never stops the night
                log.exception("record %s of %s failed", record.record_no, item.path)
                result = RejectedRecord(record.file_id, record.record_no,
                                        f"record {record.record_no}: processing error: {error!r}")
            if isinstance(result, RejectedRecord):
                outcome.rejected.append(result)
            elif misplaced := result.misplaced_spans():
                log.error("record %s of %s: %s", record.record_no, item.path, misplaced)
                outcome.rejected.append(RejectedRecord(
                    record.file_id, record.record_no,
                    f"record {record.record_no}: extraction error: {misplaced}"))
            else:
                outcome.documents.append(result)
    except UnreadableFile as error:
        outcome = FileOutcome(source, item.mtime_ns, FileStatus.QUARANTINED.value, str(error))
    except OSError as error:
        outcome = FileOutcome(source, item.mtime_ns, FileStatus.QUARANTINED.value,
                              f"unreadable: {error.strerror or error}")
    except Exception as error:  # a reader bug must cost one file, never the night
        log.exception("reading %s failed", item.path)
        outcome = FileOutcome(source, item.mtime_ns, FileStatus.QUARANTINED.value,
                              f"reader error: {error!r}"[:500])
    return outcome


def process_shard(warehouse: Path, run_id: str, shard_no: int) -> int:
    """Process one shard of the plan into ``staging/<run>/shard-NNN/<table>.parquet``."""
    plan = read_plan(warehouse, run_id)
    inbox = Path(plan.inbox)
    limits = Limits()
    target = shard_dir(warehouse, run_id, shard_no)
    aside = target.with_name(f".tmp-{target.name}")
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir(parents=True)
    builder = ShardBuilder(run_id, plan.run_date)
    writers = {name: pq.ParquetWriter(aside / f"{name}.parquet", staged_schema(name),
                                      compression="zstd") for name in STAGED_TABLES}
    documents = 0

    def flush() -> None:
        nonlocal documents
        for name, table in builder.take_tables().items():
            writers[name].write_table(table)
            if name == "documents":
                documents += table.num_rows

    try:
        for item in plan.shards[shard_no]:
            builder.add_file(process_file(inbox, item, plan.run_date, limits))
            if builder.pending_documents >= FLUSH_EVERY_DOCUMENTS:
                flush()  # memory stays flat however large the night is
        flush()
    finally:
        for writer in writers.values():
            writer.close()
    faults.checkpoint("process")
    shutil.rmtree(target, ignore_errors=True)
    aside.rename(target)  # a shard is either complete or absent
    return documents


def load_staged(warehouse: Path, run_id: str) -> dict[str, int]:
    """Load every processed shard of the run, in plan order (the DAG's load task)."""
    plan = read_plan(warehouse, run_id)
    shards = [shard_dir(warehouse, run_id, n) for n in range(len(plan.shards))]
    missing = [n for n, shard in enumerate(shards) if not shard.is_dir()]
    if missing:
        raise RuntimeError(f"shards {missing} of run {run_id} were not processed")
    with writer_connection(warehouse) as con:
        return load.load_run(con, shards, run_id, plan.run_date, plan.started_at)


def check_loaded(warehouse: Path, run_id: str) -> list[str]:
    with writer_connection(warehouse) as con:
        problems = load.check_run(con, run_id)
        if problems:
            con.execute("UPDATE runs SET status = ? WHERE run_id = ?",
                        [load.RunStatus.FAILED, run_id])
        return problems


def quarantined_files(warehouse: Path, run_id: str) -> list[tuple[str, str]]:
    with writer_connection(warehouse) as con:
        return con.execute(
            "SELECT path, reason FROM source_files WHERE first_seen_run = ? "
            "AND status = 'quarantined' ORDER BY path",
            [run_id],
        ).fetchall()


def publish(warehouse: Path, run_id: str) -> dict[str, int]:
    """Export Parquet, mark the run completed, drop its staging folder; returns the summary."""
    with writer_connection(warehouse) as con:
        load.publish_run(con, warehouse.resolve(), run_id)
        counts = load.run_counts(con, run_id)
    shutil.rmtree(staging_dir(warehouse.resolve(), run_id), ignore_errors=True)
    return counts


def recover_interrupted(warehouse: Path) -> list[str]:
    """Finish what a killed run left: publish loaded-but-unpublished runs, drop stale staging.

    Only called while holding the warehouse lock, so no other run is using the staging folders.
    """
    warehouse = warehouse.resolve()
    with warehouse_lock(warehouse, LOCK_WAIT_SECONDS):
        with writer_connection(warehouse) as con:
            pending = [r[0] for r in con.execute(
                "SELECT run_id FROM runs WHERE status = ? ORDER BY started_at",
                [load.RunStatus.LOADED]).fetchall()]
        for run_id in pending:
            log.warning("publishing run %s, interrupted before it was published", run_id)
            if not check_loaded(warehouse, run_id):
                publish(warehouse, run_id)
        staging_root = warehouse / "staging"
        if staging_root.exists():
            for leftover in staging_root.iterdir():
                shutil.rmtree(leftover, ignore_errors=True)
    return pending


def run_all(
    inbox: Path, warehouse: Path, run_date: date, run_id: str | None = None, workers: int = 1,
    settle_seconds: float = 1.0, archive: Path | None = None,
) -> dict[str, int]:
    """The whole night in one process (or a process pool of ``workers`` for the shards)."""
    run_id = run_id or f"cli__{run_date.isoformat()}__{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
    with warehouse_lock(warehouse):
        counts = _run_all_locked(inbox, warehouse, run_date, run_id, workers, settle_seconds)
        if archive is not None:
            from warta.archive import archive_run

            counts["archived"] = len(archive_run(inbox, warehouse, archive, run_id))
        return counts


def _run_all_locked(
    inbox: Path, warehouse: Path, run_date: date, run_id: str, workers: int,
    settle_seconds: float,
) -> dict[str, int]:
    with _timed("recover"):
        recover_interrupted(warehouse)
    with _timed("plan"):
        shard_count = SHARDS_PER_WORKER * workers if workers > 1 else 1
        plan = plan_run(inbox, warehouse, run_id, run_date, shard_count=shard_count,
                        settle_seconds=settle_seconds)
    with _timed("process and load"):
        _process_and_load(warehouse, plan, workers)
    with _timed("check"):
        problems = check_loaded(warehouse, run_id)
    if problems:
        raise RuntimeError(f"run {run_id} failed its checks: " + "; ".join(problems))
    with _timed("publish"):
        counts = publish(warehouse, run_id)
    counts["run_id"] = run_id  # type: ignore[assignment]
    counts["deferred"] = len(plan.deferred)
    return counts


def _process_and_load(warehouse: Path, plan: RunPlan, workers: int) -> None:
    """Load shards in batches, in plan order, as soon as they are processed, in one transaction.

    While the pool still processes later shards the single DuckDB writer is already inserting
    earlier ones: a batch goes in as soon as the next shard is not finished yet (up to
    LOAD_EVERY_SHARDS when the loader is behind), so little is left to insert once the pool is
    done (batches of four left the last four shards, half of a 30,000-article night, to insert
    after the pool).
    The pool is started before DuckDB opens, so no worker is forked from a process with
    DuckDB's threads running; workers die with this process, so a killed run leaves none behind.
    """
    run_id = plan.run_id
    shards = [shard_dir(warehouse, run_id, n) for n in range(len(plan.shards))]
    pool: ProcessPoolExecutor | None = None
    with ExitStack() as stack:
        if workers > 1 and len(shards) > 1:
            pool = ProcessPoolExecutor(max_workers=min(workers, len(shards)),
                                       initializer=_die_with_parent)
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            futures = [pool.submit(process_shard, warehouse, run_id, n)
                       for n in range(len(shards))]
            staged = [future.result for future in futures]
            finished = [future.done for future in futures]
        else:
            staged = [partial(process_shard, warehouse, run_id, n) for n in range(len(shards))]
            finished = [lambda: True] * len(shards)  # processed on demand: batch freely
        con = stack.enter_context(writer_connection(warehouse))
        with load.transaction(con):
            load.begin_load(con, run_id, plan.run_date, plan.started_at)
            # While the pool's workers keep the cores busy, DuckDB inserts with the cores left
            # over: measured on 2 cores with 2 workers, its second thread barely sped up the
            # inserts but cost the workers CPU.
            busy = workers if pool is not None else 0
            cores_left = int(load.duckdb_settings()["threads"]) - busy
            with load.threads_capped(con, cores_left):
                waiting: list[Path] = []
                for shard_no, (shard, wait_until_staged) in enumerate(zip(shards, staged,
                                                                          strict=True)):
                    wait_until_staged()
                    waiting.append(shard)
                    last = shard_no == len(shards) - 1
                    if last or len(waiting) >= LOAD_EVERY_SHARDS or not finished[shard_no + 1]():
                        load.load_shards(con, waiting, run_id)
                        waiting = []
            if pool is not None:
                pool.shutdown(wait=True)  # the workers' memory is not needed from here on
            with _timed("finish load"):
                load.finish_load(con, shards, run_id)


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when the run that started it dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


@contextmanager
def _timed(step: str) -> Iterator[None]:
    """Log a step's wall and CPU seconds (this process's threads, DuckDB's included).

    On a shared machine the wall figure moves with other work; the CPU figure does not.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    yield
    log.info("%s took %.1f s (CPU %.1f s)", step, time.perf_counter() - started,
             time.process_time() - cpu_started)
