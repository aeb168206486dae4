"""Police and military ranks, regional offices and Balinese names as other outlets write them.

Antara, Tempo and regional papers spell ranks out ("Komisaris Besar Polisi") where detik writes
"Kombes"; either way a rank is neither part of the holder's name nor the office they hold.
Sentences are written for these tests in the style of those outlets.
"""

from __future__ import annotations

import pytest
from conftest import mentions_of, names
from conftest import person_named as person
from warta.gazetteer import load_rank_branches, load_ranks, load_roles
from warta.model import EntityType

# ------------------------------------------------------------------------------ ranks


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Kepala Bidang Humas Polda Jawa Tengah Komisaris Besar Hendra Wiratama mengatakan "
         "pelaku sudah ditahan.", "Hendra Wiratama", "Kepala Bidang Humas"),
        ("Kapolres Bogor Ajun Komisaris Besar Polisi Rio Wahyu Anggoro mengatakan korban "
         "mengalami luka berat.", "Rio Wahyu Anggoro", "Kapolres"),
        ("Kepala Kepolisian Resor Sleman Ajun Komisaris Besar Polisi Yuswanto Ardi menyebutkan "
         "ada tiga tersangka.", "Yuswanto Ardi", "Kepala Kepolisian Resor"),
        ("Kepala Kepolisian Daerah Sumatera Utara Inspektur Jenderal Whisnu Hermawan Februanto "
         "meninjau lokasi banjir.", "Whisnu Hermawan Februanto", "Kepala Kepolisian Daerah"),
        ("Kapolsek Depok Barat Inspektur Polisi Dua Muhammad Fajar menuturkan korban sempat "
         "dibawa ke puskesmas.", "Muhammad Fajar", "Kapolsek"),
        ("Panglima Kodam Jaya Mayor Jenderal TNI Rafael Granada Baay memimpin apel pasukan.",
         "Rafael Granada Baay", "Panglima"),
        ("Kasat Reskrim Polresta Malang Kota Kompol Danang Yudanto mengatakan polisi masih "
         "memburu pelaku.", "Danang Yudanto", "Kasat Reskrim"),
        ("Wakil Kepala Kepolisian Daerah Jawa Timur Brigadir Jenderal Polisi Pasma Royce "
         "mengatakan operasi digelar dua pekan.", "Pasma Royce", "Wakil Kepala Kepolisian Daerah"),
        ("Direktur Reserse Kriminal Umum Polda Metro Jaya Komisaris Besar Polisi Wira Satya "
         "Triputra menjelaskan motif pelaku.", "Wira Satya Triputra",
         "Direktur Reserse Kriminal Umum"),
    ],
)
def test_a_rank_between_office_and_name_is_neither_the_office_nor_part_of_the_name(
    sentence: str, name: str, role: str
):
    assert person(mentions_of(sentence), name).role == role


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Brigadir Polisi Kepala Andi Saputra terluka dalam insiden tersebut.", "Andi Saputra"),
        ("Letnan Kolonel Infanteri Bambang Setyawan menyerahkan bantuan kepada warga.",
         "Bambang Setyawan"),
        ("Laksamana Pertama TNI Ahmad Kurniawan mengatakan kapal sudah berlayar.",
         "Ahmad Kurniawan"),
        ("Marsekal Muda TNI Andi Kustoro membuka acara di Lanud Halim Perdanakusuma.",
         "Andi Kustoro"),
        ("Letkol Inf Rinaldi mengatakan kegiatan berlangsung aman.", "Rinaldi"),
    ],
)
def test_a_rank_alone_before_a_name_gives_no_office(sentence: str, name: str):
    mentions = mentions_of(sentence)
    assert person(mentions, name).role is None
    assert names(mentions, EntityType.PERSON) == {name}


def test_a_rank_with_its_force_still_names_the_force():
    mentions = mentions_of("Mayjen TNI Rafael Granada Baay meninjau latihan di Cibubur.")
    assert "Tentara Nasional Indonesia" in names(mentions, EntityType.ORG)
    assert names(mentions, EntityType.PERSON) == {"Rafael Granada Baay"}


def test_a_head_word_right_before_a_rank_names_no_place():
    mentions = mentions_of("Kasat Reskrim Polresta Malang Kota Kompol Danang Yudanto hadir.")
    assert not any("Kompol" in m.canonical_name for m in mentions)


