"""`warta reprocess`: documents made by an older pipeline are brought up to date in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from conftest import query_warehouse as query
from warta import PIPELINE_VERSION
from warta.reprocess import reprocess, version_key
from warta.runner import run_all


def _age_the_warehouse(warehouse: Path) -> None:
    """Pretend an older pipeline, which found no quotes, made every document."""
    con = duckdb.connect(str(warehouse / "warta.duckdb"))
    con.execute("DELETE FROM quotes")
    con.execute("UPDATE documents SET pipeline_version = '0.0.1', body_text = body_text")
    con.close()


def test_versions_compare_numerically() -> None:
    assert version_key("0.10.0") > version_key("0.9.3") > version_key("0.9")


def test_reprocess_restores_what_an_older_pipeline_missed(seed_inbox: Path,
                                                          warehouse: Path) -> None:
    run_all(seed_inbox, warehouse, date(2026, 11, 29), settle_seconds=0)
    clean = query(warehouse, "SELECT doc_id, quote_no, kind, speaker_entity_id, char_start "
                              "FROM quotes ORDER BY ALL")
    _age_the_warehouse(warehouse)
    done = reprocess(warehouse, seed_inbox)
    assert done == {"stale": 1, "reprocessed": 1, "reread_from_inbox": 1, "runs_republished": 1}
    assert query(warehouse, "SELECT doc_id, quote_no, kind, speaker_entity_id, char_start "
                             "FROM quotes ORDER BY ALL") == clean
    assert query(warehouse, "SELECT DISTINCT pipeline_version FROM documents") == [
        (PIPELINE_VERSION,)]
    parquet = warehouse / "parquet" / "quotes"
    [(published,)] = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{parquet}/*/*.parquet')").fetchall()
    assert published == len(clean)


def test_reprocess_without_the_raw_file_uses_the_stored_body(seed_inbox: Path,
                                                             warehouse: Path) -> None:
    run_all(seed_inbox, warehouse, date(2026, 11, 29), settle_seconds=0)
    sentences = query(warehouse, "SELECT count(*) FROM sentences")
    _age_the_warehouse(warehouse)
    for path in seed_inbox.iterdir():
        path.unlink()
    done = reprocess(warehouse, seed_inbox)
    assert done["reprocessed"] == 1 and done["reread_from_inbox"] == 0
    assert query(warehouse, "SELECT count(*) FROM sentences") == sentences
    assert query(warehouse, "SELECT count(*) FROM quotes")[0][0] > 0
    assert query(warehouse, "SELECT outlet, dateline_city, editor_codes, published_date_source "
                             "FROM documents") == [("Pahami.id", "Jakarta", ["blq", "dna"],
                                                    "inferred")]


def test_an_up_to_date_warehouse_has_nothing_to_reprocess(seed_inbox: Path,
                                                          warehouse: Path) -> None:
    run_all(seed_inbox, warehouse, date(2026, 11, 29), settle_seconds=0)
    assert reprocess(warehouse, seed_inbox)["stale"] == 0
