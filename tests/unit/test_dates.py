"""Publication dates from metadata and dated expressions in article bodies."""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from warta.config import shared_dir
from warta.extract import dates
from warta.extract.dates import (
    WIB,
    WITA,
    find_date_mentions,
    infer_published_date,
    parse_published,
    resolve_day_month,
    resolve_weekday_date,
)
from warta.model import DateMention
from warta.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()
RUN_DATE = date(2026, 11, 29)




def at_wib(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


def mentions_of(body: str, published: date | None = None) -> list[DateMention]:
    return find_date_mentions(body, split_sentences(body), published, RUN_DATE)[0]


def resolved_by_surface(body: str, published: date | None = None) -> dict[str, date | None]:
    return {m.surface: m.resolved_date for m in mentions_of(body, published)}


# --- the seed article (acceptance) ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_body() -> str:
    lines = (SHARED / "seed" / "pahami-2024-06-21.txt").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(lines[1:13])


@pytest.fixture(scope="module")
def seed_gold() -> dict:
    return json.loads((SHARED / "gold" / "pahami-2024-06-21.gold.json").read_text("utf-8"))


def test_seed_resolves_exactly_the_gold_dates(seed_body, seed_gold):
    mentions, anchor = find_date_mentions(seed_body, split_sentences(seed_body), None, RUN_DATE)
    resolved = [(m.surface, m.resolved_date.isoformat()) for m in mentions if m.resolved_date]
    assert resolved == [(d["surface"], d["date"]) for d in seed_gold["dates"]]
    assert anchor == date.fromisoformat(seed_gold["published_date"])


def test_seed_hari_ini_inside_putin_quote_stays_unresolved(seed_body, seed_gold):
    # gold dates_note: the quote's "hari ini" is the day of the speech, which the text never states
    unresolved = [m for m in mentions_of(seed_body) if m.resolved_date is None]
    assert [m.surface for m in unresolved] == ["hari ini"]
    assert "hari ini" in seed_gold["dates_note"]


def test_seed_publication_date_is_inferred_from_latest_event(seed_body, seed_gold):
    assert infer_published_date(mentions_of(seed_body)) == date.fromisoformat(
        seed_gold["published_date"]
    )


def test_seed_mentions_point_back_into_the_body_in_text_order(seed_body):
    mentions = mentions_of(seed_body)
    assert all(seed_body[m.char_start : m.char_end] == m.surface for m in mentions)
    assert [m.char_start for m in mentions] == sorted(m.char_start for m in mentions)
    sentences = {s.sentence_no: s for s in split_sentences(seed_body)}
    for m in mentions:
        sentence = sentences[m.sentence_no]
        assert sentence.char_start <= m.char_start < sentence.char_end


# --- metadata strings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected_date", "expected_at"),
    [
        (
            "Jumat, 21 Jan 2022 10:22 WIB",
            date(2022, 1, 21),
            at_wib(2022, 1, 21, 10, 22),
        ),
        ("Rabu, 02 Agu 2017 08:14 WIB", date(2017, 8, 2), at_wib(2017, 8, 2, 8, 14)),
        (
            "Kamis, 5 Agt 2021 19:00 WITA",
            date(2021, 8, 5),
            datetime(2021, 8, 5, 19, 0, tzinfo=WITA),
        ),
        (
            "Senin, 16 Des 2024 | 07:05 WIB",
            date(2024, 12, 16),
            at_wib(2024, 12, 16, 7, 5),
        ),
        ("10/21/2025 20:43", date(2025, 10, 21), at_wib(2025, 10, 21, 20, 43)),
        ("6/3/2025 9:05", date(2025, 6, 3), at_wib(2025, 6, 3, 9, 5)),
        ("2024-06-21", date(2024, 6, 21), None),
        ("21 Juni 2024", date(2024, 6, 21), None),
        ("21 Oktober 2024, 14:30", date(2024, 10, 21), at_wib(2024, 10, 21, 14, 30)),
        ("June 21, 2024", date(2024, 6, 21), None),
        # labels around the date and the update stamp after it: the first publication counts
        ("Diterbitkan 20 November 2024", date(2024, 11, 20), None),
        ("Publikasi: 23/11/2024 08:19", date(2024, 11, 23), at_wib(2024, 11, 23, 8, 19)),
        (
            "Senin, 25 November 2024 | 09:00 WIB Diperbarui: Senin, 25 November 2024 | 10:00 WIB",
            date(2024, 11, 25),
            at_wib(2024, 11, 25, 9, 0),
        ),
    ],
)
def test_parse_published_reads_indonesian_metadata_forms(raw, expected_date, expected_at):
    assert parse_published(raw) == (expected_date, expected_at)


