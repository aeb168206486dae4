"""Organisations and places on outlets the rules were not developed on.

Each test pins one error class measured on unseen outlets, reproduced with sentences written for
these tests in the style of Antara, Tempo, Liputan6, Okezone, Tribun and Kontan: a company's name
that runs into the next name, English-suffixed bodies, well-known companies and agencies without
a head word, news sites, government bodies, administrative chains and regions.
"""

from __future__ import annotations

import pytest
from conftest import mentions_of, names
from conftest import person_named as person
from warta.model import EntityType

ORG, LOC, PERSON = EntityType.ORG, EntityType.LOC, EntityType.PERSON

# ---------------------------------------------------------------- where a company's name ends


def test_a_company_name_ends_where_the_airport_it_runs_begins() -> None:
    mentions = mentions_of(
        "General Manager PT Angkasa Pura I Bandara Internasional Lombok, Arif Haryanto, "
        "mengatakan jumlah penumpang naik 12 persen."
    )
    assert "PT Angkasa Pura I" in names(mentions, ORG)
    assert not any("Bandara" in name for name in names(mentions, ORG))


def test_an_unlisted_company_ends_before_a_facility_it_names() -> None:
    mentions = mentions_of(
        "Manajer PT Pelabuhan Nusantara Pelabuhan Tanjung Perak, Andi Wijaya, mengatakan "
        "arus peti kemas naik."
    )
    assert "PT Pelabuhan Nusantara" in names(mentions, ORG)
    assert "Pelabuhan Tanjung Perak" not in names(mentions, ORG)


def test_a_company_name_ends_where_its_speaker_name_begins() -> None:
    mentions = mentions_of(
        "PT Evoluzione Alessandro Monzani mengatakan pihaknya siap berinvestasi di Bali. "
        "Menurut Alessandro, pasar Indonesia masih tumbuh."
    )
    assert names(mentions, ORG) == {"PT Evoluzione"}
    assert names(mentions, PERSON) == {"Alessandro Monzani"}


def test_the_short_form_of_a_chief_executive_links_to_the_full_name() -> None:
    mentions = mentions_of(
        "CEO PT Evoluzione Alessandro Monzani mengatakan pihaknya siap berinvestasi. "
        '"Kami melihat peluang besar," kata Alessandro.'
    )
    assert person(mentions, "Alessandro Monzani").role == "CEO"
    assert names(mentions, PERSON) == {"Alessandro Monzani"}


def test_a_foundation_name_is_not_cut_before_a_speaker() -> None:
    mentions = mentions_of("Sementara itu, Yayasan Pendidikan Harapan Bangsa mengatakan siap.")
    assert names(mentions, ORG) == {"Yayasan Pendidikan Harapan Bangsa"}
    assert not names(mentions, PERSON)


def test_two_listed_companies_side_by_side_are_two_names() -> None:
    mentions = mentions_of(
        "Merger Indosat Ooredoo Hutchison Asia Telecommunications Limited rampung tahun itu."
    )
    assert names(mentions, ORG) == {"Indosat Ooredoo", "Hutchison Asia Telecommunications Limited"}
    assert not names(mentions, LOC)  # "Asia" inside the company's name is no place


def test_a_number_inside_a_company_name_keeps_the_name_whole() -> None:
    mentions = mentions_of("Layanan PT Hutchison 3 Indonesia kini menjangkau 1.000 desa.")
    assert names(mentions, ORG) == {"PT Hutchison 3 Indonesia"}
    assert not names(mentions, LOC)


# ------------------------------------------------------------------ English-suffixed bodies


def test_an_english_named_body_after_an_office_keeps_its_leading_country() -> None:
    mentions = mentions_of(
        "Ketua Indonesia Mining Association (IMA) Rachmat Makkasau menyebut ekspor nikel turun."
    )
    assert "Indonesia Mining Association" in names(mentions, ORG)
    assert "Mining Association" not in names(mentions, PERSON)
    assert person(mentions, "Rachmat Makkasau").role == "Ketua"


@pytest.mark.parametrize(
    "body",
    [
        "Penelitian itu didanai Sasakawa Peace Foundation dari Jepang.",
        "Saham Hutchison Asia Telecommunications Limited dilepas kepada investor.",
        "Laporan Global Cyber Alliance menyebut serangan siber meningkat.",
        "Menurut Brookings Institution, kebijakan itu berisiko.",
        "Aksi korporasi Mandala Prima Holdings diumumkan pekan lalu.",
    ],
)
def test_an_english_legal_or_body_ending_makes_the_run_an_organisation(body: str) -> None:
    found = names(mentions_of(body), ORG)
    assert any(name.endswith(("Foundation", "Limited", "Alliance", "Institution", "Holdings"))
               for name in found), found


