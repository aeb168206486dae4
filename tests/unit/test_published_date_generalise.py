"""The publication date of an article whose metadata gives none, read from its own text.

Outlets state the day of their news with its weekday ("Jumat (11/7/2025)"), announce schedules
("berlaku mulai 1 Agustus 2025", "akan digelar Senin (14/7/2025)") and recall earlier events; only
the first kind dates the article. Measured on the shared detik, CNN Indonesia and Kompas crawls,
whose metadata (or URL) dates are the truth, the latest weekday date agrees best.
"""

from __future__ import annotations

from datetime import date

import pytest
from warta.extract import urls
from warta.ingest import read_records
from warta.model import DateSource, Document, RawRecord, SourceFile
from warta.pipeline import process_record

RUN_DATE = date(2026, 11, 29)


def published(body: str, published_raw: str | None = None) -> Document:
    document = process_record(RawRecord("f", 1, body, published_raw=published_raw), RUN_DATE)
    assert isinstance(document, Document)
    return document


TARIFF = (
    "JAKARTA, KOMPAS.com - Pemerintah Amerika Serikat resmi menetapkan tarif impor 32 persen "
    "untuk produk Indonesia, Jumat (11/7/2025).\n\n"
    "Tarif berlaku mulai 1 Agustus 2025 dan berlaku untuk hampir semua produk ekspor.\n\n"
    "Menteri Koordinator Bidang Perekonomian Airlangga Hartarto mengatakan pemerintah masih "
    "membuka ruang negosiasi hingga 31 Juli 2025."
)


def test_a_tariff_taking_effect_next_month_does_not_date_the_article():
    document = published(TARIFF)
    assert document.published_date == date(2025, 7, 11)
    assert document.published_date_source is DateSource.ARTICLE


@pytest.mark.parametrize(
    "schedule",
    [
        "Sidang lanjutan akan digelar pada Senin (14/7/2025).",
        "Sidang lanjutan dijadwalkan pada Senin (14/7/2025) pukul 10.00 WIB.",
        "Pendaftaran dibuka hingga Senin (14/7/2025).",
        "Keputusan itu berlaku per Senin (14/7/2025) mendatang.",
        "Kedua pihak kini menunggu putusan sela pada Senin (14/7/2025).",
        "Batas akhir pelunasan biaya haji adalah 14 Juli 2025.",
        "Pameran itu dibuka untuk umum pada 12 - 20 Juli 2025.",
    ],
)
def test_a_date_announced_ahead_never_wins(schedule):
    body = (
        "Majelis hakim Pengadilan Negeri Jakarta Selatan menunda sidang perkara itu pada Jumat "
        f"(11/7/2025).\n\n{schedule}"
    )
    assert published(body).published_date == date(2025, 7, 11)


def test_a_past_date_marked_lalu_is_not_taken_for_a_schedule():
    body = (
        "Polisi masih memburu pelaku pencurian yang beraksi di Pasar Minggu pada Senin "
        "(7/7/2025) lalu, kata Kapolsek, Jumat (11/7/2025).\n\n"
        "Pelaku akan dijerat pasal pencurian dengan pemberatan."
    )
    assert published(body).published_date == date(2025, 7, 11)


def test_the_day_a_reporter_heard_the_statement_beats_the_earlier_event_in_the_lead():
    body = (
        "Kebakaran melanda permukiman padat di Kelurahan 9 Ilir, Palembang, pada Jumat "
        "(17/10/2025) sekitar pukul 15.30 WIB.\n\n"
        '"Penyebabnya masih kami selidiki," ungkap Kapolrestabes Palembang Kombes Harryo '
        "Sugihhartono saat ditemui, Selasa (21/10/2025)."
    )
    assert published(body).published_date == date(2025, 10, 21)