def test_iso_utc_stamp_keeps_its_instant_and_gives_the_jakarta_day():
    day, moment = parse_published("2024-08-19T20:38:47.927Z")
    assert moment == datetime(2024, 8, 19, 20, 38, 47, 927000, tzinfo=dates.UTC)
    assert day == date(2024, 8, 20)  # 03:38 WIB the next morning


def test_epoch_milliseconds_are_read_as_utc():
    day, moment = parse_published("1718947200000")
    assert moment == datetime(2024, 6, 21, 5, 20, tzinfo=dates.UTC)
    assert day == date(2024, 6, 21)


@pytest.mark.parametrize("raw", [None, "", "   ", "tanpa tanggal", "kemarin"])
def test_unparseable_or_relative_metadata_gives_nothing(raw):
    assert parse_published(raw) == (None, None)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cnn_article_dates_parse_on_the_fast_path(monkeypatch):
    def no_dateparser(raw, **_):
        raise AssertionError(f"slow fallback used for {raw!r}")

    # The fallback imports dateparser when it runs: a stand-in module catches it, whether
    # warta.extract.dates is the source or its mypyc build (which calls its own functions
    # directly, past any attribute patched on the module).
    monkeypatch.setitem(sys.modules, "dateparser", SimpleNamespace(parse=no_dateparser))
    rows = [
        row
        for path in sorted((SHARED / "corpora" / "cnnindonesia").glob("*.csv"))
        for row in read_csv(path)
        if row["Article Date"].strip()
    ][:200]
    assert len(rows) == 200
    agree = 0
    for row in rows:
        day, moment = parse_published(row["Article Date"])
        assert day is not None and moment is not None, row["Article Date"]
        assert moment.utcoffset() == timedelta(hours=7)
        # CNN URLs carry the creation stamp (/ekonomi/20221027163125-...), usually the same day
        stamp = re.search(r"/(\d{8})\d{6}-", row["Link"])
        assert stamp, row["Link"]
        agree += abs((day - datetime.strptime(stamp[1], "%Y%m%d").date()).days) <= 1
    assert agree >= 190


def test_detik_tanggal_is_month_first():
    rows = read_csv(SHARED / "corpora" / "detik" / "data_berita.csv")
    close = checked = 0
    for row in rows:
        day, moment = parse_published(row["tanggal"])
        month = int(row["tanggal"].split("/")[0])
        assert day is not None and day.month == month and moment is not None
        # the body's own "Selasa (21/10/2025)" dates the news, days before publication at most
        stated = [
            m.resolved_date
            for m in find_date_mentions(row["isi_berita"], [], None, RUN_DATE)[0]
            if m.kind == "explicit" and m.resolved_date
        ]
        if stated:
            checked += 1
            close += any(abs((d - day).days) <= 3 for d in stated)
    assert checked > 500
    assert close / checked > 0.9


# --- dates in the body ------------------------------------------------------------------------


def test_weekday_daymonth_takes_the_year_nearest_publication():
    body = "Harga cabai naik pada Senin (30/12), sehari sebelum pergantian tahun."
    assert resolved_by_surface(body, date(2025, 1, 2))["Senin (30/12)"] == date(2024, 12, 30)


def test_weekday_daymonth_without_publication_takes_latest_matching_year_before_run():
    # 21 June fell on a Friday in 2024 and 2019; 2030 is after the run date
    assert resolve_weekday_date(4, 21, 6, None, RUN_DATE) == date(2024, 6, 21)
    assert resolve_weekday_date(4, 21, 6, None, date(2024, 6, 20)) == date(2019, 6, 21)


