"""Precision of people and their speeches on text the rules were not written on: words that
read as names but name no one (portfolios, currencies, defined short forms, honorifics alone),
and the real-text variants of degrees, foreign names after companies and passive reporting
verbs. Every body is written for the test in the style of Indonesian outlets."""

from __future__ import annotations

import pytest
from conftest import mentions_of, names, person_named, speakers_of
from warta.model import EntityType


def people(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ 1. words that name no one


@pytest.mark.parametrize(
    ("body", "name", "office"),
    [
        ("Pengamat Komoditas dan Mata Uang Lukman Santoso meramal rupiah menguat hari ini.",
         "Lukman Santoso", "Pengamat Komoditas dan Mata Uang"),
        ("Analis Pasar Uang Dedi Permana menilai rupiah masih tertekan.",
         "Dedi Permana", "Analis Pasar Uang"),
        ("Staf Khusus Menteri Keuangan Bidang Kebijakan Fiskal Yustinus Hartono hadir.",
         "Yustinus Hartono", None),
    ],
)  # fmt: skip
def test_a_field_after_an_office_is_its_portfolio_not_a_person(body, name, office):
    found = people(body)
    assert found == {name}
    if office is not None:
        assert person_named(mentions_of(body), name).role == office


def test_the_spelled_out_chamber_of_commerce_is_an_organisation_not_a_person():
    body = "Ketua Umum Kamar Dagang dan Industri (Kadin) Anindya Wirawan hadir di Jakarta."
    mentions = mentions_of(body)
    assert names(mentions, EntityType.PERSON) == {"Anindya Wirawan"}
    assert "Kamar Dagang dan Industri Indonesia" in names(mentions, EntityType.ORG)


@pytest.mark.parametrize(
    "body",
    [
        "Euro Eropa menguat 0,22 persen dan Franc Swiss menguat 0,11 persen.",
        "Lira Turki melemah 1,2 persen terhadap dolar AS pada perdagangan Senin.",
        "Yen Jepang dan Won Korea Selatan ikut tertekan sore ini.",
    ],
)
def test_a_currency_named_with_its_country_is_no_person(body):
    assert people(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Rasio kecukupan modal (Capital Adequacy Ratio/CAR) bank sebesar 22,5 persen.",
        "Rasio kredit bermasalah (Non Performing Loan/NPL) turun menjadi 2,1 persen.",
        "Alat likuid terhadap dana pihak ketiga (AL/DPK) naik tipis.",
    ],
)
def test_a_short_form_defined_after_a_slash_in_brackets_is_no_person(body):
    assert people(body) == set()


def test_a_photographer_after_an_agency_slash_stays_a_person():
    body = "Warga memadati alun-alun kota. (REUTERS/Danny Moloshok)"
    assert "Danny Moloshok" in people(body)


def test_a_rank_branch_alone_is_no_person_and_hands_the_office_to_the_name():
    body = "Menteri Dalam Negeri Jenderal Pol (Purn.) Tito Santoso menyatakan hal itu."
    mentions = mentions_of(body)
    assert names(mentions, EntityType.PERSON) == {"Tito Santoso"}
    assert person_named(mentions, "Tito Santoso").role == "Menteri Dalam Negeri"


def test_a_title_used_as_what_someone_is_called_stays_a_person():
    body = "Kepala Desa Selamat menjelaskan, malam itu Raden keluar rumah karena ada keributan."
    assert "Raden" in people(body)


def test_hakim_closing_a_given_name_is_a_surname_not_an_office():
    body = "Ketua DPRD Banten, Fahmi Hakim, menyatakan DPRD akan mengawasi tambang pasir."
    assert person_named(mentions_of(body), "Fahmi Hakim").role == "Ketua"


def test_the_judges_bench_before_its_chair_is_still_an_office():
    body = "Putusan dibacakan Ketua Majelis Hakim Budi Santoso di Pengadilan Negeri Serang."
    assert person_named(mentions_of(body), "Budi Santoso").role == "Ketua Majelis Hakim"


# ------------------------------------------------------------ 2. degrees in all their forms


