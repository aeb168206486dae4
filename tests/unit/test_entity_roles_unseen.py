"""Offices of people on outlets warta was not developed on.

Each test pins one error class found by reading warta's output on crawl articles outside every
gold set (syndicated pieces in the Kompas crawl, detik, CNN Indonesia): an office whose body is
written with a comma, an acronym in brackets, "saat itu" or an ordinal between it and the
holder. The sentences are written for these tests in the style of other outlets (Antara, Tribun,
Tempo, Kontan, Okezone, Liputan6).
"""

from __future__ import annotations

from conftest import mentions_of, names
from conftest import person_written as person
from warta.model import EntityType

PERSON = EntityType.PERSON

# ------------------------------------------------ a comma between the office's body and the name


def test_office_of_a_company_unit_written_before_a_comma() -> None:
    mentions = mentions_of(
        "Manajer Humas PT KAI Daop 8 Surabaya, Luqman Arif, mengatakan tiket mudik sudah ludes."
    )
    holder = person(mentions, "Luqman Arif")
    assert holder.role == "Manajer Humas"
    assert holder.affiliation == "PT Kereta Api Indonesia"


def test_former_holder_written_with_saat_itu() -> None:
    mentions = mentions_of("Proyek itu digagas Bupati Sleman saat itu, Sri Purnomo, pada 2019.")
    holder = person(mentions, "Sri Purnomo")
    assert (holder.role, holder.affiliation) == ("Bupati", "Sleman")


def test_ambassador_to_a_country_written_before_a_comma() -> None:
    mentions = mentions_of(
        "Duta Besar Indonesia untuk Jepang, Heri Akhmadi, menyambut delegasi itu di Tokyo."
    )
    assert person(mentions, "Heri Akhmadi").role == "Duta Besar"


def test_numbered_president_written_before_a_comma() -> None:
    mentions = mentions_of(
        "Dalam acara itu, Presiden ke-6 RI, Susilo Bambang Yudhoyono, memberikan sambutan."
    )
    assert person(mentions, "Susilo Bambang Yudhoyono").role == "Presiden"


# ------------------------------------------------ an acronym in brackets inside the office


def test_ministry_named_as_a_list_keeps_the_whole_portfolio() -> None:
    mentions = mentions_of(
        "Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi (Mendes PDTT) Yandri "
        "Susanto meninjau lokasi banjir di Lebak, Banten."
    )
    role = person(mentions, "Yandri Susanto").role
    assert role == "Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"


def test_regional_office_named_as_a_list_keeps_the_whole_portfolio() -> None:
    mentions = mentions_of(
        "Kepala Dinas Pemuda, Olahraga, dan Pariwisata (Disporapar) Jawa Tengah Agung Hariyadi "
        "menyebut kunjungan wisata naik."
    )
    role = person(mentions, "Agung Hariyadi").role
    assert role == "Kepala Dinas Pemuda, Olahraga, dan Pariwisata"


# ------------------------------------------------ offices that are not the name's


def test_a_person_between_takes_the_office() -> None:
    mentions = mentions_of("Ketua DPRD Jateng Sumanto, Budi Santoso dan Ani Lestari hadir.")
    assert person(mentions, "Sumanto").role == "Ketua"
    assert person(mentions, "Budi Santoso").role is None
    assert person(mentions, "Ani Lestari").role is None


def test_an_office_word_inside_a_named_body_gives_no_office() -> None:
    mentions = mentions_of("Acara di Kantor Staf Presiden RI, Budi Santoso, berjalan lancar.")
    assert person(mentions, "Budi Santoso").role is None


# ------------------------------------------------ the body's acronym is no part of the office


def test_acronym_of_a_parliament_body_is_cut_from_the_office() -> None:
    mentions = mentions_of(
        "Wakil Ketua BKSAP DPR Fadli Santoso mengatakan delegasi berangkat pada Senin (2/6)."
    )
    assert person(mentions, "Fadli Santoso").role == "Wakil Ketua"


def test_acronym_of_a_firm_or_agency_is_cut_from_the_office() -> None:
    mentions = mentions_of(
        "Kepala Riset MNC Sekuritas Budi Rahardjo memperkirakan IHSG menguat. Sekretaris "
        "Jenderal UNCTAD Rebeca Grynspan menyebut tarif membebani negara miskin."
    )
    assert person(mentions, "Budi Rahardjo").role == "Kepala Riset"
    assert person(mentions, "Rebeca Grynspan").role == "Sekretaris Jenderal"


