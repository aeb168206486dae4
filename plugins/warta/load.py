"""Load: staged Arrow shards -> DuckDB in one transaction, then Parquet published atomically.

DuckDB allows one writing process per file, so everything here runs in a single task (a one-slot
Airflow pool, a file lock in the CLI). Loading a run deletes whatever an earlier attempt of the
same run wrote and inserts it again, inside one transaction: a retried or repeated load gives
exactly the rows of one clean attempt. Inside that transaction shards go in as batches, in plan
order, so the CLI can load early shards while later ones are still being processed.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warta import PIPELINE_VERSION, SCHEMA_VERSION, faults
from warta.config import SQL_DIR
from warta.extract.dedup import BANDS, NUM_PERM
from warta.model import FileStatus
from warta.tables import PER_DOCUMENT_TABLES, contract_schema, schema_sql

log = logging.getLogger("warta")
GLOBAL_TABLES = ("entities", "runs", "source_files")
RUN_TABLES = ("documents", "records", *PER_DOCUMENT_TABLES)
SORT_KEYS = {
    "documents": ("doc_id",),
    "records": ("file_id", "record_no"),
    "paragraphs": ("doc_id", "paragraph_no"),
    "sentences": ("doc_id", "sentence_no"),
    "entity_mentions": ("doc_id", "char_start", "entity_id"),
    "quotes": ("doc_id", "quote_no"),
    "date_mentions": ("doc_id", "char_start"),
    "entities": ("entity_id",),
    "runs": ("started_at", "run_id"),
    "source_files": ("path", "file_id"),
}
# Schema migrations: version -> statements that bring version-1 up to it.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_url VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS keywords VARCHAR[]",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS editor VARCHAR",
    ),
}


class RunStatus(StrEnum):
    LOADED = "loaded"  # every row is in; checks and publish still to come
    COMPLETED = "completed"
    FAILED = "failed"


class WarehouseBusy(RuntimeError):
    """Another process holds the DuckDB file."""


def duckdb_settings() -> dict[str, str]:
    """Threads from the CPUs this process may use; memory from a cap, not DuckDB's 80% of RAM."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return {
        "threads": str(int(os.environ.get("WARTA_DUCKDB_THREADS", cpus))),
        # Above the cap inserts, sorts and joins spill to disk. 256MB lowered peak RSS at
        # 10,000-30,000 articles but ran publish's sort out of memory at 100,000.
        "memory_limit": os.environ.get("WARTA_DUCKDB_MEMORY_LIMIT", "384MB"),
        "preserve_insertion_order": "false",
    }


def warehouse_db(warehouse: Path) -> Path:
    return warehouse / "warta.duckdb"


def connect(warehouse: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writer also creates or migrates the schema."""
    path = warehouse_db(warehouse)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `warta run` first")
    warehouse.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=duckdb_settings())
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise WarehouseBusy(
                f"the warehouse {path} is in use by another process (a run is loading); "
                "try again when it has finished"
            ) from error
        raise
    con.execute("SET enable_progress_bar = false")  # no bars in task logs
    if not read_only:
        ensure_schema(con)
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the contract tables and views, or migrate an older warehouse."""
    has_version = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    current = 0
    if has_version:
        current = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"warehouse schema version {current} is newer than this warta ({SCHEMA_VERSION}): "
            "upgrade warta before writing to it"
        )
    con.execute("BEGIN")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(version, ()):
            if current:
                con.execute(statement)
    con.execute(schema_sql())
    if 0 < current < 3:  # warehouses from before document_bands: band what is stored
        insert_bands(con, "TRUE")
    if current < SCHEMA_VERSION:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION])
    for folder in ("staging", "marts"):
        for view in sorted((SQL_DIR / folder).glob("*.sql")):
            con.execute(view.read_text(encoding="utf-8"))
    con.execute("COMMIT")


@dataclass(frozen=True, slots=True)
class KnownFiles:
    pairs: set[tuple[str, str]]
    loaded_by_sha: dict[str, str]
    stats: dict[str, tuple[int, int, str]]