def test_dan_separates_two_english_named_bodies() -> None:
    mentions = mentions_of(
        "Microsoft Corporation dan Lowy Institute menggelar diskusi. Lippo Group dan CK "
        "Hutchison Holdings juga hadir."
    )
    assert names(mentions, ORG) == {
        "Microsoft Corporation", "Lowy Institute", "Lippo Group", "CK Hutchison",
    }  # fmt: skip
    assert not any(" dan " in name for name in names(mentions, ORG))


def test_an_office_portfolio_with_an_english_ending_stays_the_office() -> None:
    mentions = mentions_of(
        "Kepala Departemen Pengelolaan Moneter dan Aset Sekuritas (DPMA) BI Erwin Gunawan "
        "Hutapea menyampaikan hal serupa."
    )
    assert person(mentions, "Erwin Gunawan Hutapea").role.endswith("Aset Sekuritas")


# ------------------------------------------------------- companies and agencies without a head word


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Pirelli dan Bridgestone bersaing memasok ban untuk pabrikan mobil.",
         {"Pirelli", "Bridgestone"}),
        ("Telkomsel, XL Axiata dan Indosat Ooredoo Hutchison menurunkan tarif data.",
         {"Telkomsel", "XL Axiata", "Indosat Ooredoo Hutchison"}),
        ("Film itu tayang di jaringan bioskop XXI, CGV dan Cinepolis mulai pekan ini.",
         {"Cinema XXI", "CGV", "Cinepolis"}),
        ("Hal itu dilaporkan Reuters dan Bloomberg, sementara Xinhua mengutip pejabat setempat.",
         {"Reuters", "Bloomberg", "Xinhua"}),
    ],
)  # fmt: skip
def test_well_known_companies_and_agencies_are_organisations(
    body: str, expected: set[str]
) -> None:
    mentions = mentions_of(body)
    assert expected <= names(mentions, ORG)
    assert not names(mentions, PERSON)


def test_a_bare_intel_stays_the_prosecutors_intelligence_unit() -> None:
    """ "Intel" names the intelligence unit of a body far more often than the chipmaker."""
    mentions = mentions_of("Ia mengaku sebagai perwakilan JAM Intel Kejagung.")
    assert "Intel" not in names(mentions, ORG)


# ---------------------------------------------------------------------------- news outlets


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Artikel ini telah tayang di Surya.co.id dengan judul Banjir Rendam Gresik.",
         "Surya.co.id"),
        ("Seperti dikutip dari TribunJabar.id, warga mulai mengungsi.", "TribunJabar.id"),
        ("Data itu dilansir dari Kontan.co.id, Senin (3/11/2025).", "Kontan.co.id"),
        ("Seperti dilaporkan Kompas.com, antrean kendaraan mengular.", "Kompas.com"),
        ("Seperti dilansir dari Antaranews, harga cabai turun.", "Antaranews"),
        ("TRIBUNJATIM.COM, SURABAYA - Warga Kecamatan Rungkut mengeluhkan banjir.",
         "TRIBUNJATIM.COM"),
        ("Artikel ini telah tayang di Tribun-Medan.com dengan judul Polisi Tangkap Bandar.",
         "Tribun-Medan.com"),
        ("Dikutip dari iNews.id, polisi masih menyelidiki kasus itu.", "iNews.id"),
    ],
)  # fmt: skip
def test_a_news_site_is_named_as_written(body: str, outlet: str) -> None:
    assert outlet in names(mentions_of(body), ORG)


def test_a_regional_tribun_title_is_an_outlet_not_a_province() -> None:
    mentions = mentions_of("Tribun Jabar melaporkan banjir merendam tiga kecamatan.")
    assert names(mentions, ORG) == {"Tribun Jabar"}
    assert not names(mentions, LOC)


