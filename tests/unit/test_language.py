"""Language detection separates Indonesian from Malay and English by function words."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from warta.config import shared_dir
from warta.extract.language import detect_language

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()

INDONESIAN = (
    "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai Sabtu. Menurut Menteri "
    "Keuangan, langkah itu diambil karena beban subsidi yang terus membengkak dan tidak lagi "
    "tepat sasaran. Ia mengatakan bahwa dana tersebut akan dialihkan untuk bantuan sosial."
)
MALAY = (
    "Kerajaan akan memperkenalkan dasar baharu bagi membantu rakyat yang terjejas kerana "
    "kenaikan harga barang. Perdana Menteri berkata langkah itu perlu diambil selepas mesyuarat "
    "Kabinet pada hari Isnin, iaitu bagi memastikan bekalan makanan mencukupi. Beliau berkata "
    "polis juga boleh mengambil tindakan terhadap peniaga yang menaikkan harga sesuka hati sahaja."
)
ENGLISH = (
    "The central bank kept its benchmark rate unchanged on Wednesday, saying that inflation "
    "was still within the target range and that the rupiah had stabilised after a volatile "
    "month. Analysts said the decision was in line with expectations."
)
# An Indonesian story that borrows English phrases and Malay-looking words
INDONESIAN_WITH_LOANS = (
    "Raja Charles III dari kerajaan Inggris disebut boleh jadi akan absen. Dalam pernyataan "
    '"the show must go on", pihak istana mengatakan bahwa acara tersebut tetap digelar di '
    "London pada Jumat dan tidak akan diundur karena cuaca."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(INDONESIAN, "id"), (MALAY, "ms"), (ENGLISH, "en"), (INDONESIAN_WITH_LOANS, "id")],
)
def test_detects_language_of_news_paragraphs(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "Jakarta", "Rupiah menguat.", "12.345 67,8 %"])
def test_too_little_text_gives_none(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "PT PLN hari ini resmi mengoperasikan gardu induk 150 kV beserta jaringannya. Gardu "
        "induk baru merupakan bagian dari transmisi Balaraja.",
        "Harga cabai rawit di pasar tradisional naik menjadi Rp 80.000 per kilogram tahun ini.",
    ],
)
def test_a_photo_caption_or_a_one_sentence_story_is_told_indonesian(text):
    """Two sentences carry few function words; the common verbs and nouns of news tell them."""
    assert detect_language(text) == "id"


def test_only_the_opening_is_read():
    # a long Indonesian article with an English press release pasted at the very end
    assert detect_language(INDONESIAN * 20 + ENGLISH * 5) == "id"


def test_real_articles_from_the_crawls_are_indonesian():
    detik = SHARED / "corpora" / "detik" / "data_berita.csv"
    with detik.open(encoding="utf-8", newline="") as handle:
        bodies = [row["isi_berita"] for row in csv.DictReader(handle)]
    bodies += [p.read_text("utf-8") for p in sorted((SHARED / "corpora" / "kompas").rglob("*.md"))]
    seed = (SHARED / "seed" / "pahami-2024-06-21.txt").read_text("utf-8")
    assert detect_language(seed) == "id"
    labels = [detect_language(body) for body in bodies if len(body.split()) >= 50]
    assert len(labels) > 2500
    assert labels.count("id") == len(labels)


def test_function_words_inside_hyphenated_compounds_do_not_count():
    # "state-of-the-art" is one word, not "of" and "the": only "dan" and "di" count
    text = (
        "Teknologi state-of-the-art, up-to-the-minute, out-of-the-box, one-of-a-kind, "
        "end-to-end dan hand-to-mouth dipamerkan di Jakarta."
    )
    assert detect_language(text) is None


def test_stray_hyphens_separate_words():
    text = "the--report--said--that--the--rate--was--stable--and--firm, -the -end-"
    assert detect_language(text) == "en"


@pytest.mark.parametrize("accent", ["cafe", "café"])
def test_accented_letters_end_a_word_as_before(accent):
    text = f"The {accent} was closed and the owner said that it is in the process of moving."
    assert detect_language(text) == "en"


def test_a_short_malay_item_is_malay():
    text = (
        "KUALA LUMPUR: Kerajaan akan memperkenalkan beberapa langkah baharu bagi membantu rakyat "
        "menghadapi kenaikan kos sara hidup, kata Perdana Menteri Datuk Seri Anwar Ibrahim. "
        "Beliau berkata, bantuan tunai akan disalurkan kepada golongan berpendapatan rendah "
        "mulai bulan hadapan."
    )
    assert detect_language(text) == "ms"


def test_indonesian_news_about_malaysia_stays_indonesian():
    text = (
        "Perdana Menteri Malaysia Anwar Ibrahim mengatakan kerajaan akan memperkenalkan langkah "
        "baru untuk membantu rakyat menghadapi kenaikan biaya hidup. Beliau berkata bantuan "
        "tunai disalurkan mulai bulan depan, seperti dikutip Bernama, Senin (25/11)."
    )
    assert detect_language(text) == "id"