def known_files(con: duckdb.DuckDBPyConnection) -> KnownFiles:
    """What discovery needs to tell new content from old."""
    pairs: set[tuple[str, str]] = set()
    loaded: dict[str, str] = {}
    stats: dict[str, tuple[int, int, str]] = {}
    for path, sha, status, file_id, size, mtime in con.execute(
        "SELECT path, sha256, status, file_id, size_bytes, mtime_ns FROM source_files "
        "ORDER BY first_seen_run"
    ).fetchall():
        pairs.add((path, sha))
        if status == FileStatus.LOADED:
            loaded.setdefault(sha, file_id)
        if mtime is not None:
            stats[path] = (size, mtime, sha)
    return KnownFiles(pairs, loaded, stats)


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _staged(shards: list[Path], table: str) -> str | None:
    """A DuckDB source over one staged table of the given shard folders."""
    files = [shard / f"{table}.parquet" for shard in shards]
    files = [f for f in files if f.exists()]
    if not files:
        return None
    return f"read_parquet([{', '.join(_quoted(f) for f in files)}])"


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def load_run(
    con: duckdb.DuckDBPyConnection, shards: list[Path], run_id: str, run_date: date,
    started_at: datetime,
) -> dict[str, int]:
    """Load a run's staged shards in one transaction; returns row counts."""
    with transaction(con):
        begin_load(con, run_id, run_date, started_at)
        load_shards(con, shards, run_id)
        finish_load(con, shards, run_id)
    return run_counts(con, run_id)


def begin_load(con: duckdb.DuckDBPyConnection, run_id: str, run_date: date,
               started_at: datetime) -> None:
    """Forget whatever an earlier attempt of this run wrote; open the run's row.

    Call inside the run's transaction: nothing of the run is visible until it commits.
    """
    _delete_run(con, run_id)
    con.execute(
        "INSERT INTO runs VALUES (?, ?, ?, NULL, 0, 0, 0, 0, 0, ?, ?)",
        [run_id, run_date, started_at, RunStatus.LOADED, PIPELINE_VERSION],
    )


def load_shards(con: duckdb.DuckDBPyConnection, shards: list[Path], run_id: str) -> int:
    """Insert a batch of consecutive staged shards; returns the documents it added.

    Shards hold consecutive stretches of the inbox in path order and batches are loaded in that
    order, so "the first copy of a body by path, then record number" is the first copy loaded:
    a body already in ``documents`` (from an earlier run or an earlier batch) makes this copy a
    duplicate, and within the batch the first copy by path wins.
    """
    records = _staged(shards, "records")
    if records is None:
        return 0
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE winners AS
        SELECT r.doc_id, r.file_id, r.record_no
        FROM {records} AS r JOIN {_staged(shards, "source_files")} AS f USING (file_id)
        WHERE r.status = 'document'
          AND r.doc_id NOT IN (SELECT doc_id FROM documents)
        QUALIFY row_number() OVER (PARTITION BY r.doc_id ORDER BY f.path, r.record_no) = 1
        """
    )
    con.execute(
        f"""
        INSERT INTO records
        SELECT r.file_id, r.record_no,
               CASE WHEN r.status = 'document' AND w.doc_id IS NULL THEN 'duplicate'
                    ELSE r.status END,
               CASE WHEN r.status = 'document' AND w.doc_id IS NULL
                    THEN 'same article body as document ' || r.doc_id
                    ELSE r.reason END,
               r.doc_id, ?
        FROM {records} AS r
        LEFT JOIN winners AS w USING (file_id, record_no)
        """,
        [run_id],
    )
    documents = con.execute(
        f"""
        INSERT INTO documents
        SELECT {", ".join("d." + c for c in _columns("documents").split(", "))}
        FROM {_staged(shards, "documents")} AS d
        JOIN winners AS w USING (doc_id, file_id, record_no)
        """
    ).fetchone()[0]
    for table in PER_DOCUMENT_TABLES:
        columns = ", ".join("c." + c for c in _columns(table).split(", "))
        con.execute(
            f"INSERT INTO {table} SELECT {columns} FROM {_staged(shards, table)} AS c "
            "JOIN winners AS w USING (doc_id, file_id, record_no)"
        )
    con.execute(
        f"""
        INSERT INTO entities
        SELECT DISTINCT ON (entity_id) entity_id, canonical_name, entity_type
        FROM {_staged(shards, "entities")}
        WHERE entity_id NOT IN (SELECT entity_id FROM entities)
        """
    )
    faults.checkpoint("load")
    return documents


def finish_load(con: duckdb.DuckDBPyConnection, shards: list[Path], run_id: str) -> None:
    """File accounting, near-duplicates and the run's figures, once every shard is in."""
    files = _staged(shards, "source_files")
    if files is not None:
        _insert_source_files(con, files, run_id)
    mark_near_duplicates(con, run_id)
    con.execute(
        """
        UPDATE runs SET
            files_seen = f.seen, files_loaded = f.loaded, files_duplicate = f.duplicate,
            files_quarantined = f.quarantined, documents_loaded = f.documents
        FROM (
            SELECT count(*) AS seen,
                   count(*) FILTER (WHERE status = 'loaded') AS loaded,
                   count(*) FILTER (WHERE status = 'duplicate') AS duplicate,
                   count(*) FILTER (WHERE status = 'quarantined') AS quarantined,
                   coalesce(sum(document_count), 0) AS documents
            FROM source_files WHERE first_seen_run = $run
        ) AS f
        WHERE run_id = $run
        """,
        {"run": run_id},
    )