# ------------------------------------------------------------------------ government bodies


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Pemerintah Provinsi Jatim dan Pemkot Surabaya menggelar rapat koordinasi.",
         {"Pemerintah Provinsi Jatim", "Pemkot Surabaya"}),
        ("Pemerintah Kabupaten Sidoarjo menyiapkan lokasi pengungsian.",
         {"Pemerintah Kabupaten Sidoarjo"}),
        ("Kepresidenan Turki menyatakan hal itu dalam keterangan tertulis.",
         {"Kepresidenan Turki"}),
        ("Kantor Kepresidenan Korea Selatan membantah laporan itu.",
         {"Kantor Kepresidenan Korea Selatan"}),
    ],
)  # fmt: skip
def test_regional_governments_and_a_country_presidency_are_organisations(
    body: str, expected: set[str]
) -> None:
    assert expected <= names(mentions_of(body), ORG)


def test_a_ministry_followed_by_a_foreign_country_is_that_country_ministry() -> None:
    mentions = mentions_of(
        "Juru Bicara Kementerian Luar Negeri Turki Oncu Keceli mengatakan hal itu. "
        "Kementerian Luar Negeri menyatakan Indonesia tetap netral."
    )
    assert {"Kementerian Luar Negeri Turki", "Kementerian Luar Negeri"} <= names(mentions, ORG)
    assert "Turki" in names(mentions, LOC)
    assert person(mentions, "Oncu Keceli").role == "Juru Bicara"


def test_a_presidency_of_a_group_is_no_body() -> None:
    mentions = mentions_of("Ia ketua tim Komite Nasional Kepresidenan G20, kata dia.")
    assert "Kepresidenan G20" not in names(mentions, ORG)


def test_a_nested_body_names_every_level() -> None:
    mentions = mentions_of(
        "Dokter dari Divisi Metabolik Endokrin Fakultas Kedokteran Universitas Indonesia "
        "menjelaskan risiko diabetes."
    )
    assert {"Fakultas Kedokteran Universitas Indonesia", "Universitas Indonesia"} <= names(
        mentions, ORG
    )
    assert "Indonesia" not in names(mentions, LOC)


def test_a_faculty_after_a_lecturer_runs_to_its_university() -> None:
    mentions = mentions_of(
        "Penelitian dosen Fakultas Ekonomi dan Bisnis Universitas Gadjah Mada menunjukkan hal itu."
    )
    assert "Fakultas Ekonomi dan Bisnis Universitas Gadjah Mada" in names(mentions, ORG)
    assert not names(mentions, PERSON)


@pytest.mark.parametrize(
    ("acronym", "university"),
    [("UNY", "Universitas Negeri Yogyakarta"), ("Unesa", "Universitas Negeri Surabaya"),
     ("UGM", "Universitas Gadjah Mada"), ("UNS", "Universitas Sebelas Maret"),
     ("Unpad", "Universitas Padjadjaran"), ("Undip", "Universitas Diponegoro"),
     ("IPB", "Institut Pertanian Bogor"), ("ITS", "Institut Teknologi Sepuluh Nopember")],
)  # fmt: skip
def test_a_university_acronym_is_the_university(acronym: str, university: str) -> None:
    mentions = mentions_of(f"Rektor {acronym} Budi Santoso meresmikan gedung baru kampus itu.")
    assert university in names(mentions, ORG)
    assert person(mentions, "Budi Santoso").role == "Rektor"


def test_a_state_islamic_university_is_an_organisation() -> None:
    mentions = mentions_of("Mahasiswa UIN Sunan Kalijaga ikut lomba debat nasional.")
    assert names(mentions, ORG) == {"Universitas Islam Negeri Sunan Kalijaga"}
    assert not names(mentions, PERSON)


# ------------------------------------------------------------------------------------ places


def test_an_administrative_chain_without_commas_is_one_place_per_level() -> None:
    mentions = mentions_of(
        "Warga Dusun Krajan Desa Waung Kecamatan Boyolangu Kabupaten Tulungagung mengungsi."
    )
    assert names(mentions, LOC) == {
        "Dusun Krajan", "Desa Waung", "Kecamatan Boyolangu", "Kabupaten Tulungagung",
    }  # fmt: skip


def test_an_administrative_chain_with_commas_is_one_place_per_level() -> None:
    mentions = mentions_of(
        "Peristiwa itu terjadi di Dusun Krajan, Desa Waung, Kecamatan Boyolangu, Tulungagung."
    )
    assert names(mentions, LOC) == {
        "Dusun Krajan", "Desa Waung", "Kecamatan Boyolangu", "Tulungagung",
    }  # fmt: skip


def test_a_province_written_with_its_capital_stays_one_place() -> None:
    assert "Provinsi DKI Jakarta" in names(
        mentions_of("Pemilih di Provinsi DKI Jakarta mencapai delapan juta orang."), LOC
    )


