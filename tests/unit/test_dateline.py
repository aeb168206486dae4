"""Dateline prefixes and editor codes are framing, removed from the body and kept as metadata."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from warta.config import shared_dir
from warta.extract.dateline import outlet_from_url, split_byline, split_framing

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()
LEAD = "Harga beras medium naik 2 persen dibanding pekan sebelumnya."


@pytest.mark.parametrize(
    ("dateline", "outlet", "city"),
    [
        ("Jakarta, CNN Indonesia -- ", "CNN Indonesia", "Jakarta"),
        ("JAKARTA, KOMPAS.com -- ", "Kompas.com", "Jakarta"),
        ("BOGOR, KOMPAS.com - ", "Kompas.com", "Bogor"),
        ("**BANDUNG, KOMPAS.com** - ", "Kompas.com", "Bandung"),
        ("KOMPAS.com - ", "Kompas.com", None),
        ("Jakarta, CNBC Indonesia - ", "CNBC Indonesia", "Jakarta"),
        ("Jakarta (ANTARA) - ", "Antara", "Jakarta"),
        ("Mataram, NTB (ANTARA News) - ", "Antara", "Mataram"),
        ("TEMPO.CO, Jakarta - ", "Tempo", "Jakarta"),
        ("Liputan6.com, Jakarta - ", "Liputan6", "Jakarta"),
        ("KONTAN.CO.ID - LONDON. ", "Kontan", "London"),
        ("Bisnis.com, JAKARTA — ", "Bisnis.com", "Jakarta"),
        ("REPUBLIKA.CO.ID, JAKARTA -- ", "Republika", "Jakarta"),
        ("Okezone.com, Jakarta - ", "Okezone", "Jakarta"),
        ("TRIBUNNEWS.COM, JAKARTA - ", "Tribun", "Jakarta"),
        ("Jakarta, detik - ", "detik", "Jakarta"),
        ("JAKARTA - ", None, "Jakarta"),
        ("Jakarta - ", None, "Jakarta"),
        ("BANDA ACEH, KOMPAS.com - ", "Kompas.com", "Banda Aceh"),
        ("Jakarta, KompasOtomotif – ", "Kompas.com", "Jakarta"),
        ("Jakarta, KompasTekno - ", "Kompas.com", "Jakarta"),
        # outlets named without a domain, and any outlet that signs with its web address
        ("Jakarta, IDN Times - ", "IDN Times", "Jakarta"),
        ("JAKARTA, kumparan - ", "kumparan", "Jakarta"),
        ("Yogyakarta, Harian Jogja - ", "Harian Jogja", "Yogyakarta"),
        ("JawaPos.com - ", "Jawa Pos", None),
        ("Suara.com - ", "Suara.com", None),
        ("Medcom.id, Jakarta: ", "Medcom", "Jakarta"),
        ("SURYA.co.id, SURABAYA - ", "Surya.co.id", "Surabaya"),
        ("BANDUNG, TRIBUNJABAR.ID - ", "Tribun", "Bandung"),
        ("JAKARTA, DISWAY.ID - ", "Disway.id", "Jakarta"),
        ("Jakarta, Gatra.com - ", "Gatra.com", "Jakarta"),
    ],
)
def test_dateline_forms_are_removed_and_named(dateline, outlet, city):
    framing = split_framing(dateline + LEAD)
    assert framing.body == LEAD
    assert (framing.outlet, framing.dateline_city) == (outlet, city)


def test_city_only_dateline_takes_outlet_from_url():
    framing = split_framing("Jakarta - " + LEAD, url="https://finance.detik.com/berita/d-1/x")
    assert (framing.outlet, framing.dateline_city, framing.body) == ("detik", "Jakarta", LEAD)


def test_dateline_does_not_eat_the_first_sentence():
    text = "Jakarta, CNN Indonesia -- Bank Indonesia (BI) - bank sentral - menahan suku bunga."
    assert split_framing(text).body == "Bank Indonesia (BI) - bank sentral - menahan suku bunga."


@pytest.mark.parametrize(
    "lead",
    [
        "Pertamina - perusahaan energi negara - menaikkan harga avtur.",
        "BPS - lembaga statistik - mencatat inflasi 0,2 persen.",
        "Pemerintah menaikkan cukai rokok mulai Januari.",
        "Tempo Scan Pacific - produsen obat - membagikan dividen.",
        "Harga.com naik - situs itu dibeli investor baru.",
    ],
)
def test_leads_without_dateline_are_untouched(lead):
    framing = split_framing(lead)
    assert (framing.body, framing.outlet, framing.dateline_city) == (lead, None, None)


@pytest.mark.parametrize(
    ("ending", "codes"),
    [
        ("naik tipis. (blq/dna)", ("blq", "dna")),
        ("naik tipis.(skt/agt)", ("skt", "agt")),
        ("naik tipis. (ain/sfr/dna)", ("ain", "sfr", "dna")),
        ("naik tipis.\n\n(rea/rir)", ("rea", "rir")),
        ("naik tipis. (Reuters/agi)", ("agi",)),
        ("naik tipis. (agt)", ("agt",)),
    ],
)
def test_trailing_editor_codes_are_stripped(ending, codes):
    framing = split_framing("Jakarta, CNN Indonesia -- Rupiah ditutup " + ending)
    assert framing.body == "Rupiah ditutup naik tipis."
    assert framing.editor_codes == codes


@pytest.mark.parametrize(
    "ending",
    [
        "Dana itu dikelola badan usaha milik negara (BUMN)",
        "Kecepatan angin mencapai 40 (km/jam)",
        "Anggaran dibahas bersama Kementerian Keuangan (Kemenkeu)",
        "Ia menyebut jumlahnya kecil (dua)",
    ],
)
def test_parenthesised_words_at_the_end_are_kept(ending):
    framing = split_framing(ending)
    assert (framing.body, framing.editor_codes) == (ending, ())


def test_body_keeps_clean_paragraph_breaks():
    text = "\n\nJakarta, Pahami.id —\n\n  Paragraf satu.  \n\n\n\nParagraf dua.\n\n(abc/de)\n"
    framing = split_framing(text)
    assert framing.body == "Paragraf satu.\n\nParagraf dua."
    assert framing.editor_codes == ("abc", "de")


def test_seed_framing_matches_gold():
    text = (SHARED / "seed" / "pahami-2024-06-21.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "gold" / "pahami-2024-06-21.gold.json").read_text("utf-8"))
    lines = text.splitlines()
    framing = split_framing("\n\n".join(lines))
    assert framing.outlet == gold["outlet"]
    assert framing.dateline_city == gold["dateline_city"]
    assert list(framing.editor_codes) == gold["editor_codes"]
    assert framing.body == "\n\n".join(lines[1:13])
    assert len(framing.body.split("\n\n")) == gold["paragraphs"]


def test_cnn_crawl_datelines_and_codes_are_all_recognised():
    rows = [
        row
        for path in sorted((SHARED / "corpora" / "cnnindonesia").glob("*.csv"))
        for row in csv.DictReader(path.open(encoding="utf-8", newline=""))
    ]
    with_code = stripped = 0
    for row in rows:
        # the crawl's own mess (whitespace runs, video markers) is the cleaner's job: undo it here
        text = row["Content"].replace("[Gambas:Video CNN]", "").replace("\xa0", " ")
        text = "\n\n".join(re.sub(r"\s+", " ", p) for p in re.split(r"\n\s*\n", text))
        if not text.strip():
            continue
        framing = split_framing(text, url=row["Link"])
        assert framing.outlet == "CNN Indonesia"
        assert not framing.body.startswith(("Jakarta,", "CNN Indonesia")), framing.body[:60]
        stripped += framing.dateline_city is not None
        if re.search(r"\([a-z]{2,4}/[a-z]{2,4}\)\s*$", text):
            with_code += 1
            assert framing.editor_codes and framing.editor_codes[-1] == text.strip()[-4:-1]
    assert stripped >= 3400
    assert with_code >= 2800


def test_kompas_datelines_in_markdown_bold_are_recognised():
    files = sorted((SHARED / "corpora" / "kompas").rglob("*.md"))
    leads = [
        m.group()
        for path in files
        if (m := re.search(r"^\*\*[^\n]*KOMPAS\.com[^\n]*", path.read_text("utf-8"), re.M))
    ]
    assert len(leads) > 1000
    recognised = [f for f in map(split_framing, leads) if f.outlet == "Kompas.com"]
    assert len(recognised) / len(leads) > 0.99
    assert all("KOMPAS" not in f.body[:20] for f in recognised)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.cnnindonesia.com/ekonomi/20221027-92-1/x", "CNN Indonesia"),
        ("https://www.cnbcindonesia.com/news/20240101/x", "CNBC Indonesia"),
        ("https://nasional.kompas.com/read/2025/06/02/x", "Kompas.com"),
        ("https://kmp.im/AbCd", "Kompas.com"),
        ("https://news.detik.com/berita/d-8171947/x", "detik"),
        ("https://finance.detik.com/x", "detik"),
        ("https://www.antaranews.com/berita/1/x", "Antara"),
        ("https://nasional.tempo.co/read/1/x", "Tempo"),
        ("https://www.liputan6.com/bisnis/read/1/x", "Liputan6"),
        ("https://investasi.kontan.co.id/news/x", "Kontan"),
        ("https://ekonomi.bisnis.com/read/x", "Bisnis.com"),
        ("https://www.republika.co.id/berita/x", "Republika"),
        ("https://economy.okezone.com/read/x", "Okezone"),
        ("https://www.tribunnews.com/bisnis/x", "Tribun"),
        ("https://pahami.id/x", "Pahami.id"),
        ("https://www.kapanlagi.com/showbiz/x", "KapanLagi"),
        # a site we do not list is named by its registered domain, never by a path or substring
        ("https://example.com/detik.com", "example.com"),
        ("https://notdetik.com/x", "notdetik.com"),
        ("https://www.jpnn.com/news/x", "jpnn.com"),
        ("https://jateng.suaramerdeka.co.id/x", "suaramerdeka.co.id"),
        ("http://192.168.1.10/berita", None),
        (None, None),
        ("", None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_editor_code_with_one_shouted_part_is_still_a_code() -> None:
    framing = split_framing(
        "Jakarta, CNN Indonesia -- Persija menang 2-1 atas PSPS di Stadion GBK.\n\n"
        '"Kami bangga," ucap Teza.\n\n(TTF/rhr)'
    )
    assert framing.editor_codes == ("ttf", "rhr")
    assert framing.body.endswith("ucap Teza.")


# --- bylines ------------------------------------------------------------------------------------

CLOSING = '"Kami akan terus memantau harga di pasar," kata Winarso.'


@pytest.mark.parametrize(
    ("byline", "author", "editor"),
    [
        ("(Reporter: Shinta Dwi Ayu | Editor: Larissa Huda)", "Shinta Dwi Ayu", "Larissa Huda"),
        (
            "(Reporter: Intan Afrida Rafni, Hanifah Salsabila | Editor: Faieq Hidayat)",
            "Intan Afrida Rafni, Hanifah Salsabila",
            "Faieq Hidayat",
        ),
        ("(Penulis: Kontributor Solo, Labib Zamani)", "Kontributor Solo, Labib Zamani", None),
        (
            "Penulis: Rizki Nugraha/DW Indonesia\n\nEditor: Yuniman Farid",
            "Rizki Nugraha/DW Indonesia",
            "Yuniman Farid",
        ),
        ("Editor: Hani Anggraini", None, "Hani Anggraini"),
        ("Reporter: Asfahan YahsyiPenulis: Agustiyanti", "Asfahan Yahsyi, Agustiyanti", None),
        ("Pewarta: Nur Imansyah\nEditor: Ade Marboen", "Nur Imansyah", "Ade Marboen"),
        ("Kontributor : Aditya Ramadhan", "Aditya Ramadhan", None),
        ("Rep: Aditya Ramadhan/ Red: Budi Santoso", "Aditya Ramadhan", "Budi Santoso"),
    ],
)
def test_closing_byline_is_removed_and_names_the_author_and_editor(byline, author, editor):
    assert split_byline(f"{LEAD}\n\n{CLOSING}\n\n{byline}\n") == (
        f"{LEAD}\n\n{CLOSING}",
        author,
        editor,
    )


@pytest.mark.parametrize(
    "text",
    [
        # a byline followed by more text is not the closing one
        f"{LEAD}\n\n(Penulis: Muhammad Idris)\n\nSebagian artikel ini telah tayang di Kompas.com",
        # the source of a quoted story, not this article's editor
        f"{LEAD}\n\n(Sumber: Kompas.com/Diva Lufiana Putri | Editor: Nibras Nada Nailufar)",
        # an interview answer, not a name
        f"{LEAD}\n\nEditor: Kami belum menerima laporan itu dan akan memeriksanya.",
        f"{LEAD}\n\n{CLOSING}",
    ],
)
def test_text_without_a_closing_byline_is_returned_unchanged(text):
    assert split_byline(text) == (text, None, None)