def _insert_source_files(con: duckdb.DuckDBPyConnection, files: str, run_id: str) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE staged_files AS SELECT * FROM {files}")
    # "duplicate" means the same bytes were loaded elsewhere; a copy of a file that turned
    # out unreadable in this run is unreadable too.
    con.execute(
        """
        UPDATE staged_files AS f
        SET status = 'quarantined',
            reason = 'same content as quarantined file ' || q.path || ': ' || q.reason
        FROM staged_files AS q
        WHERE f.status = 'duplicate' AND f.duplicate_of_file_id = q.file_id
          AND q.status = 'quarantined'
        """
    )
    con.execute(
        """
        INSERT INTO source_files
        SELECT f.* REPLACE ($run AS first_seen_run,
                            coalesce(d.documents, 0)::INTEGER AS document_count)
        FROM staged_files AS f
        LEFT JOIN (
            SELECT file_id, count(*) AS documents FROM records
            WHERE run_id = $run AND status = 'document' GROUP BY file_id
        ) AS d USING (file_id)
        ORDER BY f.path
        """,
        {"run": run_id},
    )


def insert_bands(con: duckdb.DuckDBPyConnection, documents_where: str,
                 params: dict | None = None) -> None:
    """Cut the MinHash of the documents matching ``documents_where`` into banded hashes.

    Stored once per document (``document_bands``): each night hashes only its own documents'
    bands and reads the rest, instead of re-hashing every signature in the warehouse. Their
    old bands go first, so banding the same documents again never repeats a row.
    """
    rows_per_band = NUM_PERM // BANDS
    con.execute(
        "DELETE FROM document_bands WHERE doc_id IN "
        f"(SELECT doc_id FROM documents WHERE {documents_where})",
        params or {},
    )
    con.execute(
        f"""
        INSERT INTO document_bands
        SELECT doc_id, band_no,
               hash(minhash[band_no * {rows_per_band} + 1 : (band_no + 1) * {rows_per_band}])
        FROM documents, range({BANDS}) AS t(band_no)
        WHERE ({documents_where}) AND len(minhash) = {NUM_PERM}
        """,
        params or {},
    )