def test_a_village_named_after_a_city_stays_one_place() -> None:
    mentions = mentions_of("Longsor menimpa rumah warga Dusun Karang Malang pada Senin malam.")
    assert names(mentions, LOC) == {"Dusun Karang Malang"}


def test_a_street_and_the_town_after_it_are_two_names() -> None:
    mentions = mentions_of("Kantor itu berada di Jalan WR Supratman Tulungagung.")
    assert names(mentions, LOC) == {"Jalan WR Supratman", "Tulungagung"}


def test_a_church_named_after_the_archipelago_stays_one_name() -> None:
    mentions = mentions_of(
        "Ketua Sinode Gereja Bethel Injili Nusantara (GBIN) Pendeta Markus Lumban hadir."
    )
    assert "Nusantara" not in names(mentions, LOC)


@pytest.mark.parametrize(
    ("body", "region"),
    [
        ("Wisatawan memadati Malang Raya saat libur panjang.", "Malang Raya"),
        ("Kawasan Gerbangkertasusila menjadi pusat industri Jawa Timur.", "Gerbangkertasusila"),
        ("Hujan lebat diprakirakan turun di Jabodetabek sore ini.", "Jabodetabek"),
        ("Banjir melanda Kecamatan Porong sejak Minggu.", "Kecamatan Porong"),
        ("Nelayan di Paciran tidak melaut karena gelombang tinggi.", "Paciran"),
    ],
)
def test_metropolitan_regions_and_districts_are_places(body: str, region: str) -> None:
    found = names(mentions_of(body), LOC)
    assert region in found
    assert "Malang" not in found  # "Malang Raya" is the region, not the city


def test_a_country_inside_an_organisation_name_is_no_place() -> None:
    mentions = mentions_of("Mahasiswa Universitas Indonesia meneliti banjir di Depok.")
    assert names(mentions, LOC) == {"Depok"}


@pytest.mark.parametrize(
    ("body", "body_name", "holder", "office"),
    [
        ("Wakil Presiden Sasakawa Peace Foundation Junko Chano mengatakan kerja sama itu penting.",
         "Sasakawa Peace Foundation", "Junko Chano", "Wakil Presiden"),
        ("Direktur Eksekutif Lowy Institute Michael Fullilove menilai hubungan membaik.",
         "Lowy Institute", "Michael Fullilove", "Direktur Eksekutif"),
        ("Analis Kyobo Sekuritas Budi Hartono memperkirakan indeks menguat.",
         "Kyobo Sekuritas", "Budi Hartono", "Analis"),
    ],
)  # fmt: skip
def test_an_english_named_body_between_an_office_and_its_holder_ends_at_its_ending(
    body: str, body_name: str, holder: str, office: str
) -> None:
    mentions = mentions_of(body)
    assert body_name in names(mentions, ORG)
    assert person(mentions, holder).role == office


def test_an_english_name_runs_on_over_of_and_for_to_its_field() -> None:
    mentions = mentions_of(
        "Kepala Ekonom Leibniz Institute for Economic Research Reint Gropp menilai inflasi "
        "Jerman melandai."
    )
    assert "Leibniz Institute for Economic Research" in names(mentions, ORG)
    assert person(mentions, "Reint Gropp").role == "Kepala Ekonom"


def test_a_faculty_between_an_office_and_its_holder_takes_in_its_university() -> None:
    mentions = mentions_of(
        "Guru Besar Fakultas Kedokteran Universitas Airlangga Budi Santoso mengatakan hal itu."
    )
    assert {"Fakultas Kedokteran Universitas Airlangga", "Universitas Airlangga"} <= names(
        mentions, ORG
    )
    assert person(mentions, "Budi Santoso").role == "Guru Besar"


def test_a_firm_name_between_an_office_and_its_holder_runs_to_its_firm_word() -> None:
    mentions = mentions_of(
        "CEO PT Sinar Harapan Teknologi Alessandro Monzani mengatakan pihaknya siap."
    )
    assert names(mentions, ORG) == {"PT Sinar Harapan Teknologi"}
    assert person(mentions, "Alessandro Monzani").role == "CEO"


def test_a_country_closing_a_company_name_is_no_place() -> None:
    mentions = mentions_of("Direktur PT Maju Sejahtera Indonesia Budi Santoso meninjau lokasi.")
    assert names(mentions, ORG) == {"PT Maju Sejahtera Indonesia"}
    assert not names(mentions, LOC)
