"""Where a person's name starts and ends, and what office it holds, in the shapes of outlets the
rules were not written on (Kontan, Bisnis, Antara, Tribun, Liputan6, Tempo): firms, bodies and
places glued before a name, an observer's firm after the office, names read as a portfolio, and
a speech verb glued to the name by the crawl."""

from __future__ import annotations

import pytest
from conftest import mentions_of, names, person_named
from warta.clean import clean_body
from warta.model import EntityType


def people(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ 1. a firm glued before the name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (  # Kontan: an English office and a broker, no office the lists know
            "Head of Research Nusantara Sekuritas Andre Wijaya mengatakan, saham perbankan "
            "masih menarik pekan depan.",
            "Andre Wijaya",
        ),
        (  # Bisnis: a planner's consultancy
            "Perencana Keuangan Arunika Consulting Maya Kartika menyebut emas tetap layak "
            "dikoleksi saat pasar bergejolak.",
            "Maya Kartika",
        ),
        (  # Liputan6: a fund manager's firm after an unlisted office
            "Ahli Strategi Bluewater Asset Management Hendra Kusuma mengatakan obligasi negara "
            "masih diburu investor asing.",
            "Hendra Kusuma",
        ),
    ],
)
def test_a_firm_ending_glued_before_a_name_is_no_part_of_it(body, name):
    assert people(body) == {name}


def test_the_firm_before_the_name_becomes_the_affiliation():
    body = "Perencana Keuangan Arunika Consulting Maya Kartika menyebut emas tetap menarik."
    affiliation = person_named(mentions_of(body), "Maya Kartika").affiliation
    assert affiliation is not None and affiliation.endswith("Arunika Consulting")


def test_office_words_after_a_firm_ending_are_no_given_names():
    # "Project Manager" after the ending is an office, not a name: nothing is cut
    body = "Research Project Manager Ravenry menilai hal ini bisa diperbaiki. Ravenry menambahkan."
    assert "Ravenry" not in people(body)


# ------------------------------------------------------------ 2. an observer's firm


@pytest.mark.parametrize(
    ("body", "name", "role", "affiliation"),
    [
        (
            "Analis KBVX Dewi Anggraini memperkirakan rupiah bergerak melemah hari ini.",
            "Dewi Anggraini",
            "Analis",
            "KBVX",
        ),
        (
            "Analis Sinarmas Futures Rudi Hartono memperkirakan rupiah bergerak melemah.",
            "Rudi Hartono",
            "Analis",
            "Sinarmas Futures",
        ),
        (
            "Ekonom Bumi Capital Indonesia Rina Susanti mengungkapkan sikap bank sentral itu.",
            "Rina Susanti",
            "Ekonom",
            "Bumi Capital",
        ),
    ],
)
def test_an_observers_firm_is_the_affiliation_not_part_of_the_office(
    body, name, role, affiliation
):
    person = person_named(mentions_of(body), name)
    assert (person.role, person.affiliation) == (role, affiliation)


def test_an_observers_field_stays_in_the_office():
    body = "Analis Pasar Rudi Hartono mengatakan rupiah menguat tipis."
    assert person_named(mentions_of(body), "Rudi Hartono").role == "Analis Pasar"


# ------------------------------------------------------------ 3. a body or place written apart


def test_a_region_glued_before_a_name_the_article_shortens_becomes_the_affiliation():
    body = (
        "Perdana Menteri Flanders Jan Jambon menyebut izin terbang sudah dicabut.\n\n"
        "Parlemen Flanders menggelar rapat darurat. Jambon menambahkan, keputusan itu final."
    )
    person = person_named(mentions_of(body), "Jan Jambon")
    assert (person.role, person.affiliation) == ("Perdana Menteri", "Flanders")
    assert "Flanders Jan Jambon" not in people(body)


def test_a_portfolio_the_article_writes_apart_is_cut_from_the_ministers_name():
    body = (
        "Nota itu diteken Menko Kumham Imipas Yusril Ihza Mahendra di Jakarta.\n\n"
        "Kemenko Kumham Imipas menyiapkan pemindahan dua narapidana. \"Kami siap,\" kata Yusril."
    )
    assert "Yusril Ihza Mahendra" in people(body)


