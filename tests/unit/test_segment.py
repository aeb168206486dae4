"""Paragraph and sentence segmentation of Indonesian news text.

The short texts are written for these tests in news style; the seed and the corpus paragraphs are
read from the shared reference folder at test time and never copied into the project.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from warta.config import shared_dir
from warta.model import Paragraph, Sentence
from warta.segment import segment, split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()
SEED = SHARED / "seed" / "pahami-2024-06-21.txt"
GOLD = SHARED / "gold" / "pahami-2024-06-21.gold.json"
DETIK = SHARED / "corpora" / "detik" / "data_berita.csv"
CNN = SHARED / "corpora" / "cnnindonesia" / "inflasi_scraped_articles.csv"

csv.field_size_limit(10**8)


def sentence_texts(body_text: str) -> list[str]:
    return [s.text for s in segment(body_text)[1]]


def seed_body() -> str:
    """The seed minus its dateline and editor-code lines, paragraphs joined as the cleaner does."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return "\n\n".join(lines[1:-1])


def assert_offsets_consistent(
    body_text: str, paragraphs: list[Paragraph], sentences: list[Sentence]
) -> None:
    """Every span points back into body_text, sentences tile their paragraph up to whitespace."""
    assert [p.paragraph_no for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    assert [s.sentence_no for s in sentences] == list(range(1, len(sentences) + 1))
    by_no = {p.paragraph_no: p for p in paragraphs}
    for paragraph in paragraphs:
        text = body_text[paragraph.char_start : paragraph.char_end]
        assert text and text == text.strip()
    cursor: dict[int, int] = {p.paragraph_no: p.char_start for p in paragraphs}
    for sentence in sentences:
        paragraph = by_no[sentence.paragraph_no]
        assert sentence.text == body_text[sentence.char_start : sentence.char_end]
        assert sentence.text and sentence.text == sentence.text.strip()
        assert paragraph.char_start <= sentence.char_start < sentence.char_end <= paragraph.char_end
        gap = body_text[cursor[sentence.paragraph_no] : sentence.char_start]
        assert gap.strip() == "", f"text lost between sentences: {gap!r}"
        cursor[sentence.paragraph_no] = sentence.char_end
    for paragraph in paragraphs:
        assert cursor[paragraph.paragraph_no] == paragraph.char_end, "paragraph tail not covered"


# --- the seed article ---------------------------------------------------------------------------


def test_seed_article_has_the_gold_twelve_paragraphs_and_fifteen_sentences() -> None:
    body = seed_body()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))

    paragraphs, sentences = segment(body)

    assert (len(paragraphs), len(sentences)) == (12, 15)
    assert (len(paragraphs), len(sentences)) == (gold["paragraphs"], gold["sentences"])
    assert_offsets_consistent(body, paragraphs, sentences)


def test_seed_paragraphs_are_exactly_the_source_lines() -> None:
    body = seed_body()
    lines = SEED.read_text(encoding="utf-8").splitlines()[1:-1]

    paragraphs = split_paragraphs(body)

    assert [body[p.char_start : p.char_end] for p in paragraphs] == lines


def test_seed_quote_closed_by_comma_stays_one_sentence_with_its_attribution() -> None:
    sentences = split_sentences(seed_body())

    last = sentences[-1]
    assert last.paragraph_no == 12
    assert last.text.startswith("“Dalam hal ini")
    assert last.text.endswith("),” ujarnya.")


# --- paragraphs ---------------------------------------------------------------------------------


def test_paragraph_offsets_skip_surrounding_whitespace_and_empty_blocks() -> None:
    body = "\n  Harga cabai naik tajam.  \n\n\n\nPedagang mengeluh sepi pembeli.\n \n"

    paragraphs = split_paragraphs(body)

    assert [body[p.char_start : p.char_end] for p in paragraphs] == [
        "Harga cabai naik tajam.",
        "Pedagang mengeluh sepi pembeli.",
    ]
    assert [p.paragraph_no for p in paragraphs] == [1, 2]


def test_empty_body_has_no_paragraphs_and_no_sentences() -> None:
    assert segment("") == ([], [])
    assert segment(" \n\n ") == ([], [])


