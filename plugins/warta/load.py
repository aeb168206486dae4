"""Load: staged Arrow shards -> DuckDB in one transaction, then Parquet published atomically.

DuckDB allows one writing process per file, so everything here runs in a single task (a one-slot
Airflow pool, a file lock in the CLI). Loading a run deletes whatever an earlier attempt of the
same run wrote and inserts it again, inside one transaction: a retried or repeated load gives
exactly the rows of one clean attempt.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
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
        "memory_limit": os.environ.get("WARTA_DUCKDB_MEMORY_LIMIT", "1GB"),
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


def _staged(staging: Path, table: str) -> str | None:
    files = sorted(staging.glob(f"shard-*/{table}.parquet"))
    if not files:
        return None
    listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listing}])"


def load_run(
    con: duckdb.DuckDBPyConnection, staging: Path, run_id: str, run_date: date,
    started_at: datetime,
) -> dict[str, int]:
    """Insert one run's staged shards in a single transaction; returns row counts."""
    con.execute("BEGIN")
    try:
        _delete_run(con, run_id)
        counts = _insert_run(con, staging, run_id, run_date, started_at)
        faults.checkpoint("load")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def _delete_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    for table in PER_DOCUMENT_TABLES:
        con.execute(
            f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM documents WHERE run_id = ?)",
            [run_id],
        )
    con.execute("DELETE FROM documents WHERE run_id = ?", [run_id])
    con.execute("DELETE FROM records WHERE run_id = ?", [run_id])
    con.execute("DELETE FROM source_files WHERE first_seen_run = ?", [run_id])
    con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])


def contract_columns(table: str) -> list[str]:
    return [f.name for f in contract_schema(table)]


def _columns(table: str) -> str:
    return ", ".join(f'"{name}"' for name in contract_columns(table))


def _insert_run(
    con: duckdb.DuckDBPyConnection, staging: Path, run_id: str, run_date: date,
    started_at: datetime,
) -> dict[str, int]:
    files_source = _staged(staging, "source_files")
    if files_source is not None:
        con.execute(f"CREATE OR REPLACE TEMP TABLE staged_files AS SELECT * FROM {files_source}")
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
            f"CREATE OR REPLACE TEMP TABLE staged_records AS SELECT * FROM "
            f"{_staged(staging, 'records')}"
        )
        # The first copy of each new body (by path, then record number) becomes the document;
        # later copies in this run, and copies of bodies loaded before, are duplicates.
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE winners AS
            SELECT r.doc_id, r.file_id, r.record_no
            FROM staged_records AS r JOIN staged_files AS f USING (file_id)
            WHERE r.status = 'document'
              AND r.doc_id NOT IN (SELECT doc_id FROM documents)
            QUALIFY row_number() OVER (PARTITION BY r.doc_id ORDER BY f.path, r.record_no) = 1
            """
        )
        con.execute(
            """
            INSERT INTO records
            SELECT r.file_id, r.record_no,
                   CASE WHEN r.status = 'document' AND w.doc_id IS NULL THEN 'duplicate'
                        ELSE r.status END,
                   CASE WHEN r.status = 'document' AND w.doc_id IS NULL
                        THEN 'same article body as document ' || r.doc_id
                        ELSE r.reason END,
                   r.doc_id, ?
            FROM staged_records AS r
            LEFT JOIN winners AS w USING (file_id, record_no)
            """,
            [run_id],
        )
        con.execute(
            """
            INSERT INTO source_files
            SELECT f.* REPLACE (
                ? AS first_seen_run,
                (SELECT count(*) FROM winners AS w WHERE w.file_id = f.file_id)::INTEGER
                    AS document_count)
            FROM staged_files AS f
            ORDER BY f.path
            """,
            [run_id],
        )
        con.execute(
            f"""
            INSERT INTO documents
            SELECT {", ".join("d." + c for c in _columns("documents").split(", "))}
            FROM {_staged(staging, "documents")} AS d
            JOIN winners AS w USING (doc_id, file_id, record_no)
            """
        )
        for table in PER_DOCUMENT_TABLES:
            source = _staged(staging, table)
            columns = ", ".join("c." + c for c in _columns(table).split(", "))
            started = time.perf_counter()
            inserted = con.execute(
                f"INSERT INTO {table} SELECT {columns} FROM {source} AS c "
                "JOIN winners AS w USING (doc_id, file_id, record_no)"
            ).fetchone()[0]
            seconds = time.perf_counter() - started
            log.info("loaded %d %s rows in %.3f s (%.0f rows/s)", inserted, table, seconds,
                     inserted / seconds if seconds else 0.0)
        mark_near_duplicates(con)
        con.execute(
            f"""
            INSERT INTO entities
            SELECT DISTINCT ON (entity_id) entity_id, canonical_name, entity_type
            FROM {_staged(staging, "entities")}
            WHERE entity_id NOT IN (SELECT entity_id FROM entities)
            """
        )
    con.execute(
        """
        INSERT INTO runs
        SELECT ?, ?, ?, NULL,
               count(*),
               count(*) FILTER (WHERE status = 'loaded'),
               count(*) FILTER (WHERE status = 'duplicate'),
               count(*) FILTER (WHERE status = 'quarantined'),
               coalesce(sum(document_count), 0),
               'loaded', ?
        FROM source_files WHERE first_seen_run = ?
        """,
        [run_id, run_date, started_at, PIPELINE_VERSION, run_id],
    )
    return run_counts(con, run_id)


def mark_near_duplicates(con: duckdb.DuckDBPyConnection, threshold: float = 0.8) -> int:
    """Point ``duplicate_of`` of near-identical documents at the earliest copy.

    Signatures are cut into bands; documents sharing a band with a document new in this run
    (temp table ``winners``) are candidates, kept when their estimated Jaccard similarity
    reaches ``threshold``. The earliest copy is the one with the earliest published_date, then
    the smallest doc_id. Compares against the whole warehouse, not only this run.
    """
    rows_per_band = NUM_PERM // BANDS
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE bands AS
        SELECT doc_id, band_no,
               hash(minhash[band_no * {rows_per_band} + 1 : (band_no + 1) * {rows_per_band}]) AS h
        FROM documents, range({BANDS}) AS t(band_no)
        WHERE len(minhash) = {NUM_PERM}
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE near_pairs AS
        WITH candidates AS (
            SELECT DISTINCT a.doc_id AS x, b.doc_id AS y
            FROM bands AS a JOIN bands AS b USING (band_no, h)
            WHERE a.doc_id <> b.doc_id
              AND (a.doc_id IN (SELECT doc_id FROM winners)
                   OR b.doc_id IN (SELECT doc_id FROM winners))
        )
        SELECT x, y FROM candidates
        JOIN documents AS dx ON dx.doc_id = x
        JOIN documents AS dy ON dy.doc_id = y
        WHERE len(list_filter(range(1, {NUM_PERM} + 1),
                              i -> dx.minhash[i] = dy.minhash[i])) >= {threshold * NUM_PERM}
        """
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