def test_explicit_dates_are_read_as_written():
    body = (
        "Rapat digelar Senin (20/10/2025) di Jakarta. Aturan berlaku sejak 1 Januari 2024, "
        "sedangkan revisi terbit 21/6/2024."
    )
    found = {m.surface: (m.resolved_date, m.kind) for m in mentions_of(body)}
    assert found == {
        "Senin (20/10/2025)": (date(2025, 10, 20), "explicit"),
        "1 Januari 2024": (date(2024, 1, 1), "explicit"),
        "21/6/2024": (date(2024, 6, 21), "explicit"),
    }


def test_relative_expressions_resolve_against_publication():
    body = (
        "Polisi menangkap pelaku kemarin. Sidang digelar hari ini dan dilanjutkan besok, "
        "lalu lusa. Korban melapor tiga hari lalu, sepekan setelah rapat pekan lalu. "
        "Menteri tiba Rabu lalu dan akan kembali Kamis mendatang."
    )
    friday = date(2024, 6, 21)
    assert resolved_by_surface(body, friday) == {
        "kemarin": date(2024, 6, 20),
        "hari ini": friday,
        "besok": date(2024, 6, 22),
        "lusa": date(2024, 6, 23),
        "tiga hari lalu": date(2024, 6, 18),
        "pekan lalu": date(2024, 6, 14),
        "Rabu lalu": date(2024, 6, 19),
        "Kamis mendatang": date(2024, 6, 27),
    }


def test_bare_weekday_is_the_latest_such_day_not_after_the_anchor():
    # span as the gold marks it: "hari" belongs to the date, "pada" does not
    body = "Pada hari Jumat, gubernur meninjau banjir. Bantuan tiba pada Senin pagi."
    found = resolved_by_surface(body, date(2024, 6, 21))
    assert found == {"hari Jumat": date(2024, 6, 21), "Senin": date(2024, 6, 17)}


def test_minggu_is_sunday_when_dated_and_a_week_when_lowercase():
    body = "Warga berkumpul Minggu (23/6). Harga beras naik sejak minggu lalu."
    found = resolved_by_surface(body, date(2024, 6, 25))
    assert found == {"Minggu (23/6)": date(2024, 6, 23), "minggu lalu": date(2024, 6, 18)}


def test_relative_dates_inside_direct_quotes_are_left_unresolved():
    body = "“Kami sudah membayar hari ini,” kata Budi. Ia melapor kemarin."
    found = resolved_by_surface(body, date(2024, 6, 21))
    assert found == {"hari ini": None, "kemarin": date(2024, 6, 20)}


def test_relatives_use_inferred_date_when_metadata_is_missing():
    body = "Banjir melanda Bekasi pada Selasa (7/1). Air surut sehari sebelumnya di Bogor."
    mentions, anchor = find_date_mentions(body, split_sentences(body), None, date(2025, 3, 1))
    assert anchor == date(2025, 1, 7)
    assert mentions[-1].surface == "sehari sebelumnya"
    assert mentions[-1].resolved_date == date(2025, 1, 6)


def test_relatives_stay_unresolved_without_any_anchor():
    assert resolved_by_surface("Harga emas turun kemarin.") == {"kemarin": None}


def test_words_that_merely_contain_date_words_are_ignored():
    body = "Ia bekerja sehari-hari di pasar harian dan membesokkan rencana; kerja sama lusanya."
    assert mentions_of(body) == []


def test_infer_published_date_ignores_relatives_and_future_schedules():
    mentions = [
        DateMention(1, "Senin (17/6)", date(2024, 6, 17), 0, 12, "weekday_daymonth"),
        DateMention(1, "31 Desember 2030", date(2030, 12, 31), 20, 36, "explicit"),
        DateMention(2, "besok", date(2024, 6, 18), 40, 45, "relative"),
    ]
    assert infer_published_date(mentions, not_after=RUN_DATE) == date(2024, 6, 17)
    assert infer_published_date(mentions) == date(2030, 12, 31)
    assert infer_published_date([]) is None


