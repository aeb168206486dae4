"""Organisations and places in regional and business news syndicated by other outlets.

Each test pins one error class found by reading warta's output on crawl articles outside every
gold set (pieces of Kontan, Tribun, Surya and articles crediting Antara inside the Kompas crawl,
plus detik and CNN Indonesia), reproduced with sentences written for these tests in the style of
those outlets.
"""

from __future__ import annotations

from conftest import mentions_of, names
from warta.model import EntityType

ORG, LOC, PERSON = EntityType.ORG, EntityType.LOC, EntityType.PERSON
ANTARA = "Kantor Berita Antara"

# ---------------------------------------------------------------- listed names that are words


def test_antara_lain_opening_a_sentence_is_no_news_agency() -> None:
    mentions = mentions_of(
        "Beasiswa itu membiayai kuliah di sejumlah kampus luar negeri. Antara lain Universitas "
        "Leiden, Universitas Tokyo dan Universitas Melbourne."
    )
    assert ANTARA not in names(mentions, ORG)
    assert "Universitas Leiden" in names(mentions, ORG)


def test_antara_opening_a_subheading_with_x_dan_y_is_no_news_agency() -> None:
    mentions = mentions_of(
        "Warga masih percaya pada pawang hujan, kata dia.\n\nAntara Tradisi dan Sains\n\n"
        "Pawang itu sudah bekerja sejak 1998."
    )
    assert ANTARA not in names(mentions, ORG)


def test_antara_before_two_dates_is_the_word_between() -> None:
    mentions = mentions_of(
        "Harga cabai rawit melonjak di pasar induk. Antara Maret 2024 dan Maret 2025, harga "
        "naik hampir dua kali lipat."
    )
    assert ANTARA not in names(mentions, ORG)


def test_antara_credited_as_a_source_stays_the_news_agency() -> None:
    mentions = mentions_of(
        "Harga cabai naik di antara pasar tradisional Kota Kediri, dikutip dari Antara, Senin "
        "(2/6/2025). Antara melaporkan pasokan berkurang sejak pekan lalu."
    )
    assert ANTARA in names(mentions, ORG)


def test_tempo_of_a_match_is_no_magazine() -> None:
    mentions = mentions_of(
        "Persik Kediri menekan sejak menit awal. Tempo pertandingan menurun setelah jeda, "
        "ujar pelatih."
    )
    assert not any("Tempo" in name for name in names(mentions, ORG))


# ---------------------------------------------------------------- offices across a short form


def test_a_high_prosecutors_office_keeps_its_province_across_its_bracketed_short_form() -> None:
    mentions = mentions_of(
        "Kejaksaan Tinggi (Kejati) Jawa Timur menahan dua tersangka korupsi dana hibah, "
        "Selasa (3/6/2025)."
    )
    assert "Kejaksaan Tinggi Jawa Timur" in names(mentions, ORG)
    assert "Kejaksaan Tinggi" not in names(mentions, ORG)
    assert "Jawa Timur" in names(mentions, LOC)


def test_a_city_government_written_with_its_short_form_in_brackets_is_one_body() -> None:
    mentions = mentions_of(
        "Pemerintah Kota (Pemkot) Madiun menyiapkan 40 bus sekolah gratis mulai tahun ajaran "
        "baru."
    )
    assert "Pemerintah Kota Madiun" in names(mentions, ORG)
    assert "Madiun" in names(mentions, LOC)


def test_a_regency_agency_keeps_its_region_after_an_unlisted_short_form() -> None:
    mentions = mentions_of(
        "Menurut Dinas Pertanian (Distan) Kabupaten Jember, luas panen padi naik tahun ini."
    )
    assert "Dinas Pertanian Kabupaten Jember" in names(mentions, ORG)
    assert "Dinas Pertanian" not in names(mentions, ORG)


# ---------------------------------------------------------------- acronyms that name no body


def test_initials_of_a_suspect_are_no_organisation() -> None:
    mentions = mentions_of(
        "Seorang pria berinisial HRS ditangkap karena memeras pejabat. Setelah dua kali "
        "menggelar unjuk rasa, akhirnya HRS pada 12 Mei 2025 menghubungi pejabat dinas "
        "berinisial TW. HRS lalu mengirim rekaman suara kepada TW."
    )
    assert not {"HRS", "TW"} & names(mentions, ORG)


def test_a_bond_defined_by_common_words_is_no_organisation() -> None:
    mentions = mentions_of(
        "Pemerintah menawarkan tujuh seri Surat Berharga Syariah Negara (SBSN) dalam lelang "
        "pekan ini. Minat investor pada surat berharga itu tinggi, sehingga SBSN seri baru "
        "kelebihan permintaan, kata Deni Ridwan."
    )
    assert "SBSN" not in names(mentions, ORG)


# ---------------------------------------------------------------- where a place's name ends


def test_a_hamlet_ends_before_its_neighbourhood_numbers() -> None:
    mentions = mentions_of(
        "Tanah longsor menimpa dua rumah di Kampung Sukamanah RT 04 RW 07, Desa Cibodas, "
        "Kecamatan Pasirjambu."
    )
    places = names(mentions, LOC)
    assert "Kampung Sukamanah" in places
    assert not any(name.endswith(" RT") for name in places)