def test_sentences_never_cross_a_paragraph_break_even_without_final_punctuation() -> None:
    body = "BI menahan suku bunga di level 6 persen\n\nKeputusan itu diambil dalam RDG bulanan."

    sentences = split_sentences(body)

    assert [(s.paragraph_no, s.text) for s in sentences] == [
        (1, "BI menahan suku bunga di level 6 persen"),
        (2, "Keputusan itu diambil dalam RDG bulanan."),
    ]


def test_sentence_numbers_run_across_the_whole_document() -> None:
    body = "Rupiah melemah. Saham menguat.\n\nEmas stabil. Minyak turun."

    sentences = split_sentences(body)

    assert [(s.sentence_no, s.paragraph_no) for s in sentences] == [(1, 1), (2, 1), (3, 2), (4, 2)]


def test_split_sentences_computes_paragraphs_itself_when_not_given() -> None:
    body = seed_body()

    assert split_sentences(body) == split_sentences(body, split_paragraphs(body))


# --- basic boundaries ---------------------------------------------------------------------------


def test_full_stop_question_and_exclamation_followed_by_capital_end_sentences() -> None:
    body = (
        "Apakah subsidi energi akan dipangkas? Pemerintah belum memutuskan. "
        "Warga diminta tetap tenang! 2025 menjadi tahun yang berat bagi industri tekstil."
    )

    assert sentence_texts(body) == [
        "Apakah subsidi energi akan dipangkas?",
        "Pemerintah belum memutuskan.",
        "Warga diminta tetap tenang!",
        "2025 menjadi tahun yang berat bagi industri tekstil.",
    ]


def test_lowercase_after_a_full_stop_splits_only_after_an_ordinary_word() -> None:
    # A forgotten capital ("pedagang. sementara") is a sentence end; a short unit is not.
    body = "Penjualan naik 5 kg. per hari menurut pedagang. sementara itu harga gula tetap."

    assert sentence_texts(body) == [
        "Penjualan naik 5 kg. per hari menurut pedagang.",
        "sementara itu harga gula tetap.",
    ]


def test_lowercase_after_an_abbreviation_or_ellipsis_is_not_a_boundary() -> None:
    body = "Harga beras, gula, dll. naik lagi... kata pedagang. Pasar tetap ramai."

    assert sentence_texts(body) == [
        "Harga beras, gula, dll. naik lagi... kata pedagang.",
        "Pasar tetap ramai.",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Rapat digelar Selasa (25/10).Hasilnya akan diumumkan pekan depan.",
            ["Rapat digelar Selasa (25/10).", "Hasilnya akan diumumkan pekan depan."],
        ),
        (
            "Rupiah ditutup di Rp15.848 per dolar AS.Rupiah menguat sejak pagi.",
            ["Rupiah ditutup di Rp15.848 per dolar AS.", "Rupiah menguat sejak pagi."],
        ),
        (
            "Pasar libur pada Idulfitri 1445 H.Berdasarkan data BI, rupiah stabil.",
            ["Pasar libur pada Idulfitri 1445 H.", "Berdasarkan data BI, rupiah stabil."],
        ),
        (
            "Inflasi diperkirakan tetap rendah.IMF memuji kebijakan BI.",
            ["Inflasi diperkirakan tetap rendah.", "IMF memuji kebijakan BI."],
        ),
        (
            "Bank Indonesia menahan suku bunga (BI-Rate)Keputusan itu sesuai perkiraan.",
            ["Bank Indonesia menahan suku bunga (BI-Rate)", "Keputusan itu sesuai perkiraan."],
        ),
    ],
)
def test_terminator_or_bracket_glued_to_a_capitalised_word_is_a_lost_break(
    body: str, expected: list[str]
) -> None:
    assert sentence_texts(body) == expected


def test_glued_straight_quote_opens_the_next_sentence_unless_one_is_open() -> None:
    body = (
        'Rupiah bergerak di kisaran Rp14.250 per dolar AS."Pelaku pasar masih menunggu The '
        'Fed," kata Deddy. "Pekan ini sepi."Ia menambahkan rupiah akan stabil.'
    )

    assert sentence_texts(body) == [
        "Rupiah bergerak di kisaran Rp14.250 per dolar AS.",
        '"Pelaku pasar masih menunggu The Fed," kata Deddy.',
        '"Pekan ini sepi."',
        "Ia menambahkan rupiah akan stabil.",
    ]