# Relative words are located in a lower-cased copy; "İ" (two characters once lower-cased) makes
# the reader fall back to scanning the text itself. Both must read the same expressions.
@pytest.mark.parametrize("place", ["Istanbul", "İstanbul"])
def test_relative_words_with_se_prefix_or_capital_are_read_at_sentence_starts(place):
    body = (
        f"Sepekan lalu delegasi tiba di {place}. Kemarin lusa rapat dibuka. "
        "Hari ini hasilnya diumumkan, seminggu sebelumnya draf beredar. Sehari sebelumnya "
        "menteri tiba."
    )
    friday = date(2024, 6, 21)
    assert resolved_by_surface(body, friday) == {
        "Sepekan lalu": date(2024, 6, 14),
        "Kemarin lusa": date(2024, 6, 19),
        "Hari ini": friday,
        "seminggu sebelumnya": date(2024, 6, 14),
        "Sehari sebelumnya": date(2024, 6, 20),
    }


def test_day_numbers_glued_to_words_or_numbers_are_not_dates():
    body = "Kode A12 Mei 2024 dan nomor 312/6/2024 bukan tanggal, tetapi 12 Mei 2024 tanggal."
    assert [m.surface for m in mentions_of(body)] == ["12 Mei 2024"]


# --- day and month without a year -------------------------------------------------------------


def test_day_month_without_year_takes_the_occurrence_nearest_publication():
    body = "Upacara digelar 17 Agustus di Istana, dan pendaftaran ditutup 2 Januari."
    found = {m.surface: (m.resolved_date, m.kind) for m in mentions_of(body, date(2025, 12, 20))}
    assert found == {
        "17 Agustus": (date(2025, 8, 17), "daymonth"),
        "2 Januari": (date(2026, 1, 2), "daymonth"),
    }


def test_day_month_marked_as_past_stays_on_or_before_publication():
    body = "Harga naik sejak 1 Januari. Pelaku ditahan 29 Desember lalu."
    found = resolved_by_surface(body, date(2025, 12, 10))
    assert found == {"1 Januari": date(2025, 1, 1), "29 Desember": date(2024, 12, 29)}


def test_day_month_without_publication_is_the_latest_not_after_the_anchor():
    body = "Banjir surut Rabu (12/2). Bantuan dijanjikan sejak 20 Desember."
    mentions, anchor = find_date_mentions(body, split_sentences(body), None, RUN_DATE)
    assert anchor == date(2025, 2, 12)
    assert mentions[-1].surface == "20 Desember"
    assert mentions[-1].resolved_date == date(2024, 12, 20)


def test_day_month_in_a_list_or_range_takes_the_year_written_beside_it():
    body = (
        "Lelang SUN direncanakan pada 9 November, 23 November, dan 7 Desember 2021. Rupiah "
        "melemah sejak 1 Januari hingga 5 Juni 2018. Libur berlaku 20 Desember hingga "
        "5 Januari 2025."
    )
    found = {m.surface: (m.resolved_date, m.kind) for m in mentions_of(body, date(2026, 3, 1))}
    assert found == {
        "9 November": (date(2021, 11, 9), "explicit"),
        "23 November": (date(2021, 11, 23), "explicit"),
        "7 Desember 2021": (date(2021, 12, 7), "explicit"),
        "1 Januari": (date(2018, 1, 1), "explicit"),
        "5 Juni 2018": (date(2018, 6, 5), "explicit"),
        "20 Desember": (date(2024, 12, 20), "explicit"),
        "5 Januari 2025": (date(2025, 1, 5), "explicit"),
    }


def test_range_end_after_a_month_name_and_a_dash_is_a_date():
    body = "Masa penawaran ORI019 berlangsung 25 Januari-18 Februari 2021."
    assert resolved_by_surface(body) == {
        "25 Januari": date(2021, 1, 25),
        "18 Februari 2021": date(2021, 2, 18),
    }


def test_abbreviated_or_lowercase_month_without_year_is_not_a_date():
    body = "Ia membeli 5 jun saham dan 3 may tiket, lalu 12 Agu. Rapat 4 Mei."
    assert [m.surface for m in mentions_of(body, date(2025, 5, 10))] == ["4 Mei"]


