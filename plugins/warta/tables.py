"""Arrow tables at the edges: typed records -> Arrow, with schemas derived from ``sql/schema.sql``.

The DDL is the single declaration of the warehouse; Arrow schemas come from an in-memory DuckDB
that ran it, so a shard can never drift from the tables it is loaded into. Staged child tables
carry the (file_id, record_no) of the record that produced them, so the loader can keep exactly
one copy when the same article arrives twice in one night.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

import pyarrow as pa

from warta import PIPELINE_VERSION
from warta.config import SQL_DIR
from warta.model import Document, RecordStatus, RejectedRecord, SourceFile, entity_id_for

CONTRACT_TABLES = (
    "runs", "source_files", "records", "documents", "paragraphs", "sentences", "entities",
    "entity_mentions", "quotes", "date_mentions",
)
PER_DOCUMENT_TABLES = ("paragraphs", "sentences", "entity_mentions", "quotes", "date_mentions")
STAGED_TABLES = ("source_files", "records", "documents", "entities", *PER_DOCUMENT_TABLES)
PROVENANCE = (pa.field("file_id", pa.string()), pa.field("record_no", pa.int32()))


def schema_sql() -> str:
    return (SQL_DIR / "schema.sql").read_text(encoding="utf-8")


@cache
def contract_schema(table: str) -> pa.Schema:
    """The Arrow schema of a warehouse table, read from the DDL."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute(schema_sql())
        return con.execute(f'SELECT * FROM "{table}" LIMIT 0').fetch_arrow_table().schema
    finally:
        con.close()


@cache
def staged_schema(table: str) -> pa.Schema:
    schema = contract_schema(table)
    if table in PER_DOCUMENT_TABLES:
        for extra in PROVENANCE:
            schema = schema.append(extra)
    return schema


@dataclass(slots=True)
class FileOutcome:
    """What processing one file produced: its status row plus its records."""

    source: SourceFile
    mtime_ns: int
    status: str
    reason: str | None = None
    duplicate_of_file_id: str | None = None
    documents: list[Document] = field(default_factory=list)
    rejected: list[RejectedRecord] = field(default_factory=list)