def mark_near_duplicates(con: duckdb.DuckDBPyConnection, run_id: str,
                         threshold: float = 0.8) -> int:
    """Point ``duplicate_of`` of near-identical documents at the earliest copy.

    Signatures are cut into bands (``insert_bands``, stored in ``document_bands``: only this
    run's are hashed); documents sharing a band with a document of this run are
    candidates, kept when their estimated Jaccard similarity reaches ``threshold``. The earliest
    copy is the one with the earliest published_date, then the smallest doc_id. Compares the
    run's documents against the whole warehouse, but only pairs that share a band are read.
    """
    insert_bands(con, "run_id = $run", {"run": run_id})
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE near_pairs AS
        WITH run_bands AS (
            SELECT b.* FROM document_bands AS b JOIN documents AS d USING (doc_id)
            WHERE d.run_id = ?
        ), sharing AS (
            SELECT DISTINCT a.doc_id AS x, b.doc_id AS y
            FROM run_bands AS a JOIN document_bands AS b USING (band_no, band_hash)
            WHERE a.doc_id <> b.doc_id
        ), alike AS (
            SELECT x, y FROM sharing
            JOIN documents AS dx ON dx.doc_id = x
            JOIN documents AS dy ON dy.doc_id = y
            WHERE len(list_filter(range(1, {NUM_PERM} + 1),
                                  i -> dx.minhash[i] = dy.minhash[i])) >= {threshold * NUM_PERM}
        )
        SELECT x, y FROM alike UNION SELECT y, x FROM alike
        """,
        [run_id],
    )
    return con.execute(
        """
        UPDATE documents SET duplicate_of = earliest.first_copy
        FROM (
            SELECT p.x AS doc_id,
                   arg_min(d.doc_id, (coalesce(d.published_date, DATE '9999-12-31'), d.doc_id))
                       AS first_copy
            FROM (SELECT x, y FROM near_pairs UNION SELECT x, x FROM near_pairs) AS p
            JOIN documents AS d ON d.doc_id = p.y
            GROUP BY p.x
        ) AS earliest
        WHERE documents.doc_id = earliest.doc_id
          AND earliest.first_copy <> documents.doc_id
        """
    ).fetchone()[0]


def _delete_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    has_documents = con.execute(
        "SELECT count(*) FROM documents WHERE run_id = ?", [run_id]).fetchone()[0]
    # Skip the scans for a fresh run.
    for table in (*PER_DOCUMENT_TABLES, "document_bands") if has_documents else ():
        con.execute(
            f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM documents WHERE run_id = ?)",
            [run_id],
        )
    con.execute("DELETE FROM documents WHERE run_id = ?", [run_id])
    con.execute("DELETE FROM records WHERE run_id = ?", [run_id])
    con.execute("DELETE FROM source_files WHERE first_seen_run = ?", [run_id])
    con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])


@contextmanager
def threads_capped(con: duckdb.DuckDBPyConnection, threads: int) -> Iterator[None]:
    """Run DuckDB on at most ``threads`` threads for a while, then give it back its own.

    For appends, one thread: measured on the shared 2-core machine (the 563,000 sentence rows
    of a 30,000-article night, from Arrow), a second thread made the append cost 2-4x the CPU
    (0.84-1.85 s against 0.43-0.53 s) and take longer too; sorts and joins keep every thread.
    """
    current = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    con.execute(f"SET threads = {max(1, min(threads, current))}")
    try:
        yield
    finally:
        con.execute(f"SET threads = {current}")


def append_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Append Arrow rows (in the table's contract columns) to a warehouse table, in bulk."""
    view = f"appended_{table}"
    con.register(view, rows)
    try:
        with threads_capped(con, 1):
            con.execute(f"INSERT INTO {table} SELECT {_columns(table)} FROM {view}")
    finally:
        con.unregister(view)


def contract_columns(table: str) -> list[str]:
    return [f.name for f in contract_schema(table)]


def _columns(table: str) -> str:
    return ", ".join(f'"{name}"' for name in contract_columns(table))


