"""Ingest: discovery of new (path, content) pairs and reading every supported format."""

from __future__ import annotations

import gzip
import json
import threading
import time
from pathlib import Path

import pytest
from warta.ingest import UnreadableFile, discover_inbox, format_of, read_records
from warta.model import RawRecord, RejectedRecord, SourceFile

ARTICLE = (
    "Jakarta, CNN Indonesia -- Bank Indonesia (BI) menahan suku bunga acuan di level 6 persen "
    "pada Rapat Dewan Gubernur, Rabu (20/11).\n"
    "\"Keputusan ini konsisten dengan upaya menjaga stabilitas nilai tukar rupiah,\" kata "
    "Gubernur BI Perry Warjiyo di Jakarta.\n(fby/sfr)"
)


def _source(path: Path, fmt: str) -> SourceFile:
    return SourceFile(path.name, "0" * 64, path.stat().st_size, fmt)


def _read(path: Path, fmt: str) -> list[RawRecord | RejectedRecord]:
    return list(read_records(path, _source(path, fmt)))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", "txt"), ("b.MD", "md"), ("c.htm", "html"), ("d.jsonl", "jsonl"),
     ("e.csv.gz", "csv+gz"), ("f.txt.gz", "txt+gz"), ("g.docx", None), ("h.gz", None)],
)
def test_format_comes_from_the_name_including_gzip(name: str, expected: str | None) -> None:
    assert format_of(name) == expected


def test_discovery_ignores_hidden_and_partial_files(tmp_path: Path) -> None:
    (tmp_path / "berita.txt").write_text(ARTICLE)
    (tmp_path / ".draft.txt").write_text(ARTICLE)
    (tmp_path / "unduhan.txt.part").write_text(ARTICLE)
    (tmp_path / "sementara.tmp").write_text(ARTICLE)
    found = discover_inbox(tmp_path, set(), {}, settle_seconds=0)
    assert [f.source.path for f in found.new_files] == ["berita.txt"]


def test_a_known_path_and_hash_is_not_new_but_changed_content_is(tmp_path: Path) -> None:
    article = tmp_path / "berita.txt"
    article.write_text(ARTICLE)
    first = discover_inbox(tmp_path, set(), {}, settle_seconds=0).new_files[0].source
    again = discover_inbox(tmp_path, {(first.path, first.sha256)}, {}, settle_seconds=0)
    assert again.new_files == [] and again.unchanged == 1
    article.write_text(ARTICLE + "\nKoreksi: judul diperbarui.")
    changed = discover_inbox(tmp_path, {(first.path, first.sha256)}, {}, settle_seconds=0)
    assert [f.source.path for f in changed.new_files] == ["berita.txt"]
    assert changed.new_files[0].source.file_id != first.file_id


def test_same_content_under_two_names_is_a_file_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "salinan").mkdir()
    (tmp_path / "salinan" / "b.txt").write_text(ARTICLE)
    files = discover_inbox(tmp_path, set(), {}, settle_seconds=0).new_files
    assert files[0].duplicate_of_file_id is None
    assert files[1].duplicate_of_file_id == files[0].source.file_id


def test_a_file_growing_during_discovery_waits_for_the_next_run(tmp_path: Path) -> None:
    growing = tmp_path / "sedang-ditulis.jsonl"
    growing.write_text("{}\n")

    def keep_writing() -> None:
        time.sleep(0.2)
        with growing.open("a") as handle:
            handle.write(json.dumps({"content": ARTICLE}) + "\n")

    writer = threading.Thread(target=keep_writing)
    writer.start()
    found = discover_inbox(tmp_path, set(), {}, settle_seconds=0.6)
    writer.join()
    assert found.new_files == [] and found.deferred == ["sedang-ditulis.jsonl"]


