"""People on outlets the rules were not written on (Antara, Tempo, Liputan6, Kontan, Tribun,
Okezone): names the article itself marks as a thing (a product feature, a work, a place, a
building, a group, an illness, a company's brand), district words of Yogyakarta and Sumatra,
names written with dotted initials, and a place glued between a council and its chair. Each
test also pins the real people of the same text, so recall is held."""

from __future__ import annotations

from conftest import mentions_of, names
from warta.model import EntityType


def people(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.PERSON)


def places(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.LOC)


# ------------------------------------------------- 1. a name the article calls a thing


def test_a_product_feature_after_fitur_is_no_person():
    body = (
        "Jam tangan pintar itu dilengkapi fitur Sleep Coach untuk memantau tidur. Menurut "
        "Kepala Pemasaran Produk, Rina Kartika, Sleep Coach menjadi andalan seri terbaru."
    )
    found = people(body)
    assert "Rina Kartika" in found
    assert "Sleep Coach" not in found


def test_a_name_after_warga_is_the_place_they_live_in():
    body = (
        "Hasan Basri, warga Sapeken, mengatakan nelayan resah. Suasana di Sapeken kini "
        "kondusif, kata Kapolsek setempat, AKP Wirawan."
    )
    found = people(body)
    assert {"Hasan Basri", "Wirawan"} <= found
    assert "Sapeken" not in found


def test_a_building_an_illness_and_a_book_are_no_people():
    body = (
        "Sejarawan Hendrik Vlekke, dalam bukunya Nusantara Lama, menulis tentang kota itu. "
        "Vlekke meninggal setelah mengidap Guillain Barre Syndrome. Koleksinya kini disimpan "
        "di kawasan hunian Griya Tamansari, ujar cucunya, Laura Vlekke."
    )
    found = people(body)
    assert "Laura Vlekke" in found
    assert not found & {"Nusantara Lama", "Guillain Barre Syndrome", "Griya Tamansari"}


def test_a_person_after_a_cue_word_is_kept_when_the_article_vouches_for_him():
    body = (
        'Menurut warga Sutrisno (52), banjir datang tengah malam. "Air naik cepat sekali," '
        "kata Sutrisno."
    )
    assert "Sutrisno" in people(body)


def test_a_workers_union_named_as_an_example_is_no_person():
    body = (
        "Calon itu mendapat dukungan dari serikat pekerja seperti Teamsters. Juru bicaranya, "
        "Maria Lopez, mengatakan dukungan itu penting."
    )
    found = people(body)
    assert "Maria Lopez" in found
    assert "Teamsters" not in found


def test_the_brand_in_brackets_after_a_company_is_no_person():
    body = (
        "Penyelenggara yang terdaftar antara lain PT Sentosa Dana Mandiri (Danaku) dan "
        "PT Karya Modal Bersama (Modalin). Direktur OJK, Teguh Santosa, mengingatkan investor."
    )
    found = people(body)
    assert "Teguh Santosa" in found
    assert not found & {"Danaku", "Modalin"}


def test_a_name_before_a_model_number_is_a_product():
    body = (
        "Vivo resmi memasarkan Nova Flip 5 di Indonesia. Nova Flip 5 dibekali layar lipat, "
        "ujar Product Manager Vivo Indonesia, Hendra Wijaya."
    )
    found = people(body)
    assert "Hendra Wijaya" in found
    assert not found & {"Nova Flip", "Nova"}


def test_a_score_or_an_age_after_a_name_is_no_model_number():
    body = (
        "Tunggal putra Indonesia, Jonatan Christie, menang 21 15 atas wakil Jepang. Di desa "
        "itu, Sarmini 45 tahun berjualan sayur, kata Kepala Desa Sutarjo."
    )
    found = people(body)
    assert {"Jonatan Christie", "Sarmini", "Sutarjo"} <= found


def test_a_bracketed_short_form_of_a_body_is_no_person():
    body = (
        "Berkas perkara diserahkan ke Pengadilan Militer (Dilmil) III-12 Surabaya. Sebelumnya, "
        "Direktorat Reserse Narkoba (Resnarkoba) menangkap pelaku, kata Kombes Dedi Suryadi."
    )
    found = people(body)
    assert "Dedi Suryadi" in found
    assert not found & {"Dilmil", "Resnarkoba"}


def test_a_nickname_in_brackets_after_a_person_is_kept():
    body = "Menteri Sosial Saifullah Yusuf (Gus Ipul) meninjau dapur umum di Lumajang."
    assert "Saifullah Yusuf" in people(body)


# ------------------------------------------------- 2. district words of regions


def test_kapanewon_and_kalurahan_open_places_not_people():
    body = (
        "Gudang itu berada di Kalurahan Bleberan, Kapanewon Playen, Kabupaten Gunungkidul. "
        "Kepala UPT Damkar, Sugiyanto, mengatakan api padam dua jam kemudian."
    )
    assert "Sugiyanto" in people(body)
    assert {"Kalurahan Bleberan", "Kapanewon Playen"} <= places(body)
    assert not people(body) & {"Kalurahan Bleberan", "Kapanewon Playen", "Playen"}


# ------------------------------------------------- 3. names with dotted initials


def test_dotted_initials_keep_a_name_whole():
    body = (
        "Mantan Gubernur Bank Indonesia Darmawan S.W. Kartono menilai inflasi terkendali. "
        "Menurut Darmawan, suku bunga bisa turun. Ekonom Budi P.S Harjono sependapat."
    )
    found = people(body)
    assert {"Darmawan S.W. Kartono", "Budi P.S Harjono"} <= found
    assert not found & {"W. Kartono", "S Harjono", "Darmawan", "Budi"}


# ------------------------------------------------- 4. a place between a council and its chair


def test_the_regency_between_a_council_and_its_chair_is_cut():
    body = (
        "APBD Perubahan terlambat setelah Ketua DPRD Wajo Andi Rahmat Baso menolak menandatangani. "
        "Pemkab Wajo menyesalkan sikap itu. Belakangan, Andi Rahmat Baso hadir dalam rapat."
    )
    found = people(body)
    assert "Andi Rahmat Baso" in found
    assert "Wajo Andi Rahmat Baso" not in found