@pytest.mark.parametrize(
    ("direction", "expected"),
    [("nearest", date(2026, 1, 1)), ("past", date(2025, 1, 1)), ("future", date(2026, 1, 1))],
)
def test_resolve_day_month_directions(direction, expected):
    assert resolve_day_month(1, 1, date(2025, 11, 20), direction) == expected


def test_resolve_day_month_finds_the_nearest_leap_day():
    assert resolve_day_month(29, 2, date(2025, 6, 1)) == date(2024, 2, 29)


# --- weekday forms and spans ------------------------------------------------------------------


def test_dated_weekday_span_keeps_weekday_and_brackets_bare_date_loses_brackets():
    body = (
        "Kapal ditangkap pada Sabtu (24/5/2025) di Selat Malaka, menurut keterangan resmi yang "
        "diterima pada (29/5/2025)."
    )
    assert resolved_by_surface(body) == {
        "Sabtu (24/5/2025)": date(2025, 5, 24),
        "29/5/2025": date(2025, 5, 29),
    }


def test_part_of_day_between_weekday_and_date_stays_in_one_mention():
    body = "Penggerebekan di Sidoarjo berlangsung dramatis, Senin malam (16/6/2025)."
    assert resolved_by_surface(body) == {"Senin malam (16/6/2025)": date(2025, 6, 16)}


def test_dated_weekday_glued_to_the_previous_word_is_still_read():
    body = "Hal itu disampaikan Suratno saat dikonfirmasidetikJatengSelasa (21/10/2025) malam."
    assert resolved_by_surface(body) == {"Selasa (21/10/2025)": date(2025, 10, 21)}


def test_weekday_with_day_and_month_name_but_no_year_is_a_weekday_date():
    body = "Lelang dibuka pada Selasa, 3 Agustus, dan setelmen pada Jumat tanggal 25 Februari 2022."
    found = {m.surface: (m.resolved_date, m.kind) for m in mentions_of(body, date(2021, 7, 31))}
    assert found == {
        "Selasa, 3 Agustus": (date(2021, 8, 3), "weekday_daymonth"),
        "Jumat tanggal 25 Februari 2022": (date(2022, 2, 25), "explicit"),
    }


def test_weekday_led_day_month_nearest_publication_with_that_weekday():
    # 1/6 was a Sunday in 2025 and in 2014: the nearest such year to publication wins
    assert resolve_weekday_date(6, 1, 6, date(2025, 6, 3), RUN_DATE) == date(2025, 6, 1)
    body = "Warga berkumpul Minggu (1/6) di alun-alun."
    assert resolved_by_surface(body, date(2025, 6, 3)) == {"Minggu (1/6)": date(2025, 6, 1)}


def test_bare_weekday_with_part_of_day_or_closing_an_attribution_is_a_date():
    body = (
        "Ribuan orang berkumpul di Times Square pada Sabtu malam. Hujan turun Kamis pagi. "
        "“Kami siaga,” kata Susatyo dalam keterangannya, Minggu."
    )
    assert resolved_by_surface(body, date(2025, 10, 20)) == {
        "Sabtu": date(2025, 10, 18),
        "Kamis": date(2025, 10, 16),
        "Minggu": date(2025, 10, 19),
    }


def test_habitual_and_ranged_weekdays_are_not_dates():
    body = (
        "Setiap hari Senin apel digelar, tiap Kamis pagi ada senam. Bursa buka pada Senin - "
        "Jumat, dan kantor tutup pada hari Sabtu, Minggu, dan libur nasional."
    )
    assert [m.surface for m in mentions_of(body, date(2025, 10, 20))] == ["hari Sabtu"]


def test_weekday_of_last_this_or_next_week():
    body = (
        "Lelang berikutnya pada Selasa pekan depan. Data dirilis Jumat pekan lalu, dan rapat "
        "digelar Rabu pekan ini."
    )
    tuesday = date(2016, 9, 27)
    assert resolved_by_surface(body, tuesday) == {
        "Selasa pekan depan": date(2016, 10, 4),
        "Jumat pekan lalu": date(2016, 9, 23),
        "Rabu pekan ini": date(2016, 9, 28),
    }