def test_initials_of_the_holder_are_no_part_of_the_office() -> None:
    mentions = mentions_of("Jaksa Agung ST Burhanuddin meminta jaksa menjaga integritas.")
    assert person(mentions, "Burhanuddin").role == "Jaksa Agung"


def test_acronym_that_is_the_portfolio_stays_in_the_office() -> None:
    mentions = mentions_of(
        "Menteri ATR Nusron Wahid menyerahkan sertifikat tanah. Kepala Dinas PUPR Kota Bekasi "
        "Arief Maulana meninjau jalan rusak."
    )
    assert person(mentions, "Nusron Wahid").role == "Menteri ATR"
    assert person(mentions, "Arief Maulana").role == "Kepala Dinas PUPR"


def test_palace_is_the_body_of_a_court_title() -> None:
    mentions = mentions_of(
        "Ribuan warga melayat Raja Keraton Kasunanan Surakarta Pakubuwono XIII di Solo. Putra "
        "Mahkota Keraton Surakarta, KGPAA Hamengkunegoro, memimpin doa."
    )
    assert person(mentions, "Pakubuwono XIII").role == "Raja"
    assert person(mentions, "KGPAA Hamengkunegoro").role == "Putra Mahkota"


# ------------------------------------------------ portfolios the office was cut inside


def test_community_empowerment_portfolio_is_read_whole() -> None:
    mentions = mentions_of(
        "Menteri Koordinator Bidang Pemberdayaan Masyarakat (Menko PM) Muhaimin Iskandar "
        "meninjau balai latihan kerja di Bekasi."
    )
    role = person(mentions, "Muhaimin Iskandar").role
    assert role == "Menteri Koordinator Bidang Pemberdayaan Masyarakat"


def test_deputy_for_coordination_portfolio_is_read_whole() -> None:
    mentions = mentions_of(
        "Deputi Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga BKKBN Sukaryo "
        "Teguh menyebut program itu berjalan."
    )
    role = person(mentions, "Sukaryo Teguh").role
    assert role == "Deputi Bidang Keluarga Sejahtera dan Pemberdayaan Keluarga"


def test_an_occupation_before_a_comma_gives_no_office() -> None:
    mentions = mentions_of(
        "Media Spanyol melaporkan bahwa pelatih Persija, Mauricio Souza, sudah bicara dengan "
        "pemain itu."
    )
    assert person(mentions, "Mauricio Souza").role is None


def test_ministers_portfolio_before_a_comma_belongs_to_the_office() -> None:
    mentions = mentions_of(
        "Undangan itu datang dari Menteri Kebudayaan, Fadli Zon, pekan lalu. Hadir pula Wakil "
        "Menteri Kehutanan, Rohmat Marzuki, dan Perdana Menteri Jepang, Shigeru Ishiba."
    )
    assert (person(mentions, "Fadli Zon").role, person(mentions, "Fadli Zon").affiliation) == (
        "Menteri Kebudayaan",
        None,
    )
    assert person(mentions, "Rohmat Marzuki").role == "Wakil Menteri Kehutanan"
    ishiba = person(mentions, "Shigeru Ishiba")
    assert (ishiba.role, ishiba.affiliation) == ("Perdana Menteri", "Jepang")


def test_english_article_of_the_body_is_no_part_of_the_office() -> None:
    mentions = mentions_of("Investor menunggu arahan Presiden the Fed New York John Williams.")
    assert person(mentions, "John Williams").role == "Presiden"


def test_an_office_word_opening_a_listed_name_gives_no_office() -> None:
    mentions = mentions_of(
        "Film ini dibintangi Reza Rahadian, Emir Mahira, Bima Azriel, hingga Dewa Dayana."
    )
    assert person(mentions, "Bima Azriel").role is None


def test_body_words_read_as_a_holder_give_the_office_back_to_the_name() -> None:
    mentions = mentions_of(
        '"Semua sudah dibayar," kata Kepala Badan Pengelola Keuangan dan Aset Daerah (BPKAD) '
        "Kabupaten Bogor, Rina Dewiyanti, Senin (2/6)."
    )
    holder = person(mentions, "Rina Dewiyanti")
    assert holder.role == "Kepala"  # the body is apart from the office, as "Kepala" BMKG (gold)
    assert holder.affiliation.startswith("Badan Pengelola Keuangan dan Aset Daerah")
    assert "Pengelola Keuangan" not in {m.canonical_name for m in mentions}


