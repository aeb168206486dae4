"""The warehouse contract in sql/schema.sql is the one declaration everything else follows."""

from __future__ import annotations

import pyarrow as pa
import pytest
from warta import load
from warta.tables import CONTRACT_TABLES, STAGED_TABLES, contract_schema, staged_schema

CONTRACT_COLUMNS = {
    "source_files": ["file_id", "path", "format", "size_bytes", "sha256", "first_seen_run",
                     "status", "reason", "document_count"],
    "records": ["file_id", "record_no", "status", "reason", "doc_id"],
    "documents": ["doc_id", "file_id", "record_no", "outlet", "url", "title", "dateline_city",
                  "published_date", "published_date_source", "language", "body_text",
                  "char_count", "word_count", "editor_codes", "duplicate_of",
                  "pipeline_version", "run_id"],
    "paragraphs": ["doc_id", "paragraph_no", "char_start", "char_end"],
    "sentences": ["doc_id", "sentence_no", "paragraph_no", "char_start", "char_end", "text"],
    "entities": ["entity_id", "canonical_name", "entity_type"],
    "entity_mentions": ["doc_id", "sentence_no", "entity_id", "surface", "char_start",
                        "char_end", "role", "affiliation"],
    "quotes": ["doc_id", "quote_no", "kind", "text", "speaker_entity_id", "speaker_surface",
               "reporting_verb", "cited_source", "char_start", "char_end"],
    "date_mentions": ["doc_id", "sentence_no", "surface", "resolved_date", "char_start",
                      "char_end"],
    "runs": ["run_id", "run_date", "started_at", "finished_at", "files_seen", "files_loaded",
             "files_duplicate", "files_quarantined", "documents_loaded", "status"],
}


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_contract_columns_come_first_in_declared_order(table: str) -> None:
    names = contract_schema(table).names
    assert names[: len(CONTRACT_COLUMNS[table])] == CONTRACT_COLUMNS[table]


def test_every_contract_table_is_declared() -> None:
    assert set(CONTRACT_TABLES) == set(CONTRACT_COLUMNS)


def test_editor_codes_is_a_list_column() -> None:
    assert pa.types.is_list(contract_schema("documents").field("editor_codes").type)


@pytest.mark.parametrize("table", STAGED_TABLES)
def test_staged_shards_extend_the_contract_schema(table: str) -> None:
    contract = contract_schema(table)
    staged = staged_schema(table)
    assert staged.names[: len(contract.names)] == contract.names


def test_warehouse_tables_match_the_declared_schema(tmp_path) -> None:
    con = load.connect(tmp_path)
    try:
        for table in CONTRACT_TABLES:
            live = con.execute(f"SELECT * FROM {table} LIMIT 0").fetch_arrow_table().schema
            assert live.names == contract_schema(table).names, table
        views = {row[0] for row in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert {"stg_documents", "mart_people_in_news", "mart_run_accounting"} <= views
    finally:
        con.close()


def test_reopening_a_warehouse_keeps_one_schema_version_row(tmp_path) -> None:
    load.connect(tmp_path).close()
    con = load.connect(tmp_path)
    try:
        assert con.execute("SELECT count(*), max(version) FROM schema_version").fetchone() == (
            1, load.SCHEMA_VERSION)
    finally:
        con.close()


def test_a_newer_warehouse_is_refused_with_a_clear_message(tmp_path) -> None:
    con = load.connect(tmp_path)
    con.execute("INSERT INTO schema_version VALUES (?, now())", [load.SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(RuntimeError, match="newer than this warta"):
        load.connect(tmp_path)


def test_a_version_1_warehouse_is_migrated_in_place(tmp_path) -> None:
    con = load.connect(tmp_path)
    for column in ("source_url", "keywords", "editor"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    con = load.connect(tmp_path)
    try:
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents' "
            "ORDER BY ordinal_position").fetchall()]
        assert columns[-3:] == ["source_url", "keywords", "editor"]
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == (
            load.SCHEMA_VERSION)
    finally:
        con.close()


def test_a_person_name_that_begins_exactly_one_longer_name_is_that_person(tmp_path) -> None:
    con = load.connect(tmp_path)
    try:
        people = ["Sri Mulyani", "Sri Mulyani Indrawati", "Budi Santoso", "Budi Santoso Putra",
                  "Budi Santoso Wijaya", "Perry", "Perry Warjiyo"]
        con.executemany("INSERT INTO entities VALUES (?, ?, ?)",
                        [[f"p{n}", name, "PERSON"] for n, name in enumerate(people)]
                        + [["o1", "Sri Mulyani Foundation", "ORG"]])
        merged = dict(con.execute(
            "SELECT canonical_name, person_name FROM stg_person_names").fetchall())
    finally:
        con.close()
    assert merged["Sri Mulyani"] == "Sri Mulyani Indrawati"  # the only longer spelling
    assert merged["Budi Santoso"] == "Budi Santoso"  # two people begin so: no guess
    assert merged["Perry"] == "Perry"  # one word is too little to join articles on
    assert "Sri Mulyani Foundation" not in merged  # organisations are not people