def test_a_symlink_leading_outside_the_inbox_is_refused(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    secret = tmp_path / "passwd.txt"
    secret.write_text("root:x:0:0")
    (inbox / "tautan.txt").symlink_to(secret)
    found = discover_inbox(inbox, set(), {}, settle_seconds=0).new_files
    assert len(found) == 1 and "symlink" in (found[0].refusal or "")


def test_cnn_crawl_csv_columns_are_recognised(tmp_path: Path) -> None:
    path = tmp_path / "inflasi.csv"
    path.write_text(
        "Title,Scrapping Date,Article Date,Author,Link,Content\n"
        f'"BI Tahan Suku Bunga",2024-11-20T10:00:00Z,"Rabu, 20 Nov 2024 14:05 WIB",(fby/sfr),'
        f'https://www.cnnindonesia.com/ekonomi/1,"{ARTICLE.replace(chr(34), chr(34) * 2)}"\n'
    )
    [record] = _read(path, "csv")
    assert isinstance(record, RawRecord)
    assert record.title == "BI Tahan Suku Bunga"
    assert record.published_raw == "Rabu, 20 Nov 2024 14:05 WIB"
    assert record.url == "https://www.cnnindonesia.com/ekonomi/1"
    assert record.body.startswith("Jakarta, CNN Indonesia --") and record.record_no == 1


def test_csv_row_with_the_wrong_number_of_fields_is_rejected_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "detik.csv"
    path.write_text(
        "id,judul,tautan,tanggal,isi_berita\n"
        f'1,Judul,https://news.detik.com/x,11/22/2024 10:05,"{ARTICLE.replace(chr(34), "")}"\n'
        "2,Judul kedua,https://news.detik.com/y\n"
    )
    records = _read(path, "csv")
    assert isinstance(records[0], RawRecord) and records[0].published_raw == "11/22/2024 10:05"
    assert isinstance(records[1], RejectedRecord)
    assert records[1].record_no == 2 and "row 2" in records[1].reason


def test_jsonl_bad_line_is_rejected_and_good_lines_load(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    good = json.dumps({"judul": "A", "isi": ARTICLE, "tautan": "https://x.id/a"})
    path.write_text(f"{good}\n{{\"judul\": \"B\", \"isi\": \"terpotong\n{good}\n")
    records = _read(path, "jsonl")
    assert [type(r).__name__ for r in records] == ["RawRecord", "RejectedRecord", "RawRecord"]
    assert records[1].record_no == 2 and "line 2" in records[1].reason
    assert records[2].record_no == 3


def test_json_that_is_not_an_object_or_list_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "angka.json"
    path.write_text("42")
    with pytest.raises(UnreadableFile, match="not an article"):
        _read(path, "json")


def test_gzip_is_read_and_a_truncated_gzip_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "berita.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode(), mtime=0))
    [record] = _read(path, "txt+gz")
    assert record.body == ARTICLE
    path.write_bytes(gzip.compress(ARTICLE.encode(), mtime=0)[:40])
    with pytest.raises(UnreadableFile, match="truncated gzip"):
        _read(path, "txt+gz")


def test_gzip_bomb_stops_at_the_decompression_limit(tmp_path: Path) -> None:
    from warta.config import Limits

    path = tmp_path / "bom.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    source = SourceFile(path.name, "0" * 64, path.stat().st_size, "txt+gz")
    with pytest.raises(UnreadableFile, match="max_decompressed_bytes"):
        list(read_records(path, source, Limits(max_decompressed_bytes=1_000_000)))


@pytest.mark.parametrize(
    ("payload", "reason"),
    [(b"", "empty file"), (b"  \n\t\n", "whitespace only"),
     (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
     (b"\x7fELF\x02\x01\x01" + bytes(200), "ELF executable")],
)
def test_files_without_text_are_unreadable_with_a_reason(tmp_path: Path, payload: bytes,
                                                         reason: str) -> None:
    path = tmp_path / "rusak.txt"
    path.write_bytes(payload)
    with pytest.raises(UnreadableFile, match=reason):
        _read(path, "txt")


def test_cp1252_text_is_decoded_with_its_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "tempo.txt"
    text = ("TEMPO.CO, Jakarta - \u201cKami sudah menyiapkan anggaran Rp 5 miliar\u201d, "
            "kata Kepala Dinas di kafe \u00e9lite itu \u2013 katanya, pada Senin.")
    path.write_bytes(text.encode("cp1252"))
    [record] = _read(path, "txt")
    assert record.body == text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    [record] = _read(path, "txt")
    assert record.body == ARTICLE


def test_kompas_markdown_metadata_table_is_metadata_not_body(tmp_path: Path) -> None:
    path = tmp_path / "kompas.md"
    path.write_text(
        "# Banjir Rendam Ratusan Rumah di Bogor\n\n"
        "Banjir merendam ratusan rumah di Kabupaten Bogor, Jawa Barat.\n\n"
        "| Field       | Value |\n|-------------|-------|\n"
        "| title       | Banjir Rendam Ratusan Rumah di Bogor |\n"
        "| description | Banjir merendam ratusan rumah di Kabupaten Bogor, Jawa Barat. |\n"
        "| urlshort    | http://kmp.im/AbC123 |\n| author      | Ruby Rachmadina |\n"
        "| editor      | Dita Angga |\n\n"
        "**BOGOR, KOMPAS.com** - Banjir merendam ratusan rumah di Kabupaten Bogor, Selasa.\n"
    )
    [record] = _read(path, "md")
    assert record.title == "Banjir Rendam Ratusan Rumah di Bogor"
    assert record.url == "http://kmp.im/AbC123"
    assert record.author == "Ruby Rachmadina" and record.editor == "Dita Angga"
    assert record.body.startswith("**BOGOR, KOMPAS.com**")
    assert "| title" not in record.body


def test_an_editor_code_in_the_author_column_is_not_an_author() -> None:
    from warta.pipeline import _person_or_none

    assert _person_or_none("(skt/agt)") is None
    assert _person_or_none("Tidak Diketahui") is None
    assert _person_or_none("Nur Jamal Shaid") == "Nur Jamal Shaid"


def test_the_outlet_or_its_desk_in_the_author_column_is_not_an_author() -> None:
    from warta.pipeline import _person_or_none

    for desk in ("CNN Indonesia", "Kompas.com", "Tim detikcom", "Redaksi"):
        assert _person_or_none(desk) is None, desk


def test_a_news_api_dump_is_read_with_its_publication_time(tmp_path: Path) -> None:
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps({"status": "ok", "articles": [
        {"source": {"name": "CNN Indonesia"}, "author": "CNN Indonesia", "title": "BI Tahan",
         "url": "https://www.cnnindonesia.com/ekonomi/x", "publishedAt": "2024-11-20T08:30:00Z",
         "content": ARTICLE}]}))
    [record] = _read(path, "json")
    assert (record.body, record.published_raw) == (ARTICLE, "2024-11-20T08:30:00Z")


def test_a_crawled_title_loses_the_site_name_the_page_title_carried(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"judul": "BI Tahan Suku Bunga di 6 Persen - CNBC Indonesia",
                                "isi": ARTICLE}) + "\n")
    [record] = _read(path, "jsonl")
    assert record.title == "BI Tahan Suku Bunga di 6 Persen"


