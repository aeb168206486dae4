"""Keywords give analysts the topic of an article: content words and names, never function words."""

from __future__ import annotations

from warta.extract.keywords import extract_keywords, load_keyword_stopwords

BI_RATE = (
    "Bank Indonesia (BI) memutuskan untuk mempertahankan suku bunga acuan BI-Rate di level 6,25 "
    "persen dalam Rapat Dewan Gubernur (RDG) yang digelar pada 19-20 Juni 2024. Suku bunga "
    "Deposit Facility juga tetap sebesar 5,50 persen, sedangkan suku bunga Lending Facility tetap "
    "7,00 persen.\n\n"
    "Gubernur BI Perry Warjiyo mengatakan keputusan itu konsisten dengan kebijakan moneter yang "
    "pro-stabilitas, yakni untuk memperkuat stabilisasi nilai tukar rupiah dari dampak "
    'ketidakpastian global. "Keputusan ini juga sebagai langkah pre-emptive dan forward looking '
    'untuk memastikan inflasi tetap terkendali," ujar Perry dalam konferensi pers di Jakarta, '
    "Kamis (20/6).\n\n"
    "Menurut Perry, nilai tukar rupiah tertekan oleh penguatan dolar Amerika Serikat seiring "
    "sikap bank sentral AS, The Fed, yang belum akan menurunkan suku bunga dalam waktu dekat. "
    "Rupiah pada Rabu (19/6) ditutup melemah ke level Rp16.430 per dolar AS.\n\n"
    "Bank Indonesia memperkirakan inflasi tetap terjaga dalam sasaran 2,5 plus minus 1 persen "
    "pada 2024. Perry menambahkan, BI akan terus memperkuat intervensi di pasar valuta asing "
    "serta pembelian Surat Berharga Negara (SBN) di pasar sekunder untuk menjaga stabilitas nilai "
    "tukar rupiah."
)
BI_TITLE = "BI Tahan Suku Bunga Acuan di 6,25 Persen demi Jaga Rupiah"

FLOOD = (
    "Banjir merendam ratusan rumah di Kecamatan Dayeuhkolot, Kabupaten Bandung, Jawa Barat, "
    "sejak Selasa malam. Ketinggian air mencapai satu meter di sejumlah titik setelah Sungai "
    "Citarum meluap akibat hujan deras.\n\n"
    "Kepala Pelaksana BPBD Kabupaten Bandung Uka Suska mengatakan sebanyak 1.200 warga mengungsi "
    "ke masjid dan balai desa. Petugas menyiapkan perahu karet untuk mengevakuasi warga yang "
    "masih bertahan di rumah.\n\n"
    "Menurut Uka, banjir di Dayeuhkolot hampir terjadi setiap musim hujan karena permukiman "
    "berada di dataran rendah. Warga berharap pemerintah segera menuntaskan normalisasi Sungai "
    "Citarum agar banjir tidak terus berulang."
)


def test_rate_decision_article_yields_its_topic_not_function_words():
    keywords = extract_keywords(BI_RATE)
    assert {"suku bunga", "nilai tukar", "rupiah", "BI", "Bank Indonesia"} <= set(keywords)
    assert not set(keywords) & {"yang", "dan", "di", "untuk", "dalam", "persen", "juga"}


def test_default_returns_eight_keywords():
    assert len(extract_keywords(BI_RATE)) == 8


def test_word_pair_that_occurs_together_becomes_one_phrase():
    keywords = extract_keywords(BI_RATE, k=20)
    assert "suku" not in keywords
    # only the sentence-initial "Suku bunga" is left over as a lone "bunga"
    assert keywords.index("suku bunga") < keywords.index("bunga")


def test_person_is_named_in_full_without_office_or_sentence_starter():
    keywords = extract_keywords(BI_RATE, k=20)
    assert "Perry Warjiyo" in keywords
    assert not [keyword for keyword in keywords if "Gubernur" in keyword or "Menurut" in keyword]
    assert "Perry" not in keywords  # the short form counts for the full name


