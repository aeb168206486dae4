"""Crawl-mess removal: one test per noise kind on news-style snippets, then the real crawls."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from warta import clean as cleaner
from warta.clean import (
    clean_body,
    is_placeholder_body,
    normalise_text,
    restore_glued_speech_verbs,
)
from warta.config import shared_dir

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()
CORPORA = SHARED / "corpora"

CNN_PARALLAX_SCRIPT = """@import url("https://cdnstatic.detik.com/live/_rmbassets/2022/parallax/parallax.css");



ADVERTISEMENT


  


SCROLL TO CONTINUE WITH CONTENT


function paraA(e) {
var p = $(e);
$(e + " .para_fix").width(p.width());
}
$(".paraA iframe").on("load", paraA(".paraA"));
"""


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


# The markers are searched in a lower-cased copy; "İ" (two characters once lower-cased) makes the
# cleaner fall back to a case-insensitive regex over the text itself. Both must find them.
@pytest.mark.parametrize("place", ["Istanbul", "İstanbul"])
@pytest.mark.parametrize(
    "marker", ["ADVERTISEMENT", "Advertisement", "SCROLL TO CONTINUE WITH CONTENT"]
)
def test_ad_markers_are_removed_in_any_case_and_beside_any_letter(place, marker):
    raw = f"Timnas tiba di {place} pada Selasa.{marker}Pelatih langsung memimpin latihan ringan."
    assert paragraphs(clean_body(raw)) == [
        f"Timnas tiba di {place} pada Selasa.",
        "Pelatih langsung memimpin latihan ringan.",
    ]


@pytest.mark.parametrize("place", ["Istanbul", "İstanbul"])
@pytest.mark.parametrize("marker", ["LIHAT JUGA :", "Baca juga:", "lihat pula:"])
def test_related_marker_is_found_in_any_case_and_beside_any_letter(place, marker):
    raw = (
        f"Timnas tiba di {place} pada Selasa.\n\n{marker}\n\n"
        "Jadwal Lengkap Uji Coba Timnas Bulan Ini\n\nPelatih langsung memimpin latihan ringan."
    )
    assert paragraphs(clean_body(raw)) == [
        f"Timnas tiba di {place} pada Selasa.",
        "Pelatih langsung memimpin latihan ringan.",
    ]


# --- CNN Indonesia noise -------------------------------------------------------------------------


def test_leaked_parallax_script_and_ad_markers_are_removed_between_paragraphs():
    raw = (
        "Jakarta, CNN Indonesia -- Bank Indonesia menahan suku bunga acuan di level 6 persen.\n"
        + CNN_PARALLAX_SCRIPT
        + "\nKeputusan itu diambil dalam rapat dewan gubernur pada Rabu (17/7).\n (rea/agt)"
    )
    assert paragraphs(clean_body(raw)) == [
        "Jakarta, CNN Indonesia -- Bank Indonesia menahan suku bunga acuan di level 6 persen.",
        "Keputusan itu diambil dalam rapat dewan gubernur pada Rabu (17/7).",
        "(rea/agt)",
    ]


def test_gambas_video_marker_glued_before_editor_code_leaves_the_code_as_last_paragraph():
    raw = "Rupiah ditutup menguat 0,2 persen ke Rp15.400 per dolar AS.[Gambas:Video CNN] (fby/sfr)"
    assert paragraphs(clean_body(raw)) == [
        "Rupiah ditutup menguat 0,2 persen ke Rp15.400 per dolar AS.",
        "(fby/sfr)",
    ]


def test_unclosed_gambas_marker_is_removed_too():
    raw = "Inflasi inti turun tipis pada bulan lalu.[Gambas:Video CNN (cfd/agt)"
    assert clean_body(raw) == "Inflasi inti turun tipis pada bulan lalu.\n\n(cfd/agt)"


def test_related_headline_on_its_own_line_goes_with_its_marker():
    raw = (
        "Ia menyebut inflasi tetap terkendali di kisaran 2 persen.\n\n\n"
        "Lihat Juga :\n\n\n\nPabrik Tekstil Umumkan PHK Massal, Ribuan Buruh Terdampak\n\n\n\n"
        "Menurutnya, kondisi itu lebih baik dibanding negara tetangga."
    )
    assert paragraphs(clean_body(raw)) == [
        "Ia menyebut inflasi tetap terkendali di kisaran 2 persen.",
        "Menurutnya, kondisi itu lebih baik dibanding negara tetangga.",
    ]


@pytest.mark.parametrize(
    ("glued", "resumes_with"),
    [
        ("Lihat Juga :Laba Bank Pelat Merah Naik 12 PersenSementara itu, rupiah", "Sementara itu"),
        ('Lihat juga:Harga Cabai Melonjak Jelang Ramadan"Kami pantau terus," ujarnya', '"Kami'),
        ("Lihat Juga :ANALISISBeban Berat APBN Akibat Subsidi EnergiAdapun, defisit", "Adapun"),
        ("Lihat juga:Bursa Asia Rontok, Kapan IHSG Bangkit?Analis menilai pasar", "Analis"),
        ("Lihat Juga :Utang Pemerintah Tembus Rp8.000 TIa menambahkan, belanja", "Ia menambahkan"),
        ("Lihat juga:Warga Serbu Pasar Murah di TikTokNamun, stok terbatas", "Namun, stok"),
    ],
)
def test_related_headline_glued_into_the_text_is_cut_where_the_article_resumes(glued, resumes_with):
    raw = f"Nilai tukar melemah 0,3 persen pada Senin (22/7).{glued} tetap dipantau."
    cleaned = clean_body(raw)
    first, second = paragraphs(cleaned)
    assert first == "Nilai tukar melemah 0,3 persen pada Senin (22/7)."
    assert second.startswith(resumes_with)
    assert "Lihat" not in cleaned


def test_related_headline_at_the_very_end_keeps_the_editor_code():
    raw = "Saham bank menopang indeks.Lihat Juga :IHSG Ditutup Menguat ke 7.200 (agt/agt)"
    assert paragraphs(clean_body(raw)) == ["Saham bank menopang indeks.", "(agt/agt)"]


def test_pagination_residue_and_next_page_teaser_are_removed():
    raw = (
        "Jemmy enggan membocorkan saham mana yang akan diubah pada kuartal I.\n\n"
        "         Peluang Bangkit Tahun Depan \n        BACA HALAMAN BERIKUTNYA\n\n"
        "     HALAMAN: \n                 1\n                            2\n"
    )
    assert clean_body(raw) == (
        "Jemmy enggan membocorkan saham mana yang akan diubah pada kuartal I."
    )


def test_related_video_json_and_share_script_are_removed():
    raw = (
        "Harga telur melejit di pekan ketiga Februari.\n"
        "    [Gambas:Video CNN]\n"
        '        var relatedVideos = JSON.parse(\'{"pageUrl":"https:\\/\\/cnnindonesia.com\\/tv'
        '\\/1","title":"VIDEO: Harga Beras Naik"}\');\n'
        '{"pageUrl": "https://cnnindonesia.com/tv/2", "time": 176}\n'
        "    var article = {\n        idnews   : 1065091,\n        idkanal  : 94    }\n\n"
        "    var baseurl = 'https://www.cnnindonesia.com/ekonomi/1';\n\n"
        "    $(document).ready(function () {\n        setTimeout(\n"
        "            function() {shareBox.run($('.share-bottom-new'))}, 1000\n        );\n"
        "    });\n\n    Bagikan:"
    )
    assert clean_body(raw) == "Harga telur melejit di pekan ketiga Februari."


# --- detik noise --------------------------------------------------------------------------------


def test_detik_video_promos_and_scroll_marker_are_removed():
    raw = (
        "Menteri Keuangan memastikan anggaran bansos cair pekan depan.\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        "Penyaluran dilakukan lewat bank Himbara di seluruh daerah.\n\n"
        "Simak juga Video 'Mensos Tinjau Penyaluran Bansos di Bekasi':\n\n"
        'Tonton juga video "Sri Mulyani Ungkap Sisa Anggaran" di sini:\n'
        "Simak Video: Antrean Warga di Kantor Pos\n"
        "Baca juga: Daftar Penerima Bansos Tahap Dua\n"
        "Advertisement\n"
        "Saksikan Live DetikPagi :\n"
        '"Detik Pagi, Jangan Tidur Lagi!"\n'
    )
    assert paragraphs(clean_body(raw)) == [
        "Menteri Keuangan memastikan anggaran bansos cair pekan depan.",
        "Penyaluran dilakukan lewat bank Himbara di seluruh daerah.",
    ]


def test_a_sentence_that_mentions_a_video_is_not_a_promo():
    raw = "Polisi menyita video rekaman CCTV dari lokasi kejadian di Cilincing."
    assert clean_body(raw) == raw


# --- Kompas Markdown ----------------------------------------------------------------------------

KOMPAS_BODY = """![ Petugas mengurai antrean di gerbang tol.](https://asset.kompas.com/crops/x.jpeg)

**BOGOR, KOMPAS.com** - PT Jasa Marga memperbaiki gardu tol yang rusak, Senin (2/6/2025).

\\"Kami mengoptimalkan mobil *reader* dan bantuan *tapping*,\\" ujar Alvin.

## Penyebab kecelakaan

Truk diduga mengalami rem blong. Baca selengkapnya di [laman Jasa Marga](https://jasamarga.co.id).

- Tiga gardu rusak
- Tujuh gardu beroperasi

Dikutip dari akun Instagram \\@jasamarga, antrean mulai terurai pukul 15.00 WIB.\\

| Field | Value |
|-------|-------|

\\[video.1\\]

[[Petugas berjaga hingga malam.]{dir="auto"}]{dir="auto"}

---
## Ringkasan

Berikut ringkasan berita dalam satu paragraf: gardu tol rusak.

 Sekarang, mari kita bahas sisi positif dan negatif dari berita ini.
"""


def test_kompas_markdown_becomes_plain_paragraphs_without_the_summary():
    assert paragraphs(clean_body(KOMPAS_BODY, "markdown")) == [
        "BOGOR, KOMPAS.com - PT Jasa Marga memperbaiki gardu tol yang rusak, Senin (2/6/2025).",
        '"Kami mengoptimalkan mobil reader dan bantuan tapping," ujar Alvin.',
        "Penyebab kecelakaan",
        "Truk diduga mengalami rem blong. Baca selengkapnya di laman Jasa Marga.",
        "Tiga gardu rusak",
        "Tujuh gardu beroperasi",
        "Dikutip dari akun Instagram @jasamarga, antrean mulai terurai pukul 15.00 WIB.",
        "Petugas berjaga hingga malam.",
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "## Ringkasan\n\nRingkasan berita: warga antre minyak goreng.",
        "null",
        "Berikut adalah ringkasan berita tersebut: warga antre minyak goreng.",
        "Warga antre minyak goreng di Ambon.\n\n Harga naik sejak awal bulan.",
    ],
)
def test_text_after_the_final_rule_is_cut_when_it_is_the_generated_summary(tail):
    body = f'\\"Stok aman sampai Lebaran,\\" kata Wati, Senin (2/6/2025).\n\n---\n{tail}\n'
    assert (
        clean_body(body, "markdown") == '"Stok aman sampai Lebaran," kata Wati, Senin (2/6/2025).'
    )


def test_bare_ringkasan_heading_cuts_to_the_end():
    body = (
        "Harga cabai di Ambon mencapai Rp140 ribu per kilogram.\n\n"
        "Pedagang mengaku menerima stok dengan harga tinggi.\n\n"
        "Distributor memasok dari Pulau Buru.\n\n"
        "## Ringkasan\n\nHarga cabai tinggi karena cuaca."
    )
    assert "cuaca" not in clean_body(body, "markdown")
    assert "Ringkasan" not in clean_body(body, "markdown")


def test_key_points_box_at_the_top_is_dropped_but_the_article_stays():
    body = (
        "*Ringkasan *\n\n- *Samsung kirim 60 juta unit.\n- *Seri lipat jadi andalan.\n\n"
        "**KOMPAS.com** - Samsung kembali memimpin pasar ponsel global."
    )
    assert (
        clean_body(body, "markdown") == "KOMPAS.com - Samsung kembali memimpin pasar ponsel global."
    )


def test_escaped_markdown_characters_survive_as_literals():
    body = "Harga termasuk insentif PPN\\*, berlaku di area *Jakarta* dan *_Bodetabek_*."
    assert clean_body(body, "markdown") == (
        "Harga termasuk insentif PPN*, berlaku di area Jakarta dan Bodetabek."
    )


def test_underscores_inside_words_and_urls_are_not_emphasis():
    body = "Akun resmi kemenkeu_ri dan situs pajak.go.id/e_filing menjadi rujukan."
    assert clean_body(body, "markdown") == body


def test_hashtags_are_not_headings():
    body = "### Reaksi warganet\n\n#SaveKPK kembali ramai di media sosial, Senin (2/6/2025)."
    assert paragraphs(clean_body(body, "markdown")) == [
        "Reaksi warganet",
        "#SaveKPK kembali ramai di media sosial, Senin (2/6/2025).",
    ]


def test_markdown_numbered_list_keeps_its_numbers():
    body = "3\\. Franco Morbidelli (Pertamina Enduro VR46)\n\n============\n\n4\\. Pecco Bagnaia"
    assert paragraphs(clean_body(body, "markdown")) == [
        "3. Franco Morbidelli (Pertamina Enduro VR46)",
        "4. Pecco Bagnaia",
    ]


# --- lost paragraph breaks ----------------------------------------------------------------------


def test_lost_paragraph_break_after_a_sentence_is_restored():
    raw = "Kenaikan itu terjadi pada Selasa (11/10).Biasanya, harga turun setelah panen raya."
    assert paragraphs(clean_body(raw)) == [
        "Kenaikan itu terjadi pada Selasa (11/10).",
        "Biasanya, harga turun setelah panen raya.",
    ]


def test_glued_quotes_break_on_the_right_side_of_the_quote_mark():
    raw = (
        'Tekanan mulai mereda pada kisaran 0.3."Data ini menunjukkan tanda awal," jelasnya.'
        '"Kami optimistis."Sementara itu, rupiah menguat.'
    )
    assert paragraphs(clean_body(raw)) == [
        "Tekanan mulai mereda pada kisaran 0.3.",
        '"Data ini menunjukkan tanda awal," jelasnya.',
        '"Kami optimistis."',
        "Sementara itu, rupiah menguat.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hal itu disampaikan kepada Kompas.com, Jumat (27/5).",
        "Investor dari U.S. dan Jepang masuk lewat KOMPAS.com pekan lalu.",
        "Harga naik menjadi Rp1.000 per liter sejak kemarin.",
        "Guru besar ekonomi A.B. Susanto menilai kebijakan itu tepat.",
        "Data terbaru tersedia di laman bps.go.id sejak pagi.",
        "Panggung utama ada di Jakarta International Stadium (JIS).",
    ],
)
def test_abbreviations_domains_and_numbers_do_not_split_paragraphs(sentence):
    assert clean_body(sentence) == sentence


# --- framing, layout and normalisation ----------------------------------------------------------


def test_dateline_line_and_editor_code_are_kept_for_the_dateline_extractor():
    raw = "Jakarta, Pahami.id —\nKorea Selatan memanggil duta besar Rusia.\n\n(blq/dna)"
    assert paragraphs(clean_body(raw)) == [
        "Jakarta, Pahami.id —",
        "Korea Selatan memanggil duta besar Rusia.",
        "(blq/dna)",
    ]


def test_paragraphs_are_stripped_collapsed_and_separated_by_one_blank_line():
    raw = "  Indeks  naik\u00a0\u00a0tipis.  \r\n\r\n\r\n\tAsing  mencatat jual bersih.\u200b \n"
    assert clean_body(raw) == "Indeks naik tipis.\n\nAsing mencatat jual bersih."


def test_html_text_lines_are_paragraphs():
    raw = "Presiden meresmikan bendungan di Jawa Tengah.\nBendungan itu mengairi 5.000 hektare."
    assert clean_body(raw, "html_text") == raw.replace("\n", "\n\n")


def test_normalise_text_repairs_mojibake_but_keeps_curly_quotes():
    broken = "â€œKami siap,â€\x9d kata Menteri BUMN di Jakarta."
    assert normalise_text(broken) == "“Kami siap,” kata Menteri BUMN di Jakarta."
    assert normalise_text("“Kami siap,” katanya.") == "“Kami siap,” katanya."


def test_normalise_text_composes_and_drops_invisible_characters():
    decomposed = "Cafe\u0301 di Bandung\u00a0ramai\u200b.\r\n"
    assert normalise_text(decomposed) == "Café di Bandung ramai.\n"


def test_normalise_text_leaves_clean_ascii_untouched():
    text = "Bank Indonesia menahan suku bunga acuan di level 6 persen."
    assert normalise_text(text) is text


# --- placeholder bodies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("", "empty body"),
        ("   \n\n ", "empty body"),
        ("Premium Content - Not Scraped", "placeholder: Premium Content - Not Scraped"),
        ("Jakarta, CNN Indonesia --\n\n(blq/dna)", "only boilerplate"),
        ("Jakarta, CNN Indonesia -- Video harga beras naik.\n\n(ryh/ryh)", "too short: 4 words"),
    ],
)
def test_non_articles_get_a_reason(body, reason):
    assert is_placeholder_body(body) == reason


def test_a_real_news_body_is_not_a_placeholder():
    body = (
        "Jakarta, CNN Indonesia -- Badan Pusat Statistik mencatat inflasi Juli 2024 sebesar "
        "2,13 persen secara tahunan, lebih rendah dari bulan sebelumnya.\n\n(skt/agt)"
    )
    assert is_placeholder_body(body) is None


# --- the real crawls ----------------------------------------------------------------------------

KOMPAS_TABLE_LINE = re.compile(r"^\s*\|")
NOISE_IN_RAW = re.compile(
    r"lihat juga|baca juga|gambas|advertisement|scroll to continue|@import|paraA|[{}$;]|"
    r"halaman|bagikan|"
    r"simak|tonton|saksikan|[a-z)\"0-9][.?!][\"“]?[A-Z]",
    re.IGNORECASE,
)


def _read_csv(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


@pytest.fixture(scope="module")
def cnn_raw() -> list[str]:
    bodies = [
        body
        for path in sorted((CORPORA / "cnnindonesia").glob("*.csv"))
        for body in _read_csv(path, "Content")
    ]
    assert len(bodies) > 3000
    return bodies


@pytest.fixture(scope="module")
def cnn_clean(cnn_raw) -> list[str]:
    return [clean_body(body) for body in cnn_raw]


@pytest.fixture(scope="module")
def kompas_raw() -> list[str]:
    """Bodies as the Markdown reader hands them over: title, lead and metadata table removed."""
    bodies = []
    for path in sorted((CORPORA / "kompas").glob("*/*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        table_end = max((i for i, line in enumerate(lines) if KOMPAS_TABLE_LINE.match(line)))
        bodies.append("\n".join(lines[table_end + 1 :]))
    assert len(bodies) > 1700
    return bodies


@pytest.fixture(scope="module")
def kompas_clean(kompas_raw) -> list[str]:
    return [clean_body(body, "markdown") for body in kompas_raw]


@pytest.mark.parametrize(
    "marker",
    [
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE",
        "@import",
        "function paraA",
        "Lihat Juga :",
        "Lihat juga:",
        "[Gambas",
        "var relatedVideos",
        "BACA HALAMAN",
        "$(document)",
    ],
)
def test_no_cnn_article_keeps_crawl_noise(cnn_clean, marker):
    leaking = [body[:80] for body in cnn_clean if marker in body]
    assert leaking == []


def test_cnn_articles_keep_their_dateline_and_editor_code(cnn_raw, cnn_clean):
    pairs = [(raw, clean) for raw, clean in zip(cnn_raw, cnn_clean, strict=True) if raw.strip()]
    with_dateline = [c for r, c in pairs if "CNN Indonesia --" in r[:80]]
    assert all(
        c.startswith(("Jakarta, CNN Indonesia --", "CNN Indonesia --"))
        or "CNN Indonesia --" in c[:80]
        for c in with_dateline
    )
    code = re.compile(r"\(\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4})+\s*\)\s*$")
    raw_codes = sum(1 for r, _ in pairs if code.search(r.split("var relatedVideos")[0].rstrip()))
    kept_codes = sum(1 for _, c in pairs if code.search(c))
    assert kept_codes >= raw_codes


# A plain sentence: starts after a sentence end, no quotes or inner periods, ends in a word.
PLAIN_SENTENCE = re.compile(r"(?:^|(?<=[.?!] ))[A-Z][^.?!\"“”\n]{60,400}[a-z]\.(?=\s|$)", re.M)


def _missing_sentences(raw_bodies: list[str], cleaned: list[str]) -> tuple[int, int]:
    """How many plain raw sentences were checked, and how many are not verbatim in the output."""
    checked = missing = 0
    for raw, clean in zip(raw_bodies, cleaned, strict=True):
        raw = "\n".join(" ".join(line.split()) for line in normalise_text(raw).split("\n"))
        for match in PLAIN_SENTENCE.finditer(raw):
            context = raw[max(0, match.start() - 250) : match.end()]
            if NOISE_IN_RAW.search(match[0]) or "ihat" in context:
                continue  # next to a related-headline widget its first words are ambiguous
            checked += 1
            missing += match[0] not in clean
    return checked, missing


def test_real_cnn_sentences_survive_verbatim(cnn_raw, cnn_clean):
    checked, missing = _missing_sentences(cnn_raw, cnn_clean)
    assert checked > 4_000
    assert missing / checked < 0.005


def test_lost_paragraph_breaks_are_restored_in_the_cnn_crawl(cnn_clean):
    glued = re.compile(r"[a-z)]{2}\.(?:Biasanya|Sementara|Namun|Menurut|Selain)\b")
    assert sum(1 for body in cnn_clean if glued.search(body)) == 0


def test_real_detik_bodies_lose_their_promos_but_keep_their_sentences():
    raw_bodies = _read_csv(CORPORA / "detik" / "data_berita.csv", "isi_berita")
    cleaned = [clean_body(body) for body in raw_bodies]
    assert not any("SCROLL TO CONTINUE" in body for body in cleaned)
    assert not any(re.search(r"^(Simak|Tonton)( juga)? [Vv]ideo", b, re.M) for b in cleaned)
    checked, missing = _missing_sentences(raw_bodies, cleaned)
    assert checked > 5_000
    assert missing / checked < 0.005


def test_no_kompas_article_keeps_the_generated_summary(kompas_clean):
    heading = re.compile(
        r"^\W*ringkasan\W*$|^ringkasan berita\b|^berikut (adalah )?ringkasan",
        re.IGNORECASE | re.MULTILINE,
    )
    assert [body[:60] for body in kompas_clean if heading.search(body)] == []
    assert not any("sisi positif dan negatif" in body for body in kompas_clean)


def test_no_kompas_article_keeps_markdown_syntax(kompas_clean):
    syntax = re.compile(r"!\[|\]\(|^#+ |^\|| \*\*\w|\\\"|\{dir=|^:::|^- ", re.MULTILINE)
    assert [syntax.search(body)[0] for body in kompas_clean if syntax.search(body)] == []


def test_real_kompas_sentences_survive_verbatim(kompas_raw, kompas_clean):
    # The summary is cut on purpose, and sentences carrying Markdown markup change by design.
    articles = [raw.split("\n---")[0] for raw in kompas_raw]
    plain = [re.sub(r"^.*[*_\[\]\\].*$", "", text, flags=re.M) for text in articles]
    checked, missing = _missing_sentences(plain, kompas_clean)
    assert checked > 5_000
    assert missing / checked < 0.005


STORY = ("Pemerintah menyiapkan bantuan langsung tunai bagi warga miskin agar daya beli tetap "
         "terjaga selama masa penyesuaian harga.")


@pytest.mark.parametrize(
    "closing",
    [
        "Artikel ini telah tayang di Tribunnews.com dengan judul Harga BBM Naik Pekan Depan",
        "Sebagian artikel ini telah tayang di Kompas.com",
        "Copyright © ANTARA 2024",
        "Pilihan Editor: Harga Beras Naik Lagi, Ini Kata Bapanas",
        "Ikuti berita terkini dari Tempo di Google News, klik di sini.",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
        'bergabung di Grup Telegram "Kompas.com News Update"',
        "Klik di sini untuk mendapatkan update berita terkini.",
        "Halaman selanjutnya",
        "(Tribunnews.com/Reza Deni)",
    ],
)
def test_closing_promos_and_syndication_notes_of_other_outlets_are_removed(closing):
    assert clean_body(f"{STORY}\n\n{closing}") == STORY


@pytest.mark.parametrize(
    "sentence",
    [
        "Simak juga pernyataan lengkap Menteri Bahlil soal subsidi energi di Jakarta.",
        "Ikuti perkembangan kasus ini, polisi akan mengumumkan tersangka di saluran resmi mereka.",
        "Pengguna Telegram di Indonesia naik 20 persen, baca laporan lembaga itu.",
        "Artikel yang ditulis mahasiswa itu tayang di jurnal internasional bulan lalu.",
    ],
)
def test_news_sentences_that_mention_channels_or_articles_stay(sentence):
    assert clean_body(f"{STORY}\n\n{sentence}") == f"{STORY}\n\n{sentence}"


# Bodies where every scan has something to find: datelines at line starts, editor codes closing
# lines (some spread over a line break), ad markers glued to words, "Lihat Juga"/"Baca juga"
# markers next to ordinary "melihat"/"membaca".
MESSY_BODIES = (
    "Jakarta, CNN Indonesia -- Harga cabai naik (23/10).ADVERTISEMENTSCROLL TO CONTINUE WITH "
    "CONTENTPedagang melihat juga permintaan turun. (dhf/sfr)\n\n"
    "Lihat Juga :Rupiah Melemah ke Rp16.000Sementara itu, stok beras aman.\n\n(skt/agt)\n\n"
    "Medan, detikFinance - Warga membaca pengumuman. Baca juga: Harga BBM Turun\n\n"
    "( ryh /\n dna )  \n[Gambas:Video CNN]",
    "JAKARTA, KOMPAS.com - Inflasi melandai.\nadvertisement\n(ANTARA)\nbaca  pula :\tIHSG Naik",
)


@pytest.mark.parametrize("body", MESSY_BODIES)
def test_scans_that_jump_to_their_markers_find_what_the_full_regex_scans_find(body):
    """The cleaner reads markers only where they can start (str.find), not at every character:
    the matches, and so the cleaned text, are those of the plain regex scans."""
    lowered = body.lower()
    assert cleaner._without_framing(body) == cleaner.FRAMING.sub(" ", body)
    assert cleaner.FRAMING.search(body) is not None
    spans = [m.span() for m in cleaner.INLINE_NOISE_LOWER.finditer(lowered)]
    assert spans
    assert list(cleaner._inline_noise_spans(lowered)) == spans
    markers = [m.span() for m in cleaner.RELATED_MARKER_LOWER.finditer(lowered)]
    position, found = 0, []
    while (marker := cleaner._search_related_marker(lowered, position)) is not None:
        found.append(marker.span())
        position = marker.end()
    assert markers and found == markers


def test_a_glued_speech_verb_is_spaced_after_the_same_verb_written_apart() -> None:
    text = "Ia mengatakan harga naik. Kepala BPS Amalia Adininggarmenyatakan inflasi turun."
    assert restore_glued_speech_verbs(text) == (
        "Ia mengatakan harga naik. Kepala BPS Amalia Adininggar menyatakan inflasi turun."
    )


def test_speech_verbs_written_apart_leave_the_text_unchanged() -> None:
    text = "Ia mengatakan, (menyatakan) dan\nmenegaskan bahwa harga naik."
    assert restore_glued_speech_verbs(text) == text