def run_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """The figures the run summary prints."""
    row = con.execute(
        """
        SELECT files_seen, files_loaded, files_duplicate, files_quarantined, documents_loaded,
          (SELECT count(*) FROM records WHERE run_id = $run),
          (SELECT count(*) FROM records WHERE run_id = $run AND status = 'duplicate'),
          (SELECT count(*) FROM records WHERE run_id = $run AND status = 'rejected'),
          (SELECT count(*) FROM paragraphs JOIN documents USING (doc_id) WHERE run_id = $run),
          (SELECT count(*) FROM sentences JOIN documents USING (doc_id) WHERE run_id = $run),
          (SELECT count(*) FROM entity_mentions JOIN documents USING (doc_id) WHERE run_id = $run),
          (SELECT count(*) FROM quotes JOIN documents USING (doc_id) WHERE run_id = $run),
          (SELECT count(*) FROM date_mentions JOIN documents USING (doc_id) WHERE run_id = $run)
        FROM runs WHERE run_id = $run
        """,
        {"run": run_id},
    ).fetchone()
    names = (
        "files_seen", "files_loaded", "files_duplicate", "files_quarantined", "documents",
        "records", "records_duplicate", "records_rejected", "paragraphs", "sentences",
        "entity_mentions", "quotes", "date_mentions",
    )
    return dict(zip(names, row or (0,) * len(names), strict=True))


# Documents whose child rows are checked at once (bounded memory for the DISTINCT counts).
CHECK_BATCH_DOCUMENTS = int(os.environ.get("WARTA_CHECK_BATCH_DOCUMENTS", "20000"))