def test_names_keep_their_case_and_common_words_are_lowercase():
    keywords = extract_keywords(FLOOD, k=12)
    assert "banjir" in keywords and "Banjir" not in keywords  # sentence-initial "Banjir" merged
    assert "Kecamatan Dayeuhkolot" in keywords
    assert "Sungai Citarum" in keywords
    assert not [keyword for keyword in keywords if keyword.startswith(("Kepala", "Menurut"))]


def test_title_words_are_weighted_up():
    without_title = extract_keywords(BI_RATE, k=20)
    with_title = extract_keywords(BI_RATE, BI_TITLE, k=20)
    assert with_title.index("acuan") < without_title.index("acuan")
    assert with_title[0] in {"suku bunga", "rupiah", "BI"}


def test_title_word_absent_from_body_is_not_invented():
    assert "tahan" not in extract_keywords(BI_RATE, BI_TITLE, k=30)


def test_ties_are_broken_alphabetically():
    body = "Warga Cianjur panik saat gempa mengguncang. Rumah warga di Cianjur rusak akibat gempa."
    assert extract_keywords(body, k=4) == ["Cianjur", "gempa", "mengguncang", "panik"]


def test_same_input_gives_same_output():
    assert extract_keywords(BI_RATE, BI_TITLE) == extract_keywords(BI_RATE, BI_TITLE)


def test_reduplicated_plural_counts_as_its_base_word():
    body = "Daerah-daerah tertinggal menerima dana desa. Dana itu dibagi ke daerah lain."
    assert extract_keywords(body, k=2) == ["daerah", "dana"]  # two each, alphabetical


def test_empty_or_stopword_only_text_yields_nothing():
    assert extract_keywords("") == []
    assert extract_keywords("Yang dan di ke dari untuk yang dan.") == []
    assert extract_keywords(BI_RATE, k=0) == []


def test_stopword_list_holds_function_words_but_not_topics():
    stopwords = load_keyword_stopwords()
    assert {"yang", "dan", "di", "untuk", "bahwa", "ujar", "kamis"} <= stopwords
    assert not {"banjir", "rupiah", "inflasi", "bunga"} & stopwords


def test_overlapping_word_pairs_keep_the_phrase_written_together_most_often():
    body = (
        "Penetapan suku bunga pinjaman daring diperiksa KPPU. Menurut KPPU, penetapan suku bunga "
        "pinjaman itu dilakukan bersama. Suku bunga yang sama dipakai puluhan platform, dan suku "
        "bunga tersebut dinilai terlalu tinggi. Sidang lanjutan perkara suku bunga digelar pekan "
        "depan, ketika penetapan ulang belum dibahas dan pinjaman terus disalurkan."
    )
    found = extract_keywords(body)
    assert "suku bunga" in found
    assert "penetapan suku" not in found and "bunga pinjaman" not in found


def test_a_title_word_inside_a_kept_name_credits_the_name_instead_of_returning_alone():
    body = (
        "Presiden Prabowo Subianto meminta menteri mempercepat belanja negara. Prabowo "
        "menyampaikan hal itu di Istana Merdeka, Jakarta. Menurut Prabowo, belanja negara harus "
        "tepat sasaran. Belanja negara tahun ini ditargetkan naik."
    )
    found = extract_keywords(body, title="Prabowo Minta Belanja Negara Dipercepat")
    assert "Prabowo Subianto" in found
    assert "Prabowo" not in found


def test_only_words_written_next_to_each_other_make_a_phrase():
    body = (
        "Pedagang menyebut harga cabai naik lagi pekan ini. Di pasar lain harga beras dan cabai "
        "justru turun, sedangkan harga gula dan cabai rawit stabil. Kenaikan harga cabai itu "
        "dipicu cuaca, dan harga cabai diperkirakan kembali normal bulan depan."
    )
    found = extract_keywords(body)
    assert "harga cabai" in found
    assert "beras cabai" not in found  # "beras dan cabai": a function word between
