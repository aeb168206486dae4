"""Quotes in the shapes of outlets the extractor was not developed on (KapanLagi, Liputan6,
Okezone, Tribun, Kontan): speech standing after the sentence that introduces its speaker,
written speech (captions, posts), scare quotes, quotes split by their attribution, and the
outlet a quote is cited from."""

from __future__ import annotations

import pytest
from warta import segment
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import Quote


def quotes_of(body: str) -> list[Quote]:
    _, sentences = segment.segment(body)
    return find_quotes(body, sentences, find_entities(body, sentences))


def direct_quotes(body: str) -> list[Quote]:
    return [q for q in quotes_of(body) if q.kind == "direct"]


def quote_starting(body: str, speech_start: str) -> Quote:
    matching = [q for q in quotes_of(body) if q.text.startswith(speech_start)]
    assert len(matching) == 1, [q.text for q in quotes_of(body)]
    return matching[0]


# ---------------------------------------------------------------- 1. speech after its speaker


def test_speech_after_a_sentence_headed_by_a_named_person_is_that_persons_quote():
    body = (
        "Ketua RT setempat, Slamet Riyadi, tampak kesal melihat tumpukan sampah di bantaran "
        'kali. "Ini sudah berkali-kali kami ingatkan. Tapi tetap saja ada yang membuang sampah '
        'di sini."\n\nPetugas kebersihan baru datang sore harinya.'
    )
    quote = quote_starting(body, "Ini sudah berkali-kali")
    assert quote.kind == "direct"
    assert quote.speaker_name == "Slamet Riyadi"


def test_speech_after_a_sentence_headed_by_ia_is_the_persons_the_pronoun_points_to():
    body = (
        "Kepala Desa Sukamaju, Ahmad Fauzi, menggelar pertemuan dengan warga pada Minggu malam."
        "\n\nIa meminta pendatang menghargai warga desa. \"Jika anda tinggal di desa, tentunya "
        'anda harus menghormati adat yang berlaku di sini."'
    )
    quote = quote_starting(body, "Jika anda tinggal di desa")
    assert quote.kind == "direct"
    assert quote.speaker_name == "Ahmad Fauzi"


def test_speech_as_the_whole_paragraph_after_its_speakers_paragraph_is_his_quote():
    body = (
        "Pelatih Persib Bandung, Bojan Hodak, mengaku puas dengan permainan anak asuhnya.\n\n"
        '"Saya lihat anak-anak bermain dengan disiplin. Ini modal bagus untuk laga berikutnya."'
        "\n\nPersib akan menjamu Persija pada laga berikutnya."
    )
    assert quote_starting(body, "Saya lihat anak-anak").speaker_name == "Bojan Hodak"


def test_speech_after_a_sentence_with_ia_after_its_lead_is_the_pronouns_person():
    body = (
        "Pengacara Razman Arif Nasution mengunggah video di media sosial. Dalam video itu, ia "
        'tampak geram. "Saya minta polisi segera menangkap pelaku. Jangan tunggu viral dulu."'
    )
    assert quote_starting(body, "Saya minta polisi").speaker_name == "Razman Arif Nasution"


def test_the_platform_before_the_person_heading_a_sentence_does_not_hide_the_person():
    body = (
        "Lewat unggahan di Instagram, Eri Cahyadi mengingatkan warga soal sampah. “Jangan buang "
        "sampah sembarangan. Kota ini milik kita bersama.”"
    )
    assert quote_starting(body, "Jangan buang sampah").speaker_name == "Eri Cahyadi"


def test_speech_after_an_institution_acting_on_a_person_is_not_that_persons():
    body = (
        'KPK memeriksa Budi Santoso sebagai saksi. "Saksi didalami soal aliran dana ke '
        'sejumlah pihak. Pemeriksaan masih berlangsung."'
    )
    assert all(q.speaker_name != "Budi Santoso" for q in quotes_of(body))


def test_speech_after_a_neighbour_of_a_named_person_is_not_the_named_persons():
    body = (
        "Keributan di kompleks itu terjadi sejak pekan lalu. Tetangga Charlotte yang tinggal di "
        'ujung jalan itu tampak kesal. "Ini sebuah mimpi buruk. Aku kira keributan ini tidak '
        'akan pernah berakhir."'
    )
    quote = quote_starting(body, "Ini sebuah mimpi buruk")
    assert quote.kind == "direct"
    assert quote.speaker_name is None


def test_quoted_sentence_after_a_sentence_about_no_person_is_not_attributed():
    body = (
        "Harga cabai rawit di Pasar Induk Kramat Jati naik tajam pekan ini. "
        '"Stok menipis dan harga bisa naik lagi."'
    )
    assert all(q.speaker_name is None for q in quotes_of(body))