def test_domains_glued_to_a_capital_stay_whole() -> None:
    body = "Laporan dikutip dari Tempo.Co dan KOMPAS.com pada Senin. Isinya serupa."

    assert sentence_texts(body) == [
        "Laporan dikutip dari Tempo.Co dan KOMPAS.com pada Senin.",
        "Isinya serupa.",
    ]


# --- quotes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“Inflasi tetap terkendali.” Menurut dia, harga pangan mulai turun.",
            ["“Inflasi tetap terkendali.”", "Menurut dia, harga pangan mulai turun."],
        ),
        (
            '"Kami siap bertanding!" Pelatih Timnas itu optimistis.',
            ['"Kami siap bertanding!"', "Pelatih Timnas itu optimistis."],
        ),
        (
            "“Apakah ini adil?” Pertanyaan itu dilontarkan anggota Komisi III.",
            ["“Apakah ini adil?”", "Pertanyaan itu dilontarkan anggota Komisi III."],
        ),
        (
            'Ia lalu bertanya, "Siapa yang akan membayar?" Tidak ada yang menjawab.',
            ['Ia lalu bertanya, "Siapa yang akan membayar?"', "Tidak ada yang menjawab."],
        ),
    ],
)
def test_closing_quote_after_terminator_stays_with_its_sentence(
    body: str, expected: list[str]
) -> None:
    assert sentence_texts(body) == expected


def test_comma_closed_quote_never_ends_a_sentence() -> None:
    body = (
        "“Stok beras di gudang Bulog cukup sampai Lebaran,” kata Menteri Perdagangan Budi Santoso. "
        "Ia meminta masyarakat tidak panik."
    )

    assert sentence_texts(body) == [
        "“Stok beras di gudang Bulog cukup sampai Lebaran,” kata Menteri Perdagangan Budi Santoso.",
        "Ia meminta masyarakat tidak panik.",
    ]


def test_question_quote_followed_by_lowercase_attribution_is_one_sentence() -> None:
    body = "“Siapa yang bertanggung jawab atas banjir ini?” tanya anggota DPRD itu dengan marah."

    assert sentence_texts(body) == [body]


def test_multi_sentence_quote_splits_and_the_last_piece_keeps_the_attribution() -> None:
    body = (
        "“Kami berhasil menekan angka kemiskinan. Ini juga berkat kerja keras kita semua, "
        "terutama para kepala daerah,” ujar Menteri Sosial, Selasa (21/10/2025)."
    )

    assert sentence_texts(body) == [
        "“Kami berhasil menekan angka kemiskinan.",
        "Ini juga berkat kerja keras kita semua, terutama para kepala daerah,” "
        "ujar Menteri Sosial, Selasa (21/10/2025).",
    ]


