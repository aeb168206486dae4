"""Organisations as outlets other than the tuned crawls write them.

Regional papers, Antara and press releases name the office of a body in a region ("DPRD Kota
Semarang", "BPBD Kabupaten Boyolali"): the gold guidelines annotate that office as one
organisation at its full span, with the region a place inside it. Sentences are written for
these tests in the style of those outlets.
"""

from __future__ import annotations

import pytest
from conftest import mentions_of, names
from conftest import person_named as person
from warta.model import EntityType

# ------------------------------------------------------------------ offices of a body in a region


@pytest.mark.parametrize(
    ("sentence", "office", "region"),
    [
        ("Ketua DPRD Kota Semarang Kadarlusman mengatakan anggaran itu sudah dibahas.",
         "DPRD Kota Semarang", "Kota Semarang"),
        ("Ketua KPU Kabupaten Bogor Asep Hendra menyebut jumlah pemilih naik.",
         "KPU Kabupaten Bogor", "Kabupaten Bogor"),
        ("Kepala Pelaksana BPBD Kabupaten Boyolali Suratno menyatakan banjir sudah surut.",
         "BPBD Kabupaten Boyolali", "Kabupaten Boyolali"),
        ("Ketua Bawaslu Provinsi Jawa Barat Zacky Muhammad Zam Zam mengingatkan peserta.",
         "Bawaslu Provinsi Jawa Barat", "Provinsi Jawa Barat"),
        ("Petugas gabungan dari BPS Provinsi Jawa Tengah mendata harga di pasar.",
         "BPS Provinsi Jawa Tengah", "Provinsi Jawa Tengah"),
        ("Wakil Ketua DPRD DKI Jakarta Ima Mahdiah meminta pemprov bertindak.",
         "DPRD DKI Jakarta", "Jakarta"),
        ("Dinas Lingkungan Hidup (DLH) Kota Bekasi mengangkut 20 ton sampah.",
         "Dinas Lingkungan Hidup Kota Bekasi", "Kota Bekasi"),
    ],
)
def test_a_body_with_regional_offices_before_a_region_is_that_office(
    sentence: str, office: str, region: str
) -> None:
    mentions = mentions_of(sentence)
    assert office in names(mentions, EntityType.ORG)
    assert region in names(mentions, EntityType.LOC)  # the region stays a place inside it


def test_the_office_replaces_the_national_body_it_belongs_to() -> None:
    mentions = mentions_of("Ketua DPRD Kota Semarang Kadarlusman mengatakan anggaran cukup.")
    assert "Dewan Perwakilan Rakyat Daerah" not in names(mentions, EntityType.ORG)
    assert person(mentions, "Kadarlusman").role == "Ketua"


def test_a_spelled_out_body_with_its_acronym_names_one_office_with_its_acronym() -> None:
    body = (
        "Kalakhar Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali, Suratno, "
        "mengatakan tim sudah berangkat. Petugas BPBD Boyolali tiba sore hari. Menurut BPBD, "
        "jembatan itu darurat."
    )
    mentions = mentions_of(body)
    assert names(mentions, EntityType.ORG) == {
        "Badan Penanggulangan Bencana Daerah Kabupaten Boyolali"
    }


def test_a_short_regional_name_joins_the_office_only_when_one_office_fits() -> None:
    body = (
        "Ketua DPRD Kabupaten Serang Bahrul Ulum dan Ketua DPRD Kota Serang Muji Rohman "
        "hadir. Menurut DPRD Serang, rapat ditunda. Petugas BPBD Sumut dan BPBD Sumatera "
        "Utara tiba."
    )
    orgs = names(mentions_of(body), EntityType.ORG)
    assert {"DPRD Kabupaten Serang", "DPRD Kota Serang", "BPBD Sumatera Utara"} <= orgs
    assert "BPBD Sumut" not in orgs  # the same office as "BPBD Sumatera Utara"


@pytest.mark.parametrize(
    "sentence",
    [
        "Dia bekerja di Bank Mandiri Surabaya sejak 2010.",
        "Pegadaian Semarang mencatat 3.999 nasabah deposito emas.",
        "Pasien dirawat di Rumah Sakit Umum Cut Meutia (RSUCM) Kabupaten Aceh Utara.",
        "Menurut Kemenkes RI, kasus demam berdarah turun.",
    ],
)
def test_a_region_after_other_bodies_stays_apart(sentence: str) -> None:
    mentions = mentions_of(sentence)
    orgs = names(mentions, EntityType.ORG)
    places = names(mentions, EntityType.LOC)
    assert not any(place in org for org in orgs for place in places if len(org) > len(place))


def test_the_commander_of_a_metropolitan_police_unit_holds_the_office_alone() -> None:
    mentions = mentions_of(
        "Kapolres Metro Jakarta Selatan Kombes Ade Rahmat Idnal mengatakan pelaku ditangkap."
    )
    assert person(mentions, "Ade Rahmat Idnal").role == "Kapolres"
    assert "Polres Metro Jakarta Selatan" in names(mentions, EntityType.ORG)


def test_a_regional_office_of_a_ministry_is_named_whole_with_the_ministry_nested() -> None:
    mentions = mentions_of(
        "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur Heni Yuwono meresmikan "
        "layanan baru."
    )
    orgs = names(mentions, EntityType.ORG)
    assert "Kantor Wilayah Kementerian Hukum dan HAM Jawa Timur" in orgs
    assert "Kementerian Hukum dan Hak Asasi Manusia" in orgs
    assert person(mentions, "Heni Yuwono").role == "Kepala"