@pytest.mark.parametrize(
    "introduced",
    [
        "Dokter spesialis penyakit dalam dr. Rina Kusuma, SpPD-KEMD, FINASIM menjelaskan gejala.",
        "Ketua tim dokter, dr. Rina Kusuma, Sp.PD-KEMD, FINASIM, mengatakan pasien stabil.",
        "Rina Kusuma, SpPD-KEMD, FINASIM mengatakan pasien stabil.",
        "Menurut Prof. Dr. dr. Rina Kusuma SpPD-KEMD FINASIM, diabetes bisa dicegah.",
        "Hal itu disampaikan Rina Kusuma, Sp.PD-KEMD, di Jakarta.",
        "Dokter Rina Kusuma menjelaskan gejala diabetes.",
    ],
)
def test_degrees_and_fellowships_after_a_name_leave_the_name_to_a_later_nya_verb(introduced):
    for verb in ("tukasnya", "ujarnya"):
        body = f'{introduced} "Jangan abaikan gejala awal," {verb}.'
        assert people(body) == {"Rina Kusuma"}
        assert speakers_of(body) == ["Rina Kusuma"]


@pytest.mark.parametrize("fellowship", ["FINASIM", "FINACS", "FIHA"])
def test_a_fellowship_after_a_specialist_degree_is_no_organisation(fellowship):
    body = f"dr. Bagus Pratama, Sp.B, {fellowship} mengatakan operasi berjalan lancar."
    mentions = mentions_of(body)
    assert names(mentions, EntityType.ORG) == set()
    assert names(mentions, EntityType.PERSON) == {"Bagus Pratama"}


def test_the_agent_of_a_passive_reporting_verb_is_a_person():
    body = 'Hal itu disampaikan Rina Kusuma di Jakarta, Senin (3/11). "Cek gula darah," ujarnya.'
    assert people(body) == {"Rina Kusuma"}
    assert speakers_of(body) == ["Rina Kusuma"]


# ------------------------------------------------------------ 3. a foreign name after a company


@pytest.mark.parametrize(
    "introduced",
    [
        '"Kami optimistis," kata CEO PT Evoluzione Alessandro Monzani dalam keterangannya, '
        "Senin (3/11/2025).",
        '"Kami optimistis," kata CEO PT Evoluzione, Alessandro Monzani.',
        "Menurut Alessandro Monzani dari PT Evoluzione, permintaan naik.",
        "CEO PT Evoluzione Alessandro Monzani mengatakan permintaan naik.",
    ],
)
def test_a_foreign_name_after_a_company_is_the_person_its_short_form_speaks_for(introduced):
    body = f'{introduced} "Kami akan menambah pabrik," ujar Alessandro.'
    mentions = mentions_of(body)
    assert names(mentions, EntityType.PERSON) == {"Alessandro Monzani"}
    assert "PT Evoluzione" in names(mentions, EntityType.ORG)
    assert speakers_of(body)[-1] == "Alessandro Monzani"


# ------------------------------------------------------------ 4. a misspelt short form


def test_a_bare_short_form_one_vowel_off_the_only_full_name_is_that_person():
    body = (
        "Kepala Desa Sukamaju Hari Purwanto mengatakan jalan desa rusak sejak Oktober. "
        '"Kami sudah mengajukan perbaikan," kata Heri, Senin (3/11/2025).'
    )
    assert people(body) == {"Hari Purwanto"}
    assert speakers_of(body) == ["Hari Purwanto"]


def test_a_short_form_that_is_part_of_another_full_name_goes_to_that_name():
    body = (
        "Kepala Desa Sukamaju Hari Purwanto meninjau jalan. Camat Heri Susanto ikut hadir. "
        '"Kami sudah mengajukan perbaikan," kata Heri.'
    )
    assert speakers_of(body) == ["Heri Susanto"]


