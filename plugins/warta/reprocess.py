"""Reprocessing: bring documents made by an older pipeline up to the current one.

Improved cleaning or extraction should reach the whole warehouse, not only new files. For every
document whose ``pipeline_version`` is older than the current one, the raw file is read again by
path and verified by its sha256 (so cleaning changes apply too); when the raw file is gone (for
example archived elsewhere), extraction re-runs on the stored ``body_text``. All derived rows of
those documents are replaced in one transaction, and the Parquet of the affected runs is
published again. A document keeps its ``doc_id``: it is the article's identity in the warehouse,
fixed when the article was first seen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb

from warta import PIPELINE_VERSION, load
from warta.config import Limits
from warta.ingest import UnreadableFile, read_records
from warta.ingest.discover import sha256_of
from warta.model import DateSource, Document, RawRecord, RejectedRecord, SourceFile
from warta.pipeline import process_record
from warta.tables import PER_DOCUMENT_TABLES, ShardBuilder

log = logging.getLogger("warta")
REBUILT_COLUMNS = (
    "outlet", "url", "title", "dateline_city", "published_date", "published_date_source",
    "language", "body_text", "char_count", "word_count", "editor_codes", "pipeline_version",
    "published_at", "author", "minhash", "source_url", "keywords", "editor",
)


def version_key(version: str) -> tuple[int, ...]:
    """"0.10.1" sorts after "0.9.3"."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as the warehouse holds it, with where its raw record came from."""

    doc: Document
    pipeline_version: str
    run_date: date
    source: SourceFile


def stale_documents(con: duckdb.DuckDBPyConnection, since: str | None,
                    everything: bool) -> list[StoredDocument]:
    rows = con.execute(
        """
        SELECT d.doc_id, d.file_id, d.record_no, d.body_text, d.outlet, d.url, d.title,
               d.dateline_city, d.published_date, d.published_at, d.published_date_source,
               d.editor_codes, d.author, d.source_url, d.editor, d.pipeline_version, d.run_date,
               f.path, f.sha256, f.size_bytes, f.format
        FROM documents AS d JOIN source_files AS f USING (file_id)
        ORDER BY f.path, d.record_no
        """
    ).fetchall()
    current = version_key(PIPELINE_VERSION)
    stale = []
    for (doc_id, file_id, record_no, body, outlet, url, title, city, published, published_at,
         source, codes, author, source_url, editor, version, run_date, path, sha, size,
         fmt) in rows:
        old = version_key(version)
        if everything or (old < current and (since is None or old >= version_key(since))):
            doc = Document(
                doc_id=doc_id, file_id=file_id, record_no=record_no, body_text=body,
                outlet=outlet, url=url, title=title, dateline_city=city,
                published_date=published, published_at=published_at,
                published_date_source=DateSource(source) if source else None,
                editor_codes=tuple(codes), author=author, source_url=source_url,
                editor=editor,
            )
            stale.append(StoredDocument(doc, version, run_date, SourceFile(path, sha, size, fmt)))
    return stale


def _from_stored_body(stored: StoredDocument) -> Document | RejectedRecord:
    """Re-extract from the stored body, keeping the framing and metadata read back then."""
    old = stored.doc
    raw = RawRecord(file_id=old.file_id, record_no=old.record_no, body=old.body_text,
                    url=old.url, title=old.title,
                    published_raw=old.published_date.isoformat() if old.published_date else None)
    result = process_record(raw, stored.run_date)
    if not isinstance(result, Document):
        return result
    return replace(
        result, outlet=old.outlet, dateline_city=old.dateline_city,
        editor_codes=old.editor_codes, published_date=old.published_date,
        published_at=old.published_at, published_date_source=old.published_date_source,
        author=old.author, source_url=old.source_url, editor=old.editor,
    )


def _reread(inbox: Path, source: SourceFile, record_no: int, limits: Limits) -> RawRecord | None:
    """The raw record again, if its file is still in the inbox with the same content."""
    location = inbox / source.path
    if not location.is_file() or sha256_of(location) != source.sha256:
        return None
    try:
        for record in read_records(location, source, limits):
            if record.record_no == record_no:
                return record if isinstance(record, RawRecord) else None
    except UnreadableFile:
        return None
    return None


def reprocess(warehouse: Path, inbox: Path, since: str | None = None,
              everything: bool = False) -> dict[str, int]:
    """Re-extract stale documents and replace their derived rows; returns what it did."""
    from warta.locking import warehouse_lock

    limits = Limits()
    with warehouse_lock(warehouse):
        con = load.connect(warehouse)
        try:
            stale = list(stale_documents(con, since, everything))
            builder = ShardBuilder("reprocess", date.today())
            reread = 0
            for stored in stale:
                raw = _reread(inbox, stored.source, stored.doc.record_no, limits)
                if raw is None:
                    result = _from_stored_body(stored)
                else:
                    reread += 1
                    result = process_record(raw, stored.run_date)
                if not isinstance(result, Document):
                    log.warning("document %s no longer passes the pipeline: %s; kept as is",
                                stored.doc.doc_id, result.reason)
                    continue
                builder.add_document(replace(result, doc_id=stored.doc.doc_id))
            replaced = _replace_rows(con, builder)
            runs = [r[0] for r in con.execute(
                "SELECT DISTINCT run_id FROM documents WHERE pipeline_version = ? "
                "AND doc_id IN (SELECT doc_id FROM reprocessed)", [PIPELINE_VERSION]).fetchall()]
            for run_id in runs:
                load.publish_run(con, warehouse.resolve(), run_id)
        finally:
            con.close()
    return {"stale": len(stale), "reprocessed": replaced, "reread_from_inbox": reread,
            "runs_republished": len(runs)}


def _replace_rows(con: duckdb.DuckDBPyConnection, builder: ShardBuilder) -> int:
    tables = builder.take_tables()
    for name, table in tables.items():
        con.register(f"new_{name}", table)
    con.execute("BEGIN")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE reprocessed AS SELECT doc_id FROM new_documents")
        for table in PER_DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM reprocessed)")
            load.append_arrow(con, table, tables[table])
        assignments = ", ".join(f'"{c}" = n."{c}"' for c in REBUILT_COLUMNS)
        con.execute(f"UPDATE documents SET {assignments} FROM new_documents AS n "
                    "WHERE documents.doc_id = n.doc_id")
        load.insert_bands(con, "doc_id IN (SELECT doc_id FROM reprocessed)")  # new signatures
        con.execute(
            "INSERT INTO entities SELECT DISTINCT ON (entity_id) entity_id, canonical_name, "
            "entity_type FROM new_entities WHERE entity_id NOT IN (SELECT entity_id FROM entities)"
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            con.unregister(f"new_{name}")
    return tables["documents"].num_rows