# --- abbreviations and titles -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # academic, medical and religious titles
        "Menkes Dr. Budi Gunadi Sadikin meninjau RSUD bersama dr. Siti Nadia Tarmizi. "
        "Keduanya memeriksa ruang isolasi.",
        "Rektor Prof. Ari Kuncoro membuka seminar yang juga menghadirkan Ir. Basuki Hadimuljono. "
        "Acara berlangsung tertutup.",
        "Tausiah disampaikan K.H. Anwar Iskandar, H. Abdul Somad dan Hj. Nurhayati. "
        "Jemaah memadati halaman masjid.",
        "Buku itu ditulis Drs. Bambang Wiyono bersama Prof. Dr. Emil Salim. "
        "Peluncurannya digelar di Yogyakarta.",
        # police and military ranks
        "Kapolres Kombes. Pol. Ade Rahmat Idnal memimpin apel pagi. "
        "Penangkapan dipimpin AKBP. Nurma Dewi.",
        # addresses and administrative units
        "Kebakaran terjadi di Jl. Kebon Jeruk Raya No. 27, Kec. Kebon Jeruk. "
        "Api padam setelah dua jam.",
        "Posko banjir dibuka di Jln. Sudirman, Kel. Cempaka Putih, Kab. Bekasi. "
        "Warga diminta mengungsi.",
        # money, companies, letters
        "Harga beras naik menjadi Rp. 14.500 per kilogram di PT. Food Station Tipar Cakung. "
        "Kenaikan terjadi di 20 kota.",
        "Surat ditujukan kepada Yth. Bpk. Joko Santoso u.p. Kepala Bagian Umum. "
        "Surat itu diteken a.n. Sekretaris Daerah oleh Sdr. Andi Wijaya.",
        "Delegasi menginap di Hotel St. Regis Jakarta. Pertemuan dimulai pukul 09.00 WIB.",
        # initials
        "Presiden ke-6 RI Susilo B. Yudhoyono bertemu mantan Gubernur BI Agus D.W. Martowardojo. "
        "Pertemuan itu juga dihadiri A. Rahman.",
        "Laporan itu disusun oleh A. Rahman Hakim dan rekan-rekannya. Hasilnya dirilis Senin.",
        "Hal itu dikatakan W. Brian Tanuwijaya di Jakarta. Ia menolak berkomentar lebih jauh.",
        "Mantan Gubernur Sulawesi Utara S.H. Sarundajang hadir dalam acara itu. Ia datang sendiri.",
        # degrees in the middle of a sentence
        "Seminar dibuka Kepala Dinas Kesehatan Dr. Rina Marlina, M.Si. dan dihadiri 300 peserta. "
        "Topiknya stunting.",
        # dll., dsb., dst. inside a sentence
        "Bahan pokok seperti beras, gula, telur, dll. mengalami kenaikan harga, dsb. yang "
        "dikeluhkan warga, dst. Pemerintah berjanji turun tangan.",
    ],
)
def test_abbreviations_titles_and_initials_do_not_end_sentences(body: str) -> None:
    sentences = sentence_texts(body)

    assert len(sentences) == 2, sentences


def test_title_keeps_its_name_in_the_same_sentence() -> None:
    body = "Kedatangan Prof. Dr. Emil Salim disambut mahasiswa. Ia memberi kuliah umum."

    assert sentence_texts(body)[0] == "Kedatangan Prof. Dr. Emil Salim disambut mahasiswa."


def test_cabbage_is_not_a_colonel() -> None:
    # "Kol." is a rank, "kol." is a vegetable at the end of a list.
    body = "Harga yang naik antara lain cabai, bawang dan kol. Meskipun begitu, beras stabil."

    assert len(sentence_texts(body)) == 2


@pytest.mark.parametrize(
    ("body", "expected_count"),
    [
        ("Saham PT Bank Central Asia Tbk. (BBCA) menguat 2 persen. Investor asing masuk.", 2),
        ("Saham PT Bank Negara Indonesia (Persero) Tbk. Lalu, saham bank lain menyusul.", 2),
        ("Nomura Securities Co. Ltd. Duta Besar RI untuk Jepang hadir dalam acara itu.", 2),
        ("Harga pertalite, solar, dkk. Belum lagi inflasi pangan ikut menekan.", 2),
        ("Gugatan diajukan kuasa hukum korban, Andi Saputra, S.H., M.H. Sidang digelar Rabu.", 2),
        ("Kuliah itu dibawakan Dr. Rina Marlina, M.Si. Ia pakar gizi dari IPB.", 2),
    ],
)
def test_suffix_abbreviations_end_a_sentence_only_before_a_capitalised_word(
    body: str, expected_count: int
) -> None:
    assert len(sentence_texts(body)) == expected_count


@pytest.mark.parametrize(
    "body",
    [
        "Pelaku berinisial Z. Tersangka Z ditangkap di Bekasi.",
        "Keduanya masih duduk di kelas I. Meski demikian, mereka sudah berprestasi.",
        "Ramadhan tahun 1436 H. Paket bantuan dibagikan sebelum Lebaran.",
        # a function word after the letter shows it was a label even after "dan"
        "Truk itu mengangkut material galian A dan C. Kemudian polisi menyita muatannya.",
    ],
)
def test_capital_letter_after_a_lowercase_word_or_number_is_a_label_that_ends_a_sentence(
    body: str,
) -> None:
    assert len(sentence_texts(body)) == 2