def test_a_holders_name_after_a_city_leaves_the_city_and_its_council() -> None:
    mentions = mentions_of(
        "Ketua DPRD Kota Blitar Syahrul Alim Nugroho, menyatakan anggaran perjalanan dinas "
        "dipangkas."
    )
    assert "DPRD Kota Blitar" in names(mentions, ORG)
    assert "Kota Blitar" in names(mentions, LOC)
    assert not any("Syahrul" in name for name in names(mentions, ORG) | names(mentions, LOC))


def test_a_city_with_a_listed_direction_word_keeps_it() -> None:
    mentions = mentions_of("Banjir merendam tiga perumahan di Kabupaten Bandung Barat pekan ini.")
    assert "Kabupaten Bandung Barat" in names(mentions, LOC)


# ---------------------------------------------------------------- groups and venues


def test_a_lettered_group_of_a_tournament_is_no_organisation() -> None:
    mentions = mentions_of(
        "Persebaya Surabaya memuncaki klasemen Grup B setelah menang 2-0. Laga terakhir Grup B "
        "Piala Presiden digelar Sabtu."
    )
    assert not any(name.startswith("Grup") for name in names(mentions, ORG))
    assert "Persebaya Surabaya" in names(mentions, ORG)


def test_fee_tiers_numbered_in_roman_are_no_organisations() -> None:
    mentions = mentions_of(
        "Biaya kuliah di kampus itu dibagi menjadi beberapa kelompok.\n\nKelompok I: Rp 500.000"
        "\n\nKelompok II: Rp 2.400.000\n\nKelompok III: Rp 4.800.000"
    )
    assert not any(name.startswith("Kelompok") for name in names(mentions, ORG))


def test_the_national_stadium_is_a_venue_not_a_party() -> None:
    mentions = mentions_of(
        "Timnas U-23 menjamu Vietnam di Stadion Utama Gelora Bung Karno, Jakarta, Jumat malam."
    )
    assert "Partai Gelora" not in names(mentions, ORG)
    assert "Stadion Utama Gelora Bung Karno" in names(mentions, LOC)


# ---------------------------------------------------------------- acronyms the article redefines


def test_a_party_acronym_spelled_out_as_a_tax_is_no_party() -> None:
    mentions = mentions_of(
        "Bapenda memberi keringanan Pajak Kendaraan Bermotor (PKB) hingga akhir tahun. "
        "Penerimaan PKB tahun lalu mencapai Rp 1,2 triliun."
    )
    assert "Partai Kebangkitan Bangsa" not in names(mentions, ORG)


def test_a_party_acronym_spelled_out_as_the_party_stays_the_party() -> None:
    mentions = mentions_of(
        "Ketua DPW Partai Keadilan Sejahtera (PKS) Jawa Barat, Haru Suandharu, mengatakan PKS "
        "siap berkoalisi."
    )
    assert "Partai Keadilan Sejahtera" in names(mentions, ORG)


def test_initials_with_an_age_in_brackets_are_a_person_not_an_organisation() -> None:
    mentions = mentions_of(
        "Polisi menangkap dua remaja, RF (17) dan DN (16), usai tawuran di Cakung. Kapolsek "
        "meminta RF dan DN meminta maaf kepada warga."
    )
    assert not {"RF", "DN"} & names(mentions, ORG)


def test_a_club_ending_in_warriors_is_not_an_nba_team() -> None:
    mentions = mentions_of(
        "Tim berjuluk Banten Warriors lolos sebagai juara grup setelah menang 3-1 atas tim tamu."
    )
    assert "Golden State Warriors" not in names(mentions, ORG)


# ---------------------------------------------------------------- line-ups


def test_a_foreign_player_inside_a_line_up_is_a_person_not_a_place() -> None:
    mentions = mentions_of(
        "Susunan pemain Persita: Igor Rodrigues; Muhammad Toha, Eber Bessa, Javlon Guseynov; "
        "Nooa Laine, Aleksa Andrejic, Zach Paul Clough; Ramon Tanque, Uilliam Barros, "
        "Hokky Caraka."
    )
    assert not {"Nooa Laine", "Uilliam Barros"} & (names(mentions, LOC) | names(mentions, ORG))


# ---------------------------------------------------------------- English terms


def test_a_term_with_group_inside_it_and_its_acronym_is_no_organisation() -> None:
    mentions = mentions_of(
        "Hal itu disampaikan dalam Focus Group Discussion (FGD) tentang tata kelola sampah di "
        "Kantor Gubernur, Selasa."
    )
    assert not any("Focus Group" in name for name in names(mentions, ORG))


def test_an_institute_with_its_acronym_stays_an_organisation() -> None:
    mentions = mentions_of(
        "Peneliti Migration Policy Institute (MPI) menyebut arus pekerja migran naik tahun ini."
    )
    assert "Migration Policy Institute" in names(mentions, ORG)


# ---------------------------------------------------------------- a person after a body's name


def test_a_student_named_after_his_university_and_town_leaves_the_university() -> None:
    mentions = mentions_of(
        "Sementara itu, mahasiswa Universitas Musamus Merauke Yohanes Arif Setiawan mengaku "
        "banyak belajar dari program itu."
    )
    orgs = names(mentions, ORG)
    assert "Universitas Musamus Merauke" in orgs
    assert not any("Yohanes" in name for name in orgs)


def test_a_body_name_ending_in_plain_words_that_read_as_no_person_is_kept_whole() -> None:
    mentions = mentions_of(
        "Donasi disalurkan Yayasan Jantung Indonesia Sehat Bersama kepada warga lansia."
    )
    assert "Yayasan Jantung Indonesia Sehat Bersama" in names(mentions, ORG)