def check_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """Invariants every loaded run must meet; returns the broken ones (empty when all hold)."""
    problems: list[str] = []
    offset_checks = {
        "sentences": "text",
        "entity_mentions": "surface",
        "date_mentions": "surface",
        "quotes": "text",
    }
    for table, column in offset_checks.items():
        bad = con.execute(
            f"""
            SELECT count(*) FROM {table} AS c JOIN documents AS d USING (doc_id)
            WHERE d.run_id = ?
              AND substr(d.body_text, c.char_start + 1, c.char_end - c.char_start) <> c.{column}
            """,
            [run_id],
        ).fetchone()[0]
        if bad:
            problems.append(f"{bad} {table} rows whose offsets do not match their {column}")
    for table in PER_DOCUMENT_TABLES:
        key = ", ".join(f"c.{k}" for k in SORT_KEYS[table])
        repeated = con.execute(
            f"""
            SELECT count(*) - count(DISTINCT ({key})) FROM {table} AS c
            JOIN documents AS d USING (doc_id) WHERE d.run_id = ?
            """,
            [run_id],
        ).fetchone()[0]
        if repeated:
            problems.append(f"{repeated} {table} rows repeat a key ({key})")
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


def _write_atomically(con: duckdb.DuckDBPyConnection, query: str, params: list,
                      target: Path) -> None:
    """Stream a query into Parquet beside the target, then rename: readers never see half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".tmp-{target.name}"
    reader = con.execute(query, params).fetch_record_batch(100_000)
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
    """Export the run's rows to ``parquet/<table>/run_date=YYYY-MM-DD/`` and the global tables."""
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
        "UPDATE runs SET status = 'completed', finished_at = ? "
        "WHERE run_id = ? AND status <> 'completed'",
        [datetime.now(UTC), run_id],
    )
    for table in GLOBAL_TABLES:
        target = parquet / table / f"{table}.parquet"
        keys = ", ".join(SORT_KEYS[table])
        _write_atomically(con, f"SELECT * FROM {table} ORDER BY {keys}", [], target)
        written.append(target)
    return written
