"""`warta run` end to end: the seed article, the three shared crawls, reruns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import GOLD, SHARED
from conftest import query_warehouse as query
from warta.runner import run_all

RUN_DATE = date(2026, 11, 29)
NOISE = ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Lihat Juga :", "@import",
         "function paraA", "## Ringkasan", "[Gambas:")




def test_seed_article_becomes_one_fully_framed_document(seed_inbox: Path, warehouse: Path):
    gold = json.loads(GOLD.read_text())
    run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    [(doc_id, outlet, city, codes, published, source, body)] = query(
        warehouse, "SELECT doc_id, outlet, dateline_city, editor_codes, published_date, "
        "published_date_source, body_text FROM documents")
    assert (outlet, city, codes) == (gold["outlet"], gold["dateline_city"], gold["editor_codes"])
    assert (published.isoformat(), source) == (gold["published_date"],
                                               gold["published_date_source"])
    assert not body.startswith("Jakarta, Pahami.id") and not body.endswith("(blq/dna)")
    [(paragraphs,)] = query(warehouse, "SELECT count(*) FROM paragraphs")
    [(sentences,)] = query(warehouse, "SELECT count(*) FROM sentences")
    assert (paragraphs, sentences) == (gold["paragraphs"], gold["sentences"])
    resolved = query(warehouse, "SELECT surface, resolved_date::VARCHAR FROM date_mentions "
                                 "WHERE surface LIKE '%(%/%)' ORDER BY char_start")
    assert resolved == [("Jumat (21/6)", "2024-06-21"), ("Kamis (20/6)", "2024-06-20"),
                        ("Rabu (19/6)", "2024-06-19")]


def test_rerun_adds_nothing_and_a_new_file_is_picked_up(seed_inbox: Path, warehouse: Path):
    run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    counts = query(warehouse, "SELECT (SELECT count(*) FROM documents), "
                               "(SELECT count(*) FROM sentences), (SELECT count(*) FROM records)")
    second = run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    assert second["files_seen"] == 0
    assert query(warehouse, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM "
                             "sentences), (SELECT count(*) FROM records)") == counts
    (seed_inbox / "susulan.txt").write_text(
        "Surabaya, CNN Indonesia --\nWali Kota Surabaya Eri Cahyadi meresmikan rute baru bus "
        "Suroboyo pada Senin (25/11). Rute itu menghubungkan Terminal Purabaya dengan "
        "Pelabuhan Tanjung Perak.\n\"Warga bisa naik gratis selama sepekan,\" kata Eri.\n(frd/agt)"
    )
    third = run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    assert (third["files_seen"], third["documents"]) == (1, 1)


def test_warta_cli_run_exits_zero_and_prints_the_summary(seed_inbox: Path, warehouse: Path):
    (seed_inbox / "kosong.txt").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "warta.cli", "run", "--inbox", str(seed_inbox), "--warehouse",
         str(warehouse), "--run-date", "2026-11-29", "--settle-seconds", "0"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "quarantined" in result.stdout and "documents" in result.stdout
    queried = subprocess.run(
        [sys.executable, "-m", "warta.cli", "query", "--warehouse", str(warehouse),
         "SELECT reason FROM source_files WHERE status = 'quarantined'"],
        capture_output=True, text=True, check=True,
    )
    assert "empty file" in queried.stdout


@pytest.fixture(scope="module")
def crawl_warehouse(tmp_path_factory) -> Path:
    """All three shared crawls, copied into a scratch inbox (never into the project)."""
    inbox = tmp_path_factory.mktemp("crawls") / "inbox"
    shutil.copytree(SHARED / "corpora", inbox, ignore=shutil.ignore_patterns("SOURCE.txt"))
    warehouse = inbox.parent / "warehouse"
    counts = run_all(inbox, warehouse, RUN_DATE, workers=2, settle_seconds=0)
    print("\nshared crawls:", json.dumps(counts))
    for status, n in query(warehouse, "SELECT status, count(*) FROM records GROUP BY ALL "
                                       "ORDER BY ALL"):
        print(f"  records {status}: {n}")
    return warehouse


def _csv_rows(path: Path) -> int:
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


@pytest.mark.integration
def test_every_crawl_record_is_accounted_for(crawl_warehouse: Path):
    expected = sum(_csv_rows(p) for p in (SHARED / "corpora").rglob("*.csv"))
    expected += len(list((SHARED / "corpora" / "kompas").rglob("*.md")))
    [(records,)] = query(crawl_warehouse, "SELECT count(*) FROM records")
    assert records == expected
    [(quarantined,)] = query(crawl_warehouse,
                              "SELECT count(*) FROM source_files WHERE status <> 'loaded'")
    assert quarantined == 0


@pytest.mark.integration
def test_repeated_crawl_articles_are_duplicates_and_video_pages_rejected(crawl_warehouse: Path):
    [(duplicates,)] = query(crawl_warehouse,
                             "SELECT count(*) FROM records WHERE status = 'duplicate'")
    assert duplicates >= 3526 - 3293 - 83  # CNN rows repeating a link, beyond the video pages
    [(video_rejected,)] = query(crawl_warehouse, """
        SELECT count(*) FROM records r JOIN source_files f USING (file_id)
        WHERE r.status = 'rejected' AND f.path LIKE 'cnnindonesia/%'""")
    assert video_rejected >= 85


@pytest.mark.integration
@pytest.mark.parametrize("marker", NOISE)
def test_no_body_keeps_crawl_noise(crawl_warehouse: Path, marker: str):
    [(leaks,)] = query(crawl_warehouse,
                        "SELECT count(*) FROM documents WHERE contains(body_text, ?)", [marker])
    assert leaks == 0


@pytest.mark.integration
def test_cnn_editor_codes_are_found_wherever_the_crawl_has_them(crawl_warehouse: Path):
    [(with_code, found)] = query(crawl_warehouse, r"""
        SELECT count(*) FILTER (WHERE regexp_matches(body_text, '\(\w{2,4}/\w{2,4}\)\s*$')
                                 OR len(editor_codes) > 0),
               count(*) FILTER (WHERE len(editor_codes) > 0)
        FROM documents WHERE outlet = 'CNN Indonesia'""")
    assert found == with_code and found > 2500


def test_a_republished_copy_arriving_later_points_to_the_stored_original(
    seed_inbox: Path, warehouse: Path
):
    run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    seed_text = next(seed_inbox.iterdir()).read_text()
    copy = seed_text.replace("Jakarta, Pahami.id —", "Jakarta, CNN Indonesia --").replace(
        "(blq/dna)", "(isn/agt)").replace(
        "Mereka juga sepakat untuk memantau secara dekat situasi saat ini.",
        "Keduanya sepakat terus memantau perkembangan situasi.")
    (seed_inbox / "cnn-copy.txt").write_text(copy)
    run_all(seed_inbox, warehouse, date(2026, 11, 30), settle_seconds=0)
    rows = query(warehouse, "SELECT outlet, duplicate_of IS NOT NULL, run_date::VARCHAR "
                             "FROM documents ORDER BY run_date")
    assert len(rows) == 2
    (_, first_is_copy, _), (_, second_is_copy, _) = rows
    assert first_is_copy != second_is_copy  # exactly one of them points to the other
    [(target,)] = query(warehouse, "SELECT duplicate_of FROM documents "
                                    "WHERE duplicate_of IS NOT NULL")
    assert query(warehouse, "SELECT count(*) FROM documents WHERE doc_id = ?", [target]) == [(1,)]


def test_warta_tag_writes_one_bio_tag_per_token(tmp_path: Path):
    source = tmp_path / "in.conll"
    source.write_text("Presiden O\nJoko B-PERSON\nWidodo I-PERSON\nke O\nSurabaya B-PLACE\n"
                      ". O\n\nBank B-ORGANISATION\nIndonesia I-ORGANISATION\n")
    target = tmp_path / "out.conll"
    result = subprocess.run([sys.executable, "-m", "warta.cli", "tag", str(source), str(target)],
                            capture_output=True, text=True, check=True)
    assert "2 sentences" in result.stdout
    lines = target.read_text().split("\n")
    tagged = [line.split() for line in lines if line]
    assert [row[0] for row in tagged] == ["Presiden", "Joko", "Widodo", "ke", "Surabaya", ".",
                                          "Bank", "Indonesia"]
    assert all(row[-1] == "O" or row[-1][:2] in {"B-", "I-"} for row in tagged)
    assert [row[-1] for row in tagged][1:3] == ["B-PER", "I-PER"]
    assert lines.count("") >= 2  # sentence breaks kept


def test_checks_catch_a_repeated_key(seed_inbox: Path, warehouse: Path):
    from warta import load

    counts = run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    con = load.connect(warehouse)
    try:
        assert load.check_run(con, counts["run_id"]) == []
        con.execute("INSERT INTO sentences SELECT * FROM sentences WHERE sentence_no = 1")
        problems = load.check_run(con, counts["run_id"])
    finally:
        con.close()
    assert problems == ["1 sentences rows repeat a key (c.doc_id, c.sentence_no)"]


def test_a_document_whose_offsets_miss_its_body_is_rejected_and_the_night_goes_on(
        seed_inbox: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch):
    import dataclasses

    from warta import runner

    (seed_inbox / "kedua.txt").write_text(
        "Surabaya, CNN Indonesia --\nWali Kota Surabaya Eri Cahyadi meresmikan rute baru bus "
        "Suroboyo pada Senin (25/11). Rute itu menghubungkan Terminal Purabaya dengan "
        "Pelabuhan Tanjung Perak.\n\"Warga bisa naik gratis selama sepekan,\" kata Eri.\n(frd/agt)")
    real_process_record = runner.process_record

    def shifting_date_mentions(raw, run_date):
        document = real_process_record(raw, run_date)
        if "Eri Cahyadi" in getattr(document, "body_text", ""):
            mention = document.date_mentions[0]
            document.date_mentions[0] = dataclasses.replace(
                mention, char_start=mention.char_start + 1, char_end=mention.char_end + 1)
        return document

    monkeypatch.setattr(runner, "process_record", shifting_date_mentions)
    counts = run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    assert counts["documents"] == 1  # the seed article
    [(reason,)] = query(warehouse, "SELECT reason FROM records WHERE status = 'rejected'")
    assert reason == ("record 1: extraction error: "
                      "1 date mentions whose offsets do not match the body")


def _bands_per_document(warehouse: Path) -> list[tuple]:
    return query(warehouse, "SELECT DISTINCT count(*) OVER (PARTITION BY doc_id), "
                            "(SELECT count(*) FROM documents) FROM document_bands")


def test_each_document_keeps_one_row_per_band_across_reruns_and_a_repeated_marking(
    seed_inbox: Path, warehouse: Path
):
    from warta import load
    from warta.extract.dedup import BANDS

    run_all(seed_inbox, warehouse, RUN_DATE, run_id="night-1", settle_seconds=0)
    run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)  # nothing new
    con = load.connect(warehouse)
    try:
        load.mark_near_duplicates(con, "night-1")  # as a retried load would
    finally:
        con.close()
    assert _bands_per_document(warehouse) == [(BANDS, 1)]


def test_a_warehouse_from_before_stored_bands_gets_its_documents_banded_on_opening(
    seed_inbox: Path, warehouse: Path
):
    from warta import load
    from warta.extract.dedup import BANDS

    run_all(seed_inbox, warehouse, RUN_DATE, settle_seconds=0)
    con = load.connect(warehouse)
    con.execute("DROP TABLE document_bands")
    con.execute("UPDATE schema_version SET version = 2")
    con.close()
    load.connect(warehouse).close()
    assert _bands_per_document(warehouse) == [(BANDS, 1)]