# ---------------------------------------------------------------- 2. written speech


def test_caption_berbunyi_with_nested_single_quotes_is_the_account_holders_quote():
    body = (
        "Penyanyi Raisa Andriana membagikan potret lawasnya. Raisa menuliskan caption yang "
        'berbunyi, "Inilah aku saat masih berusia 13 tahun. Masih polos dan suka menulis (dari '
        "'sidang buku curhat' di hidupku).\"\n\nUnggahan itu disukai ribuan warganet."
    )
    quote = quote_starting(body, "Inilah aku saat masih")
    assert quote.kind == "direct"
    assert quote.speaker_name == "Raisa Andriana"
    assert quote.text.endswith("di hidupku).")
    assert len(direct_quotes(body)) == 1  # the inner 'sidang buku curhat' is no second quote


def test_upload_with_a_caption_is_the_uploaders_quote():
    body = (
        "Prilly Latuconsina mengunggah foto bersama ibunya dengan keterangan, \"Terima kasih "
        'sudah selalu ada untukku, Ma. Aku sayang Mama."'
    )
    assert quote_starting(body, "Terima kasih sudah").speaker_name == "Prilly Latuconsina"


def test_writing_on_social_media_before_the_quote_is_the_writers_quote():
    body = (
        "Gubernur Jawa Barat Dedi Mulyadi menulis di akun media sosialnya, \"Saya minta semua "
        'kepala daerah turun langsung ke lapangan. Jangan hanya duduk di kantor."'
    )
    assert quote_starting(body, "Saya minta semua").speaker_name == "Dedi Mulyadi"


def test_post_on_instagram_then_the_quote_is_the_posters_quote():
    body = (
        "Menteri Pariwisata Widiyanti Putri Wardhana menyampaikan ucapan selamat lewat unggahan "
        'di Instagram. "Selamat kepada seluruh pelaku usaha wisata yang telah bekerja keras '
        'tahun ini."'
    )
    assert quote_starting(body, "Selamat kepada seluruh").speaker_name == (
        "Widiyanti Putri Wardhana"
    )


def test_the_platform_of_an_anonymous_account_is_not_the_speaker():
    body = (
        "Video tersebut diunggah di akun Instagram @warga_bantul yang memberikan keterangan, "
        '"Suara gemuruh guntur lama, lebih dari tiga menit."'
    )
    quote = quote_starting(body, "Suara gemuruh guntur")
    assert quote.kind == "direct"
    assert quote.speaker_name is None


# ---------------------------------------------------------------- 3. scare quotes


@pytest.mark.parametrize(
    "body",
    [
        'Sejak kecil tak ada yang bertanya "mau jadi apa" kepada mereka.',
        'Ia menyebut "jalan keluar" itu hanya solusi sementara bagi warga.',
        'Program "Sekolah Rakyat" mulai berjalan di 100 titik bulan ini.',
        'Adapun kata "Bapak" menjadi salah satu materi yang dinilai hakim.',
        'Warga menyebutnya sebagai "kampung mati" sejak banjir besar melanda.',
    ],
)
def test_a_short_term_or_question_inside_a_sentence_is_a_scare_quote_not_speech(body):
    assert direct_quotes(body) == []


def test_a_short_quote_ending_its_attribution_is_still_speech():
    body = 'Menteri Keuangan Sri Mulyani menegaskan, "Belum ada keputusan."'
    assert quote_starting(body, "Belum ada keputusan").speaker_name == "Sri Mulyani"


# ---------------------------------------------------------------- 4. quotes split by attribution


@pytest.mark.parametrize(
    "attribution",
    [
        "kata Budi",
        "ujarnya",
        "kata Budi di Jakarta, Senin (7/7/2025)",
    ],
)
def test_a_quote_split_by_its_attribution_gives_two_quotes_of_one_speaker(attribution):
    # the gold counts every span in quotation marks, keyed by its first words: two quotes
    body = (
        "Ketua panitia Budi Santoso memastikan acara tetap digelar meski hujan. "
        f'"Kami siap," {attribution}, "dan kami akan hadir besok bersama seluruh anggota."'
    )
    first = quote_starting(body, "Kami siap")
    second = quote_starting(body, "dan kami akan hadir")
    assert first.kind == second.kind == "direct"
    assert first.speaker_name == second.speaker_name == "Budi Santoso"


def test_a_quote_split_by_its_attribution_in_curly_marks_keeps_one_speaker():
    body = (
        "Kapolres Bogor AKBP Rio Wahyu Anggoro memimpin apel pagi itu. “Kami tidak akan "
        "mentoleransi pelanggaran,” tegas Rio, “siapa pun pelakunya akan kami proses.”"
    )
    first = quote_starting(body, "Kami tidak akan")
    second = quote_starting(body, "siapa pun pelakunya")
    assert first.speaker_name == second.speaker_name == "Rio Wahyu Anggoro"