def test_hari_ini_marks_the_day_of_writing():
    body = (
        "Bank Indonesia hari ini, Rabu (16/7/2025), mengumumkan suku bunga acuan turun 25 basis "
        "poin.\n\nRapat Dewan Gubernur berikutnya digelar Kamis (21/8/2025)."
    )
    assert published(body).published_date == date(2025, 7, 16)


def test_a_dateline_with_its_date_dates_the_article():
    body = (
        "SURABAYA, Senin (14/7/2025) - Ribuan buruh menggelar aksi di depan Gedung Negara "
        "Grahadi. Aksi lanjutan rencananya digelar Kamis (17/7/2025)."
    )
    assert published(body).published_date == date(2025, 7, 14)


def test_yearless_weekday_dates_take_the_year_the_article_names():
    # 3 March fell on a Tuesday in 2015, 2020 and 2026; the article is about 2015 inflation
    body = (
        "Badan Pusat Statistik (BPS) mencatat inflasi Februari 2015 sebesar minus 0,36 persen, "
        "Selasa (3/3).\n\nDeflasi itu terutama didorong turunnya harga bensin sejak Januari 2015."
    )
    document = published(body)
    assert document.published_date == date(2015, 3, 3)
    assert document.date_mentions[0].resolved_date == date(2015, 3, 3)


def test_without_year_clues_a_yearless_weekday_date_is_the_latest_before_the_run():
    body = (
        "Harga emas batangan produksi PT Aneka Tambang naik Rp 5.000 per gram pada perdagangan "
        "Selasa (3/3). Harga pembelian kembali juga ikut naik ke level tertingginya."
    )
    assert published(body).published_date == date(2026, 3, 3)


def test_an_article_that_only_announces_dates_has_no_publication_date():
    body = (
        "Pemerintah memastikan tarif listrik untuk pelanggan rumah tangga akan naik mulai "
        "1 Januari 2026. Kenaikan itu berlaku hingga 31 Maret 2026."
    )
    document = published(body)
    assert document.published_date is None
    assert document.published_date_source is None


def test_metadata_still_wins_over_the_text():
    document = published(TARIFF, published_raw="2025-07-12T08:00:00+07:00")
    assert document.published_date == date(2025, 7, 12)
    assert document.published_date_source is DateSource.METADATA


def test_a_date_stamped_file_name_dates_an_article_whose_fields_give_none(tmp_path):
    """Crawlers name single-article files by the outlet's id ("xml.2025.11.01.190000221.md");
    that day is metadata, and wins over a later day the text announces."""
    body = (
        "JAKARTA, KOMPAS.com - Badan Pengelola Tapera menyiapkan tabungan berkontrak yang "
        "bersifat sukarela.\n\nSkema itu akan diumumkan Senin (3/11/2025) di Jakarta."
    )
    path = tmp_path / "xml.2025.11.01.190000221.md"
    path.write_text(f"# Tabungan Berkontrak\n\n{body}\n", encoding="utf-8")
    source = SourceFile(path.name, "0" * 64, path.stat().st_size, "md")
    [record] = read_records(path, source)
    document = process_record(record, RUN_DATE)
    assert document.published_date == date(2025, 11, 1)
    assert document.published_date_source is DateSource.METADATA


def test_a_date_in_a_dump_file_name_does_not_date_its_rows(tmp_path):
    """A CSV or JSONL dump named by day holds rows of many days: the name dates none of them."""
    path = tmp_path / "berita-2025-06-01.jsonl"
    path.write_text('{"judul": "A", "isi": "Warga Desa Sukamaju bergotong royong."}\n')
    source = SourceFile(path.name, "0" * 64, path.stat().st_size, "jsonl")
    [record] = read_records(path, source)
    assert record.file_name is None


AFTER_THE_MATCH = (
    "JAKARTA, KOMPAS.com - Pelatih Timnas Indonesia mengaku puas dengan permainan anak asuhnya "
    "saat menang 1-0 atas China di Stadion Utama Gelora Bung Karno, Minggu (1/6/2025).\n\n"
    "Laga berikutnya akan digelar di Jepang pada Selasa (10/6/2025)."
)
MARKDOWN = f"# Timnas puas\n\n{AFTER_THE_MATCH}\n"