def test_kemarin_right_after_a_dated_weekday_is_not_another_date():
    body = "Beras tahap pertama sudah tiba di Medan, Sabtu (18/10/2025) kemarin."
    assert resolved_by_surface(body, date(2025, 10, 21)) == {
        "Sabtu (18/10/2025)": date(2025, 10, 18)
    }


def test_sentence_initial_minggu_depan_is_next_week():
    body = "Minggu depan tim kembali ke Jakarta."
    assert resolved_by_surface(body, date(2025, 10, 20)) == {"Minggu depan": date(2025, 10, 27)}


# --- relative expressions ---------------------------------------------------------------------


def test_counted_weeks_and_days_ahead_resolve_vague_counts_do_not():
    body = (
        "Dua pekan lalu harga naik, 3 hari ke depan hujan, esok hari panen, lima hari lagi "
        "pasar dibuka. Beberapa pekan lalu dan beberapa hari lalu banjir."
    )
    assert resolved_by_surface(body, date(2024, 6, 21)) == {
        "Dua pekan lalu": date(2024, 6, 7),
        "3 hari ke depan": date(2024, 6, 24),
        "esok hari": date(2024, 6, 22),
        "lima hari lagi": date(2024, 6, 26),
    }


def test_month_year_and_weekend_expressions_are_found_but_left_unresolved():
    body = (
        "Inflasi bulan lalu turun, lebih rendah dari tahun lalu dan setahun yang lalu. Rupiah "
        "menguat pada akhir pekan lalu, dan tarif naik tahun depan."
    )
    found = {m.surface: (m.resolved_date, m.kind) for m in mentions_of(body, date(2024, 6, 21))}
    assert found == {
        "bulan lalu": (None, "relative"),
        "tahun lalu": (None, "relative"),
        "setahun yang lalu": (None, "relative"),
        "akhir pekan lalu": (None, "relative"),
        "tahun depan": (None, "relative"),
    }


def test_quote_relatives_resolve_from_the_day_stated_in_the_attribution():
    body = (
        "“Kami akan memeriksa saksi besok,” kata Budi saat dikonfirmasi, Senin (20/10/2025).\n\n"
        "Menurut Ani, Selasa (21/10): “Hasilnya keluar hari ini.”"
    )
    assert resolved_by_surface(body, date(2025, 10, 22)) == {
        "besok": date(2025, 10, 21),
        "Senin (20/10/2025)": date(2025, 10, 20),
        "Selasa (21/10)": date(2025, 10, 21),
        "hari ini": date(2025, 10, 21),
    }


def test_quote_relatives_stay_unresolved_when_the_day_is_when_the_outlet_quoted_it():
    body = "“Kemarin saya ditelepon investor,” ujar Luhut di Instagram, dikutip Kamis (22/2/2024)."
    assert resolved_by_surface(body, date(2024, 2, 22))["Kemarin"] is None


def test_named_weekday_inside_a_quote_falls_back_to_publication():
    body = "“Kami tiba di Batam hari Jumat, dan disambut seperti keluarga,” ujar Tony."
    assert resolved_by_surface(body, date(2025, 10, 20)) == {"hari Jumat": date(2025, 10, 17)}


def test_straight_quotes_pair_within_their_line():
    body = 'Ia melapor kemarin. "Kami datang hari ini," katanya.\nPolisi tiba besok.'
    assert resolved_by_surface(body, date(2024, 6, 21)) == {
        "kemarin": date(2024, 6, 20),
        "hari ini": None,
        "besok": date(2024, 6, 22),
    }


def test_wrong_weekday_neither_anchors_relatives_nor_dates_the_article():
    # 26/6/2025 is a Thursday: "Senin (26/6/2025)" is a typo in a May article
    body = (
        "Kapal ditangkap pada Senin (26/6/2025). Keterangan diterima Kamis (29/5/2025). "
        "Kapal ditarik ke pelabuhan kemarin."
    )
    mentions, anchor = find_date_mentions(body, split_sentences(body), None, RUN_DATE)
    assert anchor == date(2025, 5, 29)
    assert mentions[-1].resolved_date == date(2025, 5, 28)
    assert infer_published_date(mentions) == date(2025, 5, 29)