def check_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Invariants every loaded run must meet; returns the broken ones (empty when all hold).

    That every annotation cuts its text out of its body is checked where documents are made
    (``Document.misplaced_spans`` in the shard workers); here the warehouse's own integrity.
    """
    problems: list[str] = []
    repeated = _repeated_keys(con, run_id)
    for table in PER_DOCUMENT_TABLES:
        if repeated[table]:
            key = ", ".join(f"c.{k}" for k in SORT_KEYS[table])
            problems.append(f"{repeated[table]} {table} rows repeat a key ({key})")
    dangling = con.execute(
        """
        SELECT count(*) FROM (
            SELECT m.entity_id FROM entity_mentions AS m JOIN documents AS d USING (doc_id)
            WHERE d.run_id = $run
            UNION ALL
            SELECT q.speaker_entity_id FROM quotes AS q JOIN documents AS d USING (doc_id)
            WHERE d.run_id = $run AND q.speaker_entity_id IS NOT NULL
            UNION ALL
            SELECT unnest(q.co_speaker_ids) FROM quotes AS q JOIN documents AS d USING (doc_id)
            WHERE d.run_id = $run
        ) AS refs (entity_id)
        WHERE entity_id NOT IN (SELECT entity_id FROM entities)
        """,
        {"run": run_id},
    ).fetchone()[0]
    if dangling:
        problems.append(f"{dangling} mentions or quotes point to an entity that does not exist")
    unbalanced = con.execute(
        "SELECT count(*) FROM runs WHERE run_id = ? AND files_seen <> "
        "files_loaded + files_duplicate + files_quarantined",
        [run_id],
    ).fetchone()[0]
    if unbalanced:
        problems.append("runs: files_seen differs from loaded + duplicate + quarantined")
    orphans = con.execute(
        "SELECT count(*) FROM records WHERE run_id = ? AND status <> 'rejected' "
        "AND doc_id NOT IN (SELECT doc_id FROM documents)",
        [run_id],
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} records point to a document that does not exist")
    unreasoned = con.execute(
        "SELECT count(*) FROM source_files WHERE first_seen_run = ? AND status <> 'loaded' "
        "AND reason IS NULL",
        [run_id],
    ).fetchone()[0]
    if unreasoned:
        problems.append(f"{unreasoned} files not loaded carry no reason")
    return problems


def _repeated_keys(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Rows repeating their table's key, per child table, over the run's documents.

    Taken a batch of documents at a time (by a hash of doc_id, so all rows of a document fall
    in its batch): the DISTINCT counts stay the same size however large the night is.
    """
    repeated = dict.fromkeys(PER_DOCUMENT_TABLES, 0)
    documents = con.execute(
        "SELECT count(*) FROM documents WHERE run_id = ?", [run_id]).fetchone()[0]
    batches = max(1, -(-documents // CHECK_BATCH_DOCUMENTS))
    for batch in range(batches):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE checked_documents AS SELECT doc_id "
            "FROM documents WHERE run_id = ? AND hash(doc_id) % ? = ?",
            [run_id, batches, batch],
        )
        for table in PER_DOCUMENT_TABLES:
            key = ", ".join(f"c.{k}" for k in SORT_KEYS[table])
            repeated[table] += con.execute(
                f"SELECT count(*) - count(DISTINCT ({key})) FROM {table} AS c "
                "WHERE c.doc_id IN (SELECT doc_id FROM checked_documents)"
            ).fetchone()[0]
    con.execute("DROP TABLE IF EXISTS checked_documents")
    return repeated


# Rows per Arrow batch (and Parquet row group) on the way to Parquet: a batch of documents holds
# their bodies, and two tables are written at once. Measured publishing a 30,000-article night:
# peak RSS 683 MB at 16,384 rows, 627 MB at 4,096, for the same CPU.
PUBLISH_BATCH_ROWS = 4_096


def _write_atomically(con: duckdb.DuckDBPyConnection, query: str, params: list,
                      target: Path) -> None:
    """Stream a query into Parquet beside the target, then rename: readers never see half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".tmp-{target.name}"
    reader = con.execute(query, params).fetch_record_batch(PUBLISH_BATCH_ROWS)
    with pq.ParquetWriter(temporary, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())  # the data is on disk before the name points to it
    os.replace(temporary, target)


def _clean_leftovers(parquet: Path) -> None:
    for leftover in parquet.rglob(".tmp-*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def safe_name(run_id: str) -> str:
    """A file-name-safe form of an Airflow run id (which holds ':' and '+')."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in run_id)


def publish_run(con: duckdb.DuckDBPyConnection, warehouse: Path, run_id: str) -> list[Path]:
    """Export the run's rows to ``parquet/<table>/run_date=YYYY-MM-DD/`` and the global tables.

    One table at a time: writing them side by side (a cursor each) ran DuckDB out of its memory
    cap at publish on a 100,000-article night, at 256 MB and at 384 MB, as both sorts held buffers.
    """
    parquet = warehouse / "parquet"
    if parquet.exists():
        _clean_leftovers(parquet)
    run_date = con.execute("SELECT run_date FROM runs WHERE run_id = ?", [run_id]).fetchone()
    if run_date is None:
        raise LookupError(f"run {run_id} is not loaded")
    partition = f"run_date={run_date[0].isoformat()}"
    name = f"run-{safe_name(run_id)}.parquet"
    written: list[Path] = []
    for table in RUN_TABLES:
        keys = ", ".join(f"c.{k}" for k in SORT_KEYS[table])
        if table in ("documents", "records"):
            query = f"SELECT * FROM {table} AS c WHERE run_id = ? ORDER BY {keys}"
        else:
            query = (
                f"SELECT c.* FROM {table} AS c JOIN documents AS d USING (doc_id) "
                f"WHERE d.run_id = ? ORDER BY {keys}"
            )
        target = parquet / table / partition / name
        _write_atomically(con, query, [run_id], target)
        written.append(target)
        faults.checkpoint("publish")
    con.execute(
        "UPDATE runs SET status = $done, finished_at = $now "
        "WHERE run_id = $run AND status <> $done",
        {"done": RunStatus.COMPLETED, "now": datetime.now(UTC), "run": run_id},
    )
    for table in GLOBAL_TABLES:
        target = parquet / table / f"{table}.parquet"
        keys = ", ".join(SORT_KEYS[table])
        _write_atomically(con, f"SELECT * FROM {table} ORDER BY {keys}", [], target)
        written.append(target)
    return written
