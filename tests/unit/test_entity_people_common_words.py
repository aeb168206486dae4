"""Spurious people made of capitalised common words, in the shapes of syndicated copy (Kontan,
Tribun, Surya, Bisnis, Antara): the fields of an office, headline and subhead lines, a noun that
opens a sentence glued to a name, programmes with a bracketed short form, shops and halls, and
academic honorifics. Each test also pins the real people of the same text, so recall is held."""

from __future__ import annotations

import pytest
from conftest import mentions_of, names
from warta.model import EntityType


def people(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ 1. the fields of an office


def test_the_fields_of_directors_are_no_people():
    body = (
        "Rapat umum pemegang saham menetapkan Rudi Hartanto sebagai Direktur Pengembangan "
        "Usaha. Selanjutnya, Maya Kartika menjabat Direktur Strategi Hilirisasi dan Ekosistem "
        "Mineral, sedangkan Bambang Suseno mengisi posisi Direktur Manajemen Risiko, Legal, "
        "dan Kepatuhan."
    )
    found = people(body)
    assert {"Rudi Hartanto", "Maya Kartika", "Bambang Suseno"} <= found
    assert not found & {"Strategi Hilirisasi", "Manajemen Risiko"}


def test_the_portfolio_of_a_deputy_is_no_person():
    body = (
        "Deputi Bidang Transformasi Hijau dan Digital Otorita IKN, Andi Prasetya, menyebut "
        "pembangunan tetap berjalan. Selama menjabat sebagai Deputi Transformasi Hijau dan "
        "Digital, Andi menggagas kota spons."
    )
    found = people(body)
    assert "Andi Prasetya" in found
    assert "Transformasi Hijau" not in found


def test_capitalised_terms_of_a_law_or_a_programme_are_no_people():
    body = (
        "Pelaku dijerat Undang-Undang Informasi dan Transaksi Elektronik (ITE). Penerima "
        "Bantuan Subsidi Upah (BSU) diminta memeriksa rekening, kata Kepala Dinas Tenaga Kerja "
        "Sleman, Ratna Dewanti."
    )
    found = people(body)
    assert "Ratna Dewanti" in found
    assert not found & {"Transaksi Elektronik", "Bantuan Subsidi Upah", "BSU", "ITE"}


# ------------------------------------------------------------ 2. headline and subhead lines


def test_words_of_a_subhead_line_are_no_person():
    body = (
        "Wakil Presiden Gibran Rakabuming Raka mengunjungi sebuah sekolah di Bekasi, Senin.\n\n"
        "Gibran Gelar Razia Rambut di Sekolah, Boyong Tukang Cukur\n\n"
        "Setibanya di sekolah, Gibran menyapa para siswa satu per satu."
    )
    found = people(body)
    assert "Gibran Rakabuming Raka" in found
    assert not found & {"Gibran Gelar Razia Rambut", "Boyong Tukang Cukur"}


def test_a_one_word_subhead_ending_is_no_person():
    body = (
        "Mantan pemain tim nasional, Atep Rizal, menilai federasi harus cermat.\n\n"
        "Berharap Pelatih Baru Diumumkan Lebih Cepat\n\n"
        "Ia merekomendasikan pelatih yang memahami karakter pemain lokal."
    )
    found = people(body)
    assert "Atep Rizal" in found
    assert "Cepat" not in found


def test_a_name_in_a_bracketed_credit_line_is_still_a_person():
    body = (
        "Harga cabai rawit di Pasar Kramat Jati naik dua kali lipat sejak pekan lalu.\n\n"
        "(Sumber: Kontan.co.id/Dimas Andi | Editor: Mahar Prasetyo)"
    )
    assert "Mahar Prasetyo" in people(body)


# ------------------------------------------------------------ 3. a noun glued to a name


@pytest.mark.parametrize("opener", ["Nama", "Kata", "Usia", "Profil"])
def test_a_common_noun_opening_a_sentence_is_cut_off_the_name(opener):
    body = (
        "Mantan direktur utama Rini Anggraini kembali diperiksa penyidik kejaksaan, Kamis.\n\n"
        f"{opener} Rini kembali mencuat setelah penyidik menemukan dokumen baru."
    )
    found = people(body)
    assert "Rini Anggraini" in found
    assert f"{opener} Rini" not in found


def test_a_common_word_before_a_name_mid_sentence_keeps_the_name():
    body = "Gelandang Kroasia Luka Modric mencetak gol kemenangan pada menit ke-88."
    assert "Luka Modric" in people(body)


def test_a_dropped_term_takes_its_bracketed_short_form_with_it():
    body = (
        "Kelima, pembangunan Hunian Tetap (Huntap) dimulai bulan depan, ujar Kepala BPBD "
        "Cianjur Asep Sukmana."
    )
    found = people(body)
    assert "Asep Sukmana" in found
    assert not found & {"Hunian Tetap", "Huntap"}


# ------------------------------------------------------------ 4. shops, halls and roads


def test_malls_and_halls_are_no_people():
    body = (
        "Sejumlah merek baru membuka gerai di Cibubur Junction dan Mall Puri. Pengunjung pameran "
        "bisa masuk lewat Loading Dock Hall atau Outdoor Hall, kata Irwan Saputra, ketua panitia."
    )
    found = people(body)
    assert "Irwan Saputra" in found
    assert not found & {"Cibubur Junction", "Mall Puri", "Loading Dock Hall", "Outdoor Hall"}


def test_an_app_store_is_no_person():
    body = "Aplikasi itu sempat diturunkan dari App Store dan Google Play Store pekan lalu."
    assert "App Store" not in people(body)


# ------------------------------------------------------------ 5. academic honorifics


@pytest.mark.parametrize("title", ["Profesor", "Professor"])
def test_a_spelled_out_professor_is_no_part_of_the_name(title):
    body = f'"Hasilnya mengejutkan," kata {title} Clara Whitfield, pakar kognisi hewan.'
    assert people(body) == {"Clara Whitfield"}


# ------------------------------------------------------------ 6. what the article vouches for


def test_a_common_word_name_with_an_age_is_a_person():
    body = "Salah satu pedagang, Bintang Harapan (34), mengaku omzetnya turun sejak Lebaran."
    assert "Bintang Harapan" in people(body)


# ------------------------------------------------------------ 7. inner capitals, fields


def test_a_body_with_inner_capitals_is_cut_off_the_name_after_it():
    body = (
        "Pendanaan itu dipimpin mantan CEO GitHub Nat Friedman. Rektor SPbPU Andrei Rudskoi "
        "pun mengapresiasinya, begitu pula aktor Leonardo DiCaprio."
    )
    found = people(body)
    assert {"Nat Friedman", "Andrei Rudskoi", "Leonardo DiCaprio"} <= found
    assert not found & {"GitHub Nat Friedman", "SPbPU Andrei Rudskoi"}


def test_a_brand_with_inner_capitals_alone_is_no_person():
    body = "Sejak peluncuran ChatGPT, survei YouGov menunjukkan kekhawatiran warga meningkat."
    assert not people(body) & {"ChatGPT", "YouGov"}


def test_the_field_opening_a_run_is_cut_off_the_name():
    body = (
        "Staf Khusus Kepala Otorita IKN Bidang Komunikasi Publik Troy Pantouw, secara tegas "
        "membantah kabar tersebut."
    )
    found = people(body)
    assert "Troy Pantouw" in found
    assert "Bidang Komunikasi Publik Troy Pantouw" not in found


def test_words_of_a_republished_title_are_no_person():
    body = (
        "Perdana Menteri Paetongtarn Shinawatra menghadapi mosi tidak percaya.\n\n"
        "Artikel ini telah tayang di Tribunnews.com dengan judul PM Thailand Didesak Lengser "
        "Usai Koalisi Pecah."
    )
    found = people(body)
    assert "Paetongtarn Shinawatra" in found
    assert "Didesak Lengser" not in found


# ------------------------------------------------------------ 8. offices written as short forms


def test_the_cabinet_secretary_short_form_is_an_office_not_a_name():
    body = "Sekretaris Kabinet (Seskab) Teddy Wirawan mengatakan undangan itu diterima kemarin."
    mention = next(m for m in mentions_of(body) if m.entity_type is EntityType.PERSON)
    assert (mention.canonical_name, mention.role) == ("Teddy Wirawan", "Sekretaris Kabinet")


def test_village_security_officers_are_offices_not_people():
    body = (
        "Camat, Babinsa, dan Bhabinkamtibmas telah mendata rumah yang rusak. Babinsa Koramil "
        "Cisolok Serda Asep Saepudin ikut membantu warga."
    )
    found = people(body)
    assert "Asep Saepudin" in found
    assert not found & {"Babinsa", "Bhabinkamtibmas"}


# ------------------------------------------------------------ 9. tickets of two people


def test_a_ticket_of_two_named_people_is_no_third_person():
    body = (
        "Presiden Prabowo Subianto dan Wakil Presiden Gibran Rakabuming Raka dilantik tahun lalu. "
        "Program itu menjadi prioritas pemerintahan Prabowo-Gibran, kata Ahmad Fauzi."
    )
    found = people(body)
    assert {"Prabowo Subianto", "Gibran Rakabuming Raka", "Ahmad Fauzi"} <= found
    assert "Prabowo-Gibran" not in found


def test_a_hyphenated_surname_is_still_a_name():
    body = "Gol kedua dicetak Chido Obi-Martin pada menit ke-70, kata pelatih Ruben Amorim."
    assert {"Chido Obi-Martin", "Ruben Amorim"} <= people(body)


def test_a_ticket_of_two_listed_people_is_no_person():
    body = "Program itu tetap menjadi prioritas Presiden dan Wakil Presiden Prabowo-Gibran."
    assert "Prabowo-Gibran" not in people(body)