def test_an_office_carries_over_the_number_of_its_unit():
    mentions = mentions_of(
        "Danrem 081/DSJ Kolonel Inf Untoro Hariyanto memimpin upacara. Komandan Kodim 0734 "
        "Yogyakarta Letnan Kolonel Infanteri Bambang Setyawan menyerahkan bantuan."
    )
    assert person(mentions, "Untoro Hariyanto").role == "Danrem"
    assert person(mentions, "Bambang Setyawan").role == "Komandan"


def test_an_office_in_a_list_of_offices_does_not_pass_to_the_next_body():
    mentions = mentions_of(
        "Laporan itu ditembuskan kepada Presiden, Kapolri, Kejaksaan Agung, dan Komisi III DPR."
    )
    assert names(mentions, EntityType.PERSON) == set()


def test_ranks_are_not_offices():
    """A word listed both ways ("Kapten" of a team) would lose its office to the rank rule."""
    assert not {rank.casefold() for rank in load_ranks()} & load_roles()
    assert "Polisi" in load_rank_branches()


# ------------------------------------------------------------ offices written after the name


def test_office_after_yang_juga_and_yang_kini_menjabat():
    mentions = mentions_of(
        "Budi Santoso, yang juga Ketua DPD Partai Golkar Jawa Tengah, mengatakan pihaknya siap. "
        "Ahmad Riza Patria yang kini menjabat Wakil Menteri Desa menilai program itu berhasil."
    )
    assert person(mentions, "Budi Santoso").role == "Ketua"
    assert person(mentions, "Ahmad Riza Patria").role == "Wakil Menteri Desa"


def test_the_village_of_an_office_named_after_its_holder_is_a_place():
    mentions = mentions_of(
        "Sutrisno yang juga merupakan Kepala Desa Sumberejo menyebut warga sudah menerima "
        "bantuan."
    )
    assert names(mentions, EntityType.PERSON) == {"Sutrisno"}
    assert person(mentions, "Sutrisno").role == "Kepala Desa"
    assert "Desa Sumberejo" in names(mentions, EntityType.LOC)


def test_a_court_keeps_its_region_when_its_head_follows():
    mentions = mentions_of(
        "Kepala Pengadilan Negeri Surabaya Dadi Rachmadi menjelaskan sidang ditunda."
    )
    assert "Pengadilan Negeri Surabaya" in names(mentions, EntityType.ORG)
    assert "Surabaya" in names(mentions, EntityType.LOC)
    assert person(mentions, "Dadi Rachmadi").role == "Kepala"


def test_acting_and_deputy_prefixes_join_any_office():
    mentions = mentions_of(
        "Wakil Kepala Dinas Kesehatan Kabupaten Bantul Agus Tri Widiyantara mengatakan kasus "
        "demam berdarah meningkat. Plt Deputi Penindakan KPK Rudi Setiawan menambahkan bahwa "
        "pemeriksaan berlanjut."
    )
    assert person(mentions, "Agus Tri Widiyantara").role == "Wakil Kepala Dinas Kesehatan"
    assert person(mentions, "Rudi Setiawan").role == "Plt Deputi Penindakan"


# ------------------------------------------------------------------------- Balinese names


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Perbekel Cemagi Putu Hendra Sastrawan mengatakan warga sudah dievakuasi.",
         "Putu Hendra Sastrawan", "Perbekel"),
        ("Kepala Desa Tegallalang I Made Jaya Kesuma meninjau lokasi longsor.",
         "I Made Jaya Kesuma", "Kepala Desa"),
        ("Kelian Banjar Sakah Ni Luh Putu Ariani hadir dalam rapat tersebut.",
         "Ni Luh Putu Ariani", "Kelian Banjar"),
        ("Pendiri Mytisi I Gusti Agung Putu Nuaba menilai pasar kopi tumbuh.",
         "I Gusti Agung Putu Nuaba", "Pendiri"),
        ("Bupati Anak Agung Gde Agung meresmikan pasar.", "Anak Agung Gde Agung", "Bupati"),
    ],
)
def test_a_balinese_name_after_an_office_starts_at_its_birth_order_or_caste_name(
    sentence: str, name: str, role: str
):
    assert person(mentions_of(sentence), name).role == role