def test_office_of_a_ministry_with_a_slashed_name() -> None:
    mentions = mentions_of(
        "Kepala Biro Hubungan Masyarakat (Humas) Kementerian Agraria dan Tata Ruang/Badan "
        "Pertanahan Nasional (ATR/BPN) Yulia Rahmawati menyebut sertifikat elektronik aman."
    )
    assert person(mentions, "Yulia Rahmawati").role == "Kepala Biro Hubungan Masyarakat"


def test_office_numbered_in_words_before_a_comma() -> None:
    mentions = mentions_of("Presiden kedua RI, Soeharto, lahir di Kemusuk, Bantul.")
    assert person(mentions, "Soeharto").role == "Presiden"


def test_portfolio_joined_by_dan_before_a_bracket_is_read_whole() -> None:
    mentions = mentions_of(
        "Hal ini dikatakan Menteri Usaha Mikro Kecil dan Menengah (UMKM) Maman Abdurrahman di "
        "Jakarta. Kepala Dinas Pendidikan dan Kebudayaan (Disdikbud) Kota Bogor, Sujatmiko "
        "Baliarto, menyambut baik."
    )
    assert person(mentions, "Maman Abdurrahman").role == "Menteri Usaha Mikro Kecil dan Menengah"
    assert person(mentions, "Sujatmiko Baliarto").role == "Kepala Dinas Pendidikan dan Kebudayaan"


# ------------------------------------------------ offices after the name


def test_office_after_the_name_whose_body_was_read_as_a_holder() -> None:
    mentions = mentions_of(
        '"Korban tewas 40 orang," kata Amadou Diallo, Kepala Operasi Badan Penanggulangan '
        "Darurat Nasional di wilayah Mopti, kepada wartawan. Menurut Clara Hughes, kepala "
        "eksekutif Energy UK, tagihan listrik akan naik."
    )
    assert person(mentions, "Amadou Diallo").role == "Kepala Operasi"
    assert person(mentions, "Clara Hughes").role == "kepala eksekutif"
    assert "Energy UK" not in names(mentions, PERSON)


def test_an_office_in_a_list_of_people_stays_with_its_holder() -> None:
    mentions = mentions_of(
        "Acara itu dihadiri Yohanes Rubiyanto, Kepala Dinas Pendidikan dan Kebudayaan Jawa "
        "Tengah Uswatun Hasanah, serta para guru."
    )
    assert person(mentions, "Yohanes Rubiyanto").role is None
    assert person(mentions, "Uswatun Hasanah").role == "Kepala Dinas Pendidikan dan Kebudayaan"


# ------------------------------------------------ acting holders, numbered commissions, credits


def test_acting_office_across_a_bracket_keeps_the_office_after_the_prefix() -> None:
    mentions = mentions_of(
        "Plt Sekretaris DPRD (Sekwan) Jeneponto Muhammad Arifin mengatakan stafnya sudah "
        "mengecek status pajak kendaraan itu."
    )
    assert person(mentions, "Muhammad Arifin").role == "Plt Sekretaris"


def test_numbered_commission_across_a_comma_keeps_its_number() -> None:
    mentions = mentions_of(
        "Namun Anggota Komisi VI DPR Fraksi Gerindra, Andre Rosiade, menilai direksi harus "
        "dievaluasi."
    )
    assert person(mentions, "Andre Rosiade").role == "Anggota Komisi VI"


def test_film_credits_in_a_list_give_no_office() -> None:
    mentions = mentions_of(
        "Pemutaran perdana dihadiri sutradara Angga Sasongko, produser Anggia Kharisma, dan "
        "pemeran utama Dian Sastrowardoyo."
    )
    assert person(mentions, "Dian Sastrowardoyo").role is None


def test_deputy_prefix_stays_with_an_office_across_a_bracket() -> None:
    mentions = mentions_of(
        "Sementara itu, Wakil Kepala Badan Penyelenggara (BP) Haji Dahnil Anzar mengatakan "
        "kuota sudah dibagi. Wakil Menteri Sekretaris Negara (Wamensesneg) Juri Ardiantoro "
        "menolak berkomentar."
    )
    assert person(mentions, "Dahnil Anzar").role == "Wakil Kepala Badan"
    assert person(mentions, "Juri Ardiantoro").role == "Wakil Menteri Sekretaris Negara"


def test_a_former_occupation_before_a_comma_gives_no_office() -> None:
    mentions = mentions_of(
        "Proyek itu dipimpin oleh mantan pelatih Persebaya, Aji Santoso, bersama dua asisten."
    )
    assert person(mentions, "Aji Santoso").role is None
