"""Offices of people on outlets warta was not developed on.

Each test pins one error class found by reading warta's output on crawl articles outside every
gold set (syndicated pieces in the Kompas crawl, detik, CNN Indonesia): an office whose body is
written with a comma, an acronym in brackets, "saat itu" or an ordinal between it and the
holder. The sentences are written for these tests in the style of other outlets (Antara, Tribun,
Tempo, Kontan, Okezone, Liputan6).
"""

from __future__ import annotations

from conftest import mentions_of
from conftest import person_written as person

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