@pytest.mark.parametrize(
    "introduced",
    ['kata Rini (34), warga setempat.', 'kata Rini, warga setempat.'],
)
def test_someone_introduced_with_a_description_is_not_a_misspelt_short_form(introduced):
    body = f'Kepala Desa Sukamaju Rina Kusuma meninjau jalan. "Jalan ini rusak," {introduced}'
    assert people(body) == {"Rina Kusuma", "Rini"}
    assert speakers_of(body) == ["Rini"]


def test_two_letters_off_is_no_misspelling():
    body = (
        "Kepala Desa Sukamaju Hari Purwanto meninjau jalan. "
        '"Kami sudah mengajukan perbaikan," kata Hendi.'
    )
    assert people(body) == {"Hari Purwanto", "Hendi"}


# ------------------------------------------------------------ 5. photo credits and accounts


@pytest.mark.parametrize(
    ("credit", "photographer"),
    [
        ("(ANTARA FOTO/Fransisco Carolio)", "Fransisco Carolio"),
        ("(CNN Indonesia/Adhi Wicaksono)", "Adhi Wicaksono"),
        ("Foto: Kompas.com/Dian Erika", "Dian Erika"),
    ],
)
def test_a_photo_credit_names_its_photographer_and_no_one_else(credit, photographer):
    body = f"Warga menonton pertunjukan di tepi Danau Toba. {credit}"
    assert people(body) == {photographer}


def test_an_account_name_is_no_person_and_its_post_has_no_named_speaker():
    body = (
        "Warga mengunggah video jalan rusak ke akun Instagram @infobandung. "
        '"Jalan rusak parah sejak dua bulan," tulis akun tersebut.'
    )
    assert people(body) == set()
    assert speakers_of(body) == [None]


# ------------------------------------------------------------ 6. lists of fields, bodies as agents


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) Kalteng, Katma Dirun, hadir.",
         "Bangsa"),
        ("Kredit untuk Usaha Mikro, Kecil, dan Menengah (UMKM) naik 8 persen.", "Kecil"),
        ("Staf Ahli Bidang Regulasi, Penegakan Hukum, dan Ketahanan Ekonomi tidak menjawab.",
         "Regulasi"),
        ("Ketua DK OJK Periode 2022-2027 Mahendra Siregar mengatakan hal itu.", "Periode"),
    ],
)  # fmt: skip
def test_a_field_in_a_list_of_fields_is_no_person(body, field):
    assert field not in people(body)


def test_a_holder_between_offices_joined_by_dan_keeps_his_office():
    mentions = mentions_of("Bupati Sleman Budi dan Wakil Bupati Danang hadir di lokasi.")
    assert person_named(mentions, "Budi").role == "Bupati"
    assert person_named(mentions, "Danang").role == "Wakil Bupati"


@pytest.mark.parametrize(
    "body",
    [
        "Proyeksi berbeda disampaikan Conference Board di New York.",
        "Hal itu disampaikan Perserikatan Bangsa Bangsa (PBB) dalam laporannya.",
    ],
)
def test_a_body_after_a_passive_reporting_verb_is_no_person(body):
    assert people(body) == set()


def test_a_doctor_named_by_profession_keeps_it_as_office_not_as_name():
    body = 'Dokter Rina Kusuma menjelaskan gejala diabetes. "Jangan abaikan," tukasnya.'
    assert person_named(mentions_of(body), "Rina Kusuma").role == "Dokter"
    assert speakers_of(body) == ["Rina Kusuma"]


def test_a_doctors_association_is_an_organisation_not_a_person():
    body = "Perhimpunan Dokter Spesialis Penyakit Dalam Indonesia (PAPDI) menyatakan hal itu."
    mentions = mentions_of(body)
    assert people(body) == set()
    assert "Perhimpunan Dokter Spesialis Penyakit Dalam Indonesia" in names(
        mentions, EntityType.ORG
    )


# ------------------------------------------------------------ 7. speakers' call names