def test_a_body_named_with_the_is_cut_from_the_managers_name():
    body = (
        '"Sampah itu terbawa arus," kata General Manager The Kaliandra Budi Harsono di '
        "Pasuruan. Budi menambahkan, pantai sudah bersih.\n\nResor The Kaliandra ramai."
    )
    assert people(body) == {"Budi Harsono"}


def test_the_cut_body_alone_is_no_person():
    body = (
        "Pelatih Skuad Rajawali Park Ji-hoon memanggil 28 pemain. Skuad Rajawali berlatih "
        "di Bandung. Park mengatakan semua pemain siap."
    )
    assert "Skuad Rajawali" not in people(body)
    assert "Park Ji-hoon" in people(body)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (  # Tribun: the article calls her by her second given name
            "Bupati Sleman Kustini Sri Purnomo meninjau banjir. \"Warga sudah dievakuasi,\" "
            "kata Kustini.",
            "Kustini Sri Purnomo",
        ),
        (  # a name opener before the called name
            "Anggota Komisi B DPRD Jawa Timur M. Taufik Zulkifli menilai kajian belum matang. "
            "Taufik meminta kajian diulang.",
            "M. Taufik Zulkifli",
        ),
        (
            "Muhammad Kerry Adrianto diperiksa penyidik. Kerry datang didampingi kuasa hukum.",
            "Muhammad Kerry Adrianto",
        ),
    ],
)
def test_given_names_before_the_called_name_stay_in_it(body, name):
    assert name in people(body)


def test_a_given_name_written_apart_next_to_the_surname_stays_in_the_name():
    body = (
        "Thomas Trikasih Lembong diperiksa jaksa, Senin. Thomas Lembong datang pukul 09.00. "
        "Lembong menyebut dirinya kooperatif."
    )
    assert "Trikasih Lembong" not in people(body)


# ------------------------------------------------------------ 4. names read as a portfolio


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        (
            '"Saya mendampingi Presiden Megawati Soekarnoputri ke sana," ujarnya.',
            "Megawati Soekarnoputri",
            "Presiden",
        ),
        (
            "Kepala Dinas Pendidikan Setiadi Wibowo mengatakan sekolah dibuka pekan depan.",
            "Setiadi Wibowo",
            "Kepala Dinas Pendidikan",
        ),
    ],
)
def test_a_name_shaped_like_a_prefixed_verb_is_no_portfolio(body, name, role):
    assert person_named(mentions_of(body), name).role == role


def test_a_portfolio_noun_in_isasi_still_extends_the_office():
    body = "Direktur Sertifikasi Budi Santoso mengatakan prosesnya dipercepat."
    assert person_named(mentions_of(body), "Budi Santoso").role == "Direktur Sertifikasi"


# ------------------------------------------------------------ 5. a speech verb glued to the name


def test_a_speech_verb_glued_to_a_name_gets_its_space_back():
    body = clean_body(
        "JAKARTA - Menteri Perdagangan Budi Santosomengatakan harga beras stabil pekan ini."
    )
    assert "Budi Santoso mengatakan" in body
    assert people(body) == {"Budi Santoso"}


@pytest.mark.parametrize(
    "text",
    [
        "Ia mengatakan harga beras stabil pekan ini.",
        "Kepala dinas itu menyampaikan bahwa pihaknyamengatakan hal serupa.",
        "Data BPSmenyatakan inflasi turun.",
    ],
)
def test_other_glued_verbs_are_left_alone(text):
    assert clean_body(text) == text


# ------------------------------------------------------------ 6. particles and articles in names


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "Presiden Komisi Eropa Ursula von der Leyen mengatakan sanksi diperpanjang. "
            "Menurut von der Leyen, tekanan harus dijaga.",
            "Ursula von der Leyen",
        ),
        (
            "Pelatih tim nasional Belanda Maarten van den Berg mengatakan timnya siap bertanding.",
            "Maarten van den Berg",
        ),
    ],
)
def test_two_name_particles_stay_inside_the_name(body, name):
    assert people(body) == {name}


def test_a_surname_without_its_arabic_article_is_the_same_person():
    body = (
        "Peneliti senior Farea Al-Muslimi mengatakan perang berlanjut.\n\n"
        "Muslimi menambahkan, bantuan pangan belum sampai ke utara."
    )
    assert people(body) == {"Farea Al-Muslimi"}