# ---------------------------------------------------------------- 5. cited sources


@pytest.mark.parametrize(
    ("sentence", "source", "clause"),
    [
        (
            "Presiden Amerika Serikat Donald Trump mengatakan tarif baru akan berlaku bulan "
            "depan, seperti dikutip Reuters.",
            "Reuters",
            "tarif baru akan berlaku bulan depan",
        ),
        (
            "Perdana Menteri Jepang Shigeru Ishiba menyatakan pemerintahnya siap bernegosiasi, "
            "dilansir AFP, Jumat (11/7/2025).",
            "AFP",
            "pemerintahnya siap bernegosiasi",
        ),
        (
            "Menteri Keuangan Sri Mulyani menegaskan anggaran negara tetap aman, mengutip "
            "Antara.",
            "Antara",
            "anggaran negara tetap aman",
        ),
        (
            "Seperti dikutip Reuters, Presiden Donald Trump mengatakan tarif baru akan "
            "berlaku bulan depan.",
            "Reuters",
            "tarif baru akan berlaku bulan depan",
        ),
    ],
)
def test_an_indirect_quote_names_its_cited_source_and_leaves_it_out_of_the_speech(
    sentence, source, clause
):
    indirect = [q for q in quotes_of(sentence) if q.kind == "indirect"]
    assert len(indirect) == 1
    assert indirect[0].cited_source == source
    assert indirect[0].text == clause


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ('"Kami tidak akan mundur," kata Ishiba, seperti dilansir AFP.', "AFP"),
        (
            '"Harga beras sudah mulai turun," kata Kepala Bapanas Arief Prasetyo Adi kepada '
            "Kompas.com, Senin (7/7/2025).",
            "Kompas.com",
        ),
        (
            '"Kami masih menunggu hasil audit," ujar Direktur Utama PT Pertamina Simon Aloysius '
            "Mantiri kepada wartawan Tribunnews.com di Jakarta.",
            "Tribunnews.com",
        ),
    ],
)
def test_a_direct_quote_names_the_outlet_it_is_cited_from(body, source):
    assert direct_quotes(body)[0].cited_source == source


def test_a_quote_told_to_reporters_has_no_cited_source():
    body = '"Kami masih menunggu hasil audit," ujar Simon kepada wartawan di Jakarta.'
    assert direct_quotes(body)[0].cited_source is None


# ---------------------------------------------------------------- joint statements, anaphora


def test_a_joint_statement_after_the_verb_names_the_second_speaker_as_co_speaker():
    body = (
        '"Revisi ini akan kami kawal sampai tuntas," kata Sarah House dan Michael Pugliese '
        "dalam keterangan bersama."
    )
    quote = quote_starting(body, "Revisi ini akan")
    assert quote.speaker_name == "Sarah House"
    assert quote.co_speaker_names == ("Michael Pugliese",)


def test_offices_joined_by_dan_after_the_speaker_are_not_co_speakers():
    body = (
        '"Tren ini kami tangkap dalam laporan terbaru," jelas Goldwin Halim, CEO dan Founder '
        "CryptoWave Media, Jumat."
    )
    assert quote_starting(body, "Tren ini kami").co_speaker_names == ()


def test_a_description_ending_in_ini_points_back_to_the_person_speaking():
    body = (
        "Direktur Utama Bank Mandiri Kartika Wirjoatmodjo mengatakan bank belum akan menaikkan "
        'bunga deposito.\n\n"Kami masih melihat likuiditas cukup longgar," ungkap pria yang '
        "akrab disapa Tiko ini."
    )
    assert quote_starting(body, "Kami masih melihat").speaker_name == "Kartika Wirjoatmodjo"


def test_kata_ini_after_quoted_examples_is_the_noun_not_an_attribution():
    body = (
        'Dalam kalimat seperti "She quietly left the group chat, and nobody noticed," kata ini '
        "bisa menambahkan kesan dramatis."
    )
    assert direct_quotes(body) == []


def test_the_outlet_told_is_named_without_the_day_after_it():
    body = (
        '"Ini peluang yang harus kita pertahankan," ujar ekonom Fithra Faisal Hastiadi kepada '
        "CNNIndonesia.com Jumat (14/8)."
    )
    assert direct_quotes(body)[0].cited_source == "CNNIndonesia.com"


def test_what_a_person_quoted_is_not_a_cited_source():
    body = (
        "Ekonom Indef Tauhid Ahmad mengatakan data resmi yang dikutip Presiden Prabowo dalam "
        "pidato kenegaraan perlu diuji ulang."
    )
    indirect = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert [q.cited_source for q in indirect] == [None]