@pytest.mark.parametrize(
    ("introduced", "called", "full"),
    [
        ("Ketua KPU Mochammad Afifuddin menjelaskan aturan itu.", "Afif", "Mochammad Afifuddin"),
        ("Gubernur NTT Emanuel Melkiades Laka Lena meninjau lokasi banjir.", "Melki",
         "Emanuel Melkiades Laka Lena"),
        ("Presiden Joko Widodo meresmikan jalan tol itu.", "Jokowi", "Joko Widodo"),
    ],
)  # fmt: skip
def test_a_call_name_that_begins_a_word_of_the_only_full_name_speaks_for_that_person(
    introduced, called, full
):
    body = f'{introduced} "Kami akan kawal sampai selesai," kata {called}.'
    assert speakers_of(body) == [full]


def test_a_call_name_introduced_as_someone_else_stays_its_own_speaker():
    body = (
        "Warga bernama Ahmad Budiman ikut antre sejak pagi. "
        '"Kami senang harganya turun," kata Budi, pedagang sayur di pasar itu.'
    )
    assert speakers_of(body) == ["Budi"]
    assert people(body) == {"Ahmad Budiman", "Budi"}


def test_jokowi_alone_is_still_a_person():
    assert people("Jokowi meresmikan jalan tol Trans Sumatera di Lampung.") == {"Jokowi"}


# ------------------------------------------------------------ 8. places, groups and typos


@pytest.mark.parametrize(
    "body",
    [
        "Pengacara Hotman Paris hadir di Pengadilan Negeri Jakarta Selatan.",
        "Hotman Paris mengatakan kliennya tidak bersalah.",
        "Kuasa hukum korban, Hotman Paris, mengatakan kliennya tidak bersalah.",
    ],
)
def test_a_surname_that_is_a_city_stays_in_the_name(body):
    assert "Hotman Paris" in people(body)
    assert "Paris" not in names(mentions_of(body), EntityType.LOC)


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Kapolres Metro Bekasi Kombes Mustofa mengatakan kasus itu ditangani.", "Bekasi"),
        ("Kapolsek Genuk Semarang, Kompol Rismanto, mengatakan air mulai surut.", "Semarang"),
        ("Mahasiswa Yogyakarta mengatakan aksi berlangsung damai.", "Yogyakarta"),
        ("Dishub Jakarta mengatakan rekayasa lalu lintas diberlakukan.", "Jakarta"),
    ],
)
def test_a_town_after_a_unit_or_a_group_is_a_place_not_a_surname(body, place):
    assert place in names(mentions_of(body), EntityType.LOC)
    assert not any(name.endswith(place) for name in people(body))


def test_supporter_groups_are_no_people():
    body = "Bobotoh memadati stadion sejak siang. Aremania dan Jakmania juga datang."
    assert people(body) == set()


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Gubernur The Fed Jerome Powell hadir. Powel mengatakan inflasi melambat.",
         "Jerome Powell"),
        ("Presiden AS Donald Trump tiba di Seoul. Trum mengatakan kesepakatan dekat.",
         "Donald Trump"),
    ],
)  # fmt: skip
def test_a_short_form_cut_from_a_surname_is_the_only_full_name_it_begins(body, speaker):
    assert people(body) == {speaker}


# ------------------------------------------------------------ 9. speakers after an office


@pytest.mark.parametrize("when", ["saat itu", "kala itu", "ketika itu"])
def test_an_office_held_at_the_time_hands_the_quote_to_its_holder(when):
    body = f'"Inflasi masih terkendali," ujar Kepala BPS {when}, Suhariyanto.'
    assert speakers_of(body) == ["Suhariyanto"]


def test_an_office_with_its_holder_named_in_apposition_speaks_through_the_holder():
    body = '"Kami optimistis," ujar Kepala BPS, Amalia Adininggar Widyasanti.'
    assert speakers_of(body) == ["Amalia Adininggar Widyasanti"]


def test_a_long_office_before_the_subject_still_lets_a_later_nya_verb_find_the_holder():
    body = (
        "Pengamat Komoditas dan Mata Uang Lukman Leong memperkirakan rupiah menguat hari ini. "
        '"Rupiah masih ditopang data inflasi," katanya kepada CNNIndonesia.com.'
    )
    assert speakers_of(body) == ["Lukman Leong"]