def test_a_news_please_record_is_read_by_its_own_field_names(tmp_path: Path) -> None:
    path = tmp_path / "newsplease.json"
    path.write_text(json.dumps({
        "authors": ["Fauzi Noviandi", "Ravianto"], "date_publish": "2024-11-23 16:40:00",
        "maintext": ARTICLE, "title": "BI Tahan Suku Bunga",
        "url": "https://www.cnnindonesia.com/ekonomi/x", "language": "id"}))
    [record] = _read(path, "json")
    assert record.body == ARTICLE
    assert (record.author, record.published_raw) == ("Fauzi Noviandi, Ravianto",
                                                     "2024-11-23 16:40:00")
    assert record.url == "https://www.cnnindonesia.com/ekonomi/x"


READER_SERVICE_MD = """Title: BI Tahan Suku Bunga di 6 Persen

URL Source: https://www.cnnindonesia.com/ekonomi/20241120-1/bi-tahan-suku-bunga

Published Time: 2024-11-20T15:30:00+07:00

Markdown Content:
""" + ARTICLE

FRONT_MATTER_MD = """---
title: "BI Tahan Suku Bunga di 6 Persen"
date: 2024-11-20T15:30:00+07:00
url: https://www.cnnindonesia.com/ekonomi/20241120-1/bi-tahan-suku-bunga
author: Fauzi Noviandi
tags: [bi, suku bunga]
---

""" + ARTICLE


@pytest.mark.parametrize("text", [READER_SERVICE_MD, FRONT_MATTER_MD])
def test_markdown_header_lines_are_metadata_not_body(tmp_path: Path, text: str) -> None:
    path = tmp_path / "artikel.md"
    path.write_text(text)
    [record] = _read(path, "md")
    assert record.body == ARTICLE
    assert record.title == "BI Tahan Suku Bunga di 6 Persen"
    assert record.url == "https://www.cnnindonesia.com/ekonomi/20241120-1/bi-tahan-suku-bunga"
    assert record.published_raw == "2024-11-20T15:30:00+07:00"


def test_a_markdown_body_that_merely_starts_with_a_rule_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "garis.md"
    path.write_text("---\n\n" + ARTICLE)
    [record] = _read(path, "md")
    assert "Bank Indonesia (BI) menahan suku bunga" in record.body


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_spreadsheet_exports_with_semicolons_or_tabs_are_read(tmp_path: Path,
                                                              delimiter: str) -> None:
    path = tmp_path / "ekspor.csv"
    body = ARTICLE.replace('"', '""')
    path.write_text(f"judul{delimiter}isi{delimiter}harga\n"
                    f'BI Tahan Suku Bunga{delimiter}"{body}"{delimiter}6,25\n')
    [record] = _read(path, "csv")
    assert (record.title, record.body) == ("BI Tahan Suku Bunga", ARTICLE)