def test_numbered_list_item_at_paragraph_start_is_not_a_sentence() -> None:
    body = "1. Surat keterangan domisili dari kelurahan.\n\n2. Fotokopi KTP yang masih berlaku."

    assert sentence_texts(body) == [
        "1. Surat keterangan domisili dari kelurahan.",
        "2. Fotokopi KTP yang masih berlaku.",
    ]


def test_numbered_list_item_at_line_start_inside_a_paragraph_is_not_a_sentence() -> None:
    body = "Syarat pendaftaran:\n1. Surat keterangan domisili.\n2. Fotokopi KTP."

    assert sentence_texts(body) == [
        "Syarat pendaftaran:\n1. Surat keterangan domisili.",
        "2. Fotokopi KTP.",
    ]


def test_list_number_after_a_sentence_end_is_not_a_sentence() -> None:
    body = "Berikut ulasannya. 1. Logam mulia menjadi pilihan utama. 2. Deposito menyusul."

    assert sentence_texts(body) == [
        "Berikut ulasannya.",
        "1. Logam mulia menjadi pilihan utama.",
        "2. Deposito menyusul.",
    ]


def test_list_numbers_glued_to_the_previous_item_start_the_next_one() -> None:
    body = (
        "1. Kabupaten Bima turun menjadi Rp 1 triliun.2. Kota Mataram turun menjadi Rp 642 "
        "miliar3. Kota Bima turun menjadi Rp 425 miliar."
    )

    assert sentence_texts(body) == [
        "1. Kabupaten Bima turun menjadi Rp 1 triliun.",
        "2. Kota Mataram turun menjadi Rp 642 miliar",
        "3. Kota Bima turun menjadi Rp 425 miliar.",
    ]


def test_comma_separated_numbered_items_stay_one_sentence() -> None:
    body = "Tersangkanya: 1. Andi selaku direktur sejak 2006,2. Budi selaku manajer sejak 2015."

    assert sentence_texts(body) == [body]


@pytest.mark.parametrize(
    "body",
    [
        "Dealer utama itu antara lain JP Morgan Chase Bank N.A. Kemudian bank BUMN menyusul.",
        "Ia sering mendaki di daerah L.A. Tentunya ia paham memilih sepatu.",
        "Pendaftaran dibuka hingga H-1. Tiap peserta wajib membawa KTP.",
    ],
)
def test_initials_or_counts_before_a_sentence_opener_end_the_sentence(body: str) -> None:
    assert len(sentence_texts(body)) == 2


@pytest.mark.parametrize(
    "body",
    [
        "Aturan itu diubah melalui UU No. 1/2015 jo. UU No. 10/2016 tentang Pilkada. Isinya baru.",
        "Tim dipimpin Dr. Eng. Ir. Bimastyaji Surya Ramadan dari Undip. Alatnya murah.",
        "Artikel di Jurnal SejarahVol. 6 No. 2 membahas Tan Malaka. Ia pencetus republik.",
    ],
)
def test_legal_and_glued_abbreviations_do_not_end_sentences(body: str) -> None:
    assert len(sentence_texts(body)) == 2


# --- numbers, dates, times, domains, ellipses ---------------------------------------------------


def test_decimals_and_thousands_do_not_split() -> None:
    body = (
        "Ekonomi tumbuh 6,1 persen dan menyerap 3.016 orang. Nilai investasi mencapai Rp2.5 "
        "triliun, naik dari Rp1.250.000.000 tahun lalu."
    )

    assert sentence_texts(body) == [
        "Ekonomi tumbuh 6,1 persen dan menyerap 3.016 orang.",
        "Nilai investasi mencapai Rp2.5 triliun, naik dari Rp1.250.000.000 tahun lalu.",
    ]