def _single_article(tmp_path, relative: str, text: str) -> Document:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    source = SourceFile(relative, "0" * 64, path.stat().st_size, path.suffix.lstrip("."))
    [record] = read_records(path, source)
    document = process_record(record, RUN_DATE)
    assert isinstance(document, Document)
    return document


def test_a_crawl_day_folder_dates_an_article_whose_fields_give_none(tmp_path):
    """Reported on Monday, about Sunday's match: the text alone says Sunday, the crawler's day
    folder says the day it was filed, which is the publication day far more often."""
    document = _single_article(tmp_path, "02Jun2025/timnas-puas.md", MARKDOWN)
    assert document.published_date == date(2025, 6, 2)
    assert document.published_date_source is DateSource.METADATA


def test_without_a_day_folder_the_text_dates_the_article(tmp_path):
    document = _single_article(tmp_path, "kompas/timnas-puas.md", MARKDOWN)
    assert document.published_date == date(2025, 6, 1)
    assert document.published_date_source is DateSource.ARTICLE


def test_the_url_filing_day_wins_over_the_day_folder(tmp_path):
    page = (
        "<html><head><title>Timnas puas</title>"
        '<link rel="canonical" href="https://bola.kompas.com/read/2025/06/01/231500/timnas-puas">'
        f"</head><body><article><p>{AFTER_THE_MATCH.replace(chr(10) * 2, '</p><p>')}</p>"
        "</article></body></html>"
    )
    document = _single_article(tmp_path, "2025-06-02/timnas-puas.html", page)
    assert document.published_date == date(2025, 6, 1)
    assert document.published_date_source is DateSource.METADATA


def test_a_day_folder_after_the_run_date_is_not_believed(tmp_path):
    document = _single_article(tmp_path, "2027-01-05/timnas-puas.txt", AFTER_THE_MATCH)
    assert document.published_date == date(2025, 6, 1)
    assert document.published_date_source is DateSource.ARTICLE


def test_a_dump_in_a_day_folder_does_not_date_its_rows(tmp_path):
    """A CSV dump filed on one day holds rows of many days: the folder dates none of them."""
    path = tmp_path / "2025-06-02" / "berita.jsonl"
    path.parent.mkdir()
    path.write_text('{"judul": "A", "isi": "Warga Desa Sukamaju bergotong royong."}\n')
    source = SourceFile("2025-06-02/berita.jsonl", "0" * 64, path.stat().st_size, "jsonl")
    [record] = read_records(path, source)
    assert record.folder is None


@pytest.mark.parametrize(
    ("folder", "day"),
    [
        ("02Jun2025", date(2025, 6, 2)),
        ("2025-06-02", date(2025, 6, 2)),
        ("20250602", date(2025, 6, 2)),
        ("2025/06/02", date(2025, 6, 2)),
        ("crawl_2025.06.02", date(2025, 6, 2)),
        ("kompas/2-Juni-2025", date(2025, 6, 2)),
        ("17 Agustus 2025", date(2025, 8, 17)),
        ("kompas/2025-06/02Jun2025", date(2025, 6, 2)),
        ("01Nov2025/nasional/03Nov2025", date(2025, 11, 3)),
    ],
)
def test_day_folders_as_crawlers_name_them(folder, day):
    assert urls.filing_date_in_folder(folder) == day


@pytest.mark.parametrize(
    "folder",
    [".", "", "kompas", "2025-06", "02-06-2025", "02Junk2025", "31Feb2025", "2025-13-01",
     "1990-01-01", "arsip/v20250602x"],
)
def test_folders_that_name_no_day_give_none(folder):
    assert urls.filing_date_in_folder(folder) is None