def test_a_firm_or_party_inside_a_campus_name_is_not_a_body_of_its_own() -> None:
    orgs = names(
        mentions_of("Institut Teknologi Telkom Purwokerto membuka pendaftaran. Universitas "
                    "Muhammadiyah Semarang juga membuka jalur nilai."),
        EntityType.ORG,
    )
    assert "PT Telkom Indonesia" not in orgs and "Muhammadiyah" not in orgs


# ------------------------------------------------------------------ head words inside an office


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Menteri Koperasi Anak Agung Gede Puspayoga menghadiri acara itu.",
         "Anak Agung Gede Puspayoga", "Menteri Koperasi"),
        ("Menteri Koperasi Budi Arie Setiadi meresmikan koperasi desa.",
         "Budi Arie Setiadi", "Menteri Koperasi"),
        ("Menteri Koperasi dan UKM Teten Masduki hadir dalam peluncuran itu.",
         "Teten Masduki", "Menteri Koperasi dan UKM"),
    ],
)
def test_a_ministers_portfolio_that_is_also_a_head_word_stays_in_the_office(
    sentence: str, name: str, role: str
) -> None:
    mentions = mentions_of(sentence)
    assert person(mentions, name).role == role
    assert not any(org.startswith("Koperasi") for org in names(mentions, EntityType.ORG))


def test_a_cooperatives_business_name_is_not_its_chairmans_name() -> None:
    mentions = mentions_of(
        "Ketua Koperasi Unit Desa Makmur Jaya Sutarno mengatakan panen melimpah."
    )
    assert "Koperasi Unit Desa Makmur Jaya" in names(mentions, EntityType.ORG)
    assert person(mentions, "Sutarno").role == "Ketua"


def test_an_english_organisation_after_an_office_is_no_person() -> None:
    mentions = mentions_of(
        "Juru bicara English Collective of Prostitutes, Niki Adams, mengatakan aturan itu "
        "berbahaya."
    )
    assert "English Collective of Prostitutes" in names(mentions, EntityType.ORG)
    assert names(mentions, EntityType.PERSON) == {"Niki Adams"}
    assert person(mentions, "Niki Adams").role == "Juru bicara"


# ------------------------------------------------------------------ names with stopword parts


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Irjen Pol Ribut Hari Wibowo menghadiri upacara di lapangan Mapolda.",
         "Ribut Hari Wibowo"),
        ("Budi Hari Santoso mengatakan acara berjalan lancar.", "Budi Hari Santoso"),
        ("Hari Purwanto mengatakan pihaknya akan melapor ke polisi.", "Hari Purwanto"),
    ],
)
def test_hari_inside_a_name_is_part_of_it(sentence: str, name: str) -> None:
    assert name in names(mentions_of(sentence), EntityType.PERSON)


@pytest.mark.parametrize(
    "sentence",
    [
        "Peringatan Hari Buruh digelar di Jakarta pada Kamis.",
        "Menjelang Hari Kemerdekaan, warga menghias kampung.",
        "Upacara Hari Pahlawan dipimpin wali kota di Tugu Pahlawan.",
        "Selamat Hari Raya Idul Fitri bagi seluruh warga.",
    ],
)
def test_the_names_of_days_are_no_people(sentence: str) -> None:
    assert not any("Hari" in name for name in names(mentions_of(sentence), EntityType.PERSON))


# ------------------------------------------------------------------ short forms of full names


def test_a_repeated_part_of_a_full_name_stands_for_the_full_name() -> None:
    body = (
        "Perbekel Cemagi Putu Hendra Sastrawan mengakui wilayahnya kian ramai. \"Aksesnya "
        "tidak langsung,\" tutur Hendra Sastrawan, Senin (28/4/2025).\n\nHendra menegaskan "
        "penjagaan diperketat. \"Tiap pos ada dua orang,\" jelas Hendra."
    )
    assert names(mentions_of(body), EntityType.PERSON) == {"Putu Hendra Sastrawan"}


def test_a_glued_headline_word_is_no_part_of_a_full_name() -> None:
    body = (
        "Penyidik memeriksa eks Sekjen Kemenaker Heri Sudarmanto pada Selasa. Heri "
        "Sudarmanto mengatakan siap bekerja sama."
    )
    assert "Heri Sudarmanto" in names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------------ courts, schools, hospitals


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        ("Majelis hakim PN Jakarta Pusat menjatuhkan vonis lima tahun penjara.",
         "PN Jakarta Pusat"),
        ("Gugatan itu didaftarkan ke Pengadilan Negeri Bangil pada Senin.",
         "Pengadilan Negeri Bangil"),
        ("Ketua PWNU Jawa Timur KH Abdul Hakim Mahfudz hadir dalam acara itu.",
         "PWNU Jawa Timur"),
        ("Siswa SMA Negeri 1 Yogyakarta meraih medali emas olimpiade sains.",
         "SMA Negeri 1 Yogyakarta"),
        ("Guru SDN 2 Cikarang itu dilaporkan orang tua murid ke polisi.", "SDN 2 Cikarang"),
        ("Korban dirujuk ke RSUP Dr. Sardjito Yogyakarta untuk dioperasi.",
         "RSUP Dr. Sardjito Yogyakarta"),
        ("Korban dibawa ke Puskesmas Gambir untuk mendapat perawatan.", "Puskesmas Gambir"),
    ],
)
def test_courts_branches_schools_and_hospitals_are_named_whole(
    sentence: str, organisation: str
) -> None:
    assert organisation in names(mentions_of(sentence), EntityType.ORG)


def test_hakim_inside_a_name_after_a_title_is_part_of_the_name() -> None:
    mentions = mentions_of("Ketua PWNU Jawa Timur KH Abdul Hakim Mahfudz hadir dalam acara itu.")
    assert person(mentions, "Abdul Hakim Mahfudz").role == "Ketua"