def test_day_month_dates_in_parentheses_end_and_continue_sentences_correctly() -> None:
    body = (
        "Kedua menteri bertemu pada Jumat (21/6). Pada Kamis (20/6) Presiden menerima "
        "laporan itu. Sidang lanjutan dijadwalkan Senin (24/6/2024)."
    )

    assert sentence_texts(body) == [
        "Kedua menteri bertemu pada Jumat (21/6).",
        "Pada Kamis (20/6) Presiden menerima laporan itu.",
        "Sidang lanjutan dijadwalkan Senin (24/6/2024).",
    ]


def test_clock_times_split_only_at_a_real_sentence_end() -> None:
    body = (
        "Pasar dibuka pukul 08.00 WIB dan ditutup pukul 16.30. Setelah itu petugas membersihkan "
        "lapak."
    )

    assert sentence_texts(body) == [
        "Pasar dibuka pukul 08.00 WIB dan ditutup pukul 16.30.",
        "Setelah itu petugas membersihkan lapak.",
    ]


def test_domains_urls_and_emails_stay_whole_and_end_sentences_when_final() -> None:
    body = (
        "Data itu dikutip dari Kompas.com dan Pahami.id pada Jumat (21/6). Informasi lengkap "
        "tersedia di https://www.bps.go.id/id/pressrelease. Pertanyaan dapat dikirim ke "
        "humas@bps.go.id. Laporan juga dimuat Tiket.com. Tautan pendaftaran ada di bit.ly/daftar. "
        "Pendaftaran ditutup Jumat."
    )

    assert sentence_texts(body) == [
        "Data itu dikutip dari Kompas.com dan Pahami.id pada Jumat (21/6).",
        "Informasi lengkap tersedia di https://www.bps.go.id/id/pressrelease.",
        "Pertanyaan dapat dikirim ke humas@bps.go.id.",
        "Laporan juga dimuat Tiket.com.",
        "Tautan pendaftaran ada di bit.ly/daftar.",
        "Pendaftaran ditutup Jumat.",
    ]


def test_spaced_ellipsis_marks_an_omission_and_glued_one_ends_a_sentence() -> None:
    # In the crawls every ellipsis glued to its word before a capital ends a sentence.
    body = (
        "“Kami sudah berkoordinasi dengan ... Kementerian Perdagangan dan Bulog,” ujarnya. "
        "Harga cabai terus naik… Pedagang mengeluhkan sepinya pembeli."
    )

    assert sentence_texts(body) == [
        "“Kami sudah berkoordinasi dengan ... Kementerian Perdagangan dan Bulog,” ujarnya.",
        "Harga cabai terus naik…",
        "Pedagang mengeluhkan sepinya pembeli.",
    ]


def test_ellipsis_closing_a_quote_ends_the_sentence() -> None:
    body = "“Kami masih menunggu…” Ia tidak melanjutkan kalimatnya."

    assert sentence_texts(body) == ["“Kami masih menunggu…”", "Ia tidak melanjutkan kalimatnya."]


# --- real crawled text --------------------------------------------------------------------------


def real_paragraphs(path: Path, column: str, wanted: int) -> list[str]:
    """Long lines of crawled article bodies: the paragraphs a cleaner would hand over."""
    paragraphs: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for line in row[column].splitlines():
                line = line.strip()
                if len(line) >= 80:
                    paragraphs.append(line)
                if len(paragraphs) == wanted:
                    return paragraphs
    return paragraphs


def test_offsets_hold_on_fifty_real_cnn_and_detik_paragraphs() -> None:
    paragraphs_in = real_paragraphs(DETIK, "isi_berita", 25) + real_paragraphs(CNN, "Content", 25)
    body = "\n\n".join(paragraphs_in)

    paragraphs, sentences = segment(body)

    assert len(paragraphs_in) == 50
    assert [body[p.char_start : p.char_end] for p in paragraphs] == paragraphs_in
    assert_offsets_consistent(body, paragraphs, sentences)
    assert len(sentences) > len(paragraphs)  # real news paragraphs hold several sentences


def test_offsets_hold_on_every_detik_article() -> None:
    with DETIK.open(encoding="utf-8", newline="") as handle:
        bodies = [row["isi_berita"] for row in csv.DictReader(handle)]

    for body in bodies:
        paragraphs, sentences = segment(body)
        assert_offsets_consistent(body, paragraphs, sentences)
    assert len(bodies) == 1000