class ShardBuilder:
    """Accumulates one shard's rows column by column and turns them into Arrow tables."""

    def __init__(self, run_id: str, run_date) -> None:
        self.run_id = run_id
        self.run_date = run_date
        self.columns: dict[str, dict[str, list]] = {
            t: {f.name: [] for f in staged_schema(t)} for t in STAGED_TABLES
        }
        self._entities_seen: set[str] = set()

    def _append(self, table: str, **values) -> None:
        columns = self.columns[table]
        for name, column in columns.items():
            column.append(values.get(name))

    def add_file(self, outcome: FileOutcome) -> None:
        source = outcome.source
        self._append(
            "source_files", file_id=source.file_id, path=source.path, format=source.format,
            size_bytes=source.size_bytes, sha256=source.sha256, first_seen_run=self.run_id,
            status=outcome.status, reason=outcome.reason, document_count=0,
            record_count=len(outcome.documents) + len(outcome.rejected),
            duplicate_of_file_id=outcome.duplicate_of_file_id, mtime_ns=outcome.mtime_ns,
        )
        for rejected in outcome.rejected:
            self._append(
                "records", file_id=rejected.file_id, record_no=rejected.record_no,
                status=RecordStatus.REJECTED.value, reason=rejected.reason, doc_id=None,
                run_id=self.run_id,
            )
        for document in outcome.documents:
            self.add_document(document)

    def add_document(self, doc: Document) -> None:
        # Every document starts as a candidate; the loader demotes later copies to duplicates.
        self._append("records", file_id=doc.file_id, record_no=doc.record_no,
                     status=RecordStatus.DOCUMENT.value,
                     reason=None, doc_id=doc.doc_id, run_id=self.run_id)
        self._append(
            "documents", doc_id=doc.doc_id, file_id=doc.file_id, record_no=doc.record_no,
            outlet=doc.outlet, url=doc.url, title=doc.title, dateline_city=doc.dateline_city,
            published_date=doc.published_date,
            published_date_source=str(doc.published_date_source)
            if doc.published_date_source else None,
            language=doc.language, body_text=doc.body_text, char_count=doc.char_count,
            word_count=doc.word_count, editor_codes=list(doc.editor_codes), duplicate_of=None,
            pipeline_version=PIPELINE_VERSION, run_id=self.run_id,
            published_at=doc.published_at, author=doc.author, run_date=self.run_date,
            minhash=doc.minhash, source_url=doc.source_url, keywords=list(doc.keywords),
            editor=doc.editor,
        )
        provenance = {"doc_id": doc.doc_id, "file_id": doc.file_id, "record_no": doc.record_no}
        paragraphs, sentences = doc.paragraphs, doc.sentences
        self._extend_from("paragraphs", paragraphs, provenance,
                          ("paragraph_no", "char_start", "char_end"))
        self._extend_from("sentences", sentences, provenance,
                          ("sentence_no", "paragraph_no", "char_start", "char_end", "text"))
        mentions = doc.entity_mentions
        entity_ids = [m.entity_id for m in mentions]
        for entity_id, m in zip(entity_ids, mentions, strict=True):
            if entity_id not in self._entities_seen:
                self._add_entity(entity_id, m.canonical_name, str(m.entity_type))
        self._extend_from("entity_mentions", mentions, {**provenance, "entity_id": entity_ids},
                          ("sentence_no", "surface", "char_start", "char_end", "role",
                           "affiliation"))
        quotes = doc.quotes
        speaker_ids = [q.speaker_entity_id for q in quotes]
        co_speaker_ids: list[list[str]] = []
        for q, speaker_id in zip(quotes, speaker_ids, strict=True):
            co_speaker_ids.append([
                entity_id_for(q.speaker_type, name) for name in q.co_speaker_names
            ] if q.speaker_type is not None else [])
            # A speaker read from the attribution may have no mention: it is an entity all the same.
            if q.speaker_type is not None:
                for name, entity_id in zip((q.speaker_name, *q.co_speaker_names),
                                           (speaker_id, *co_speaker_ids[-1]), strict=True):
                    if entity_id not in self._entities_seen:
                        self._add_entity(entity_id, name, str(q.speaker_type))
        self._extend_from("quotes", quotes,
                          {**provenance, "speaker_entity_id": speaker_ids,
                           "co_speaker_ids": co_speaker_ids},
                          ("quote_no", "kind", "text", "speaker_surface", "reporting_verb",
                           "cited_source", "char_start", "char_end"))
        self._extend_from("date_mentions", doc.date_mentions, provenance,
                          ("sentence_no", "surface", "resolved_date", "char_start", "char_end",
                           "kind"))

    def _extend(self, table: str, count: int, **values) -> None:
        """Append ``count`` rows column by column: lists as given, scalars repeated."""
        if not count:
            return
        for name, column in self.columns[table].items():
            value = values.get(name)
            if isinstance(value, list):
                column.extend(value)
            else:
                column.extend([value] * count)

    def _extend_from(self, table: str, items: list, given: dict, attributes: tuple[str, ...]
                     ) -> None:
        """Rows from records: each attribute becomes a column (one C-level pass per column)."""
        if items:
            self._extend(table, len(items), **given, **{
                name: list(map(attrgetter(name), items)) for name in attributes})

    def _add_entity(self, entity_id: str, name: str, entity_type: str) -> None:
        if entity_id not in self._entities_seen:
            self._entities_seen.add(entity_id)
            self._append("entities", entity_id=entity_id, canonical_name=name,
                         entity_type=entity_type)

    @property
    def pending_documents(self) -> int:
        return len(self.columns["documents"]["doc_id"])

    def take_tables(self) -> dict[str, pa.Table]:
        """The rows gathered since the last call, as Arrow tables; the builder starts empty."""
        tables = {
            name: pa.Table.from_pydict(columns, schema=staged_schema(name))
            for name, columns in self.columns.items()
        }
        for columns in self.columns.values():
            for column in columns.values():
                column.clear()
        return tables
