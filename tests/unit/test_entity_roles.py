"""People, their offices and nicknames in Indonesian news: rules pinned on realistic sentences."""

from __future__ import annotations

from conftest import mentions_of, names
from conftest import person_written as person
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityType
from warta.segment import split_sentences

# ------------------------------------------------------------ offices written after the holder


def test_office_after_selaku_and_sebagai_belongs_to_the_name_before():
    body = (
        "Sidang dibuka oleh Rony Suryandoko sebagai Ketua Majelis Hakim dan didampingi dua "
        "hakim anggota. Warga Desa Selamat melapor ke polisi.\n\n"
        "Bahrun selaku Kepala Desa Selamat menjelaskan, malam itu warga keluar rumah."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Rony Suryandoko").role == "Ketua Majelis Hakim"
    assert person(mentions, "Bahrun").role == "Kepala Desa"  # the village is no part of it


def test_office_in_apposition_after_a_comma():
    body = "Pendeta Pilemon, Gembala Gereja GIDI, menjelaskan bahwa rumah itu milik jemaat."
    assert person(mentions_of(body), "Pilemon").role == "Gembala"


def test_office_before_another_name_is_not_an_apposition():
    body = "Acara itu dihadiri Dedi Mulyadi, Menteri Keuangan Sri Mulyani, dan para bupati."
    mentions = mentions_of(body)
    assert person(mentions, "Dedi Mulyadi").role is None
    assert person(mentions, "Sri Mulyani").role == "Menteri Keuangan"


def test_office_whose_holder_follows_a_bracketed_acronym_is_not_an_apposition():
    body = (
        "Senada dengan Andi, Presiden Konfederasi Serikat Pekerja Indonesia (KSPI) Said Iqbal "
        "menolak rencana itu."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Andi").role is None
    assert person(mentions, "Said Iqbal").role is not None


def test_sebagai_before_a_non_office_gives_no_role():
    body = "Polisi menetapkan Andi Saputra sebagai tersangka pada Senin (3/3)."
    assert person(mentions_of(body), "Andi Saputra").role is None


def test_supporting_office_keeps_the_office_it_serves():
    body = (
        "KPK memeriksa Dani M. Nursalam. Saudara DMN (Dani M. Nursalam) selaku Tenaga Ahli "
        "Gubernur turut diperiksa."
    )
    roles = {m.role for m in mentions_of(body) if m.canonical_name == "Dani M. Nursalam"}
    assert "Tenaga Ahli Gubernur" in roles


# ------------------------------------------------------------ offices written before the holder


def test_bracketed_short_form_of_an_office_keeps_it_waiting_for_its_holder():
    body = (
        "Komandan Pusat Polisi Militer (Danpuspom) TNI, Mayjen TNI Yusri Nuryanto, telah "
        "angkat bicara. Kepala Kepolisian Resor (Kapolres) Sleman, AKBP Edy Setyanto, "
        "membenarkan kejadian itu."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Yusri Nuryanto").role == "Komandan Pusat Polisi Militer"
    assert person(mentions, "Edy Setyanto").role == "Kepala Kepolisian Resor"
    assert person(mentions, "Edy Setyanto").affiliation == "Sleman"


def test_bracketed_short_form_is_left_out_of_the_office_it_interrupts():
    body = (
        "Direktur Jenderal (Dirjen) Peternakan dan Kesehatan Hewan Kementerian Pertanian "
        "Agung Suganda meninjau peternakan di Boyolali."
    )
    agung = person(mentions_of(body), "Agung Suganda")
    assert agung.role == "Direktur Jenderal Peternakan dan Kesehatan Hewan"
    assert agung.affiliation == "Kementerian Pertanian"


def test_misspelt_portfolio_word_before_bidang_stays_out_of_the_name():
    body = (
        "Menteri Koodinator Bidang Perekonomian Darmin Nasution mengungkapkan keberatan "
        "Amerika Serikat. Menurut Darmin, aturan itu sudah berlaku."
    )
    mentions = mentions_of(body)
    darmin = person(mentions, "Darmin Nasution")
    assert darmin.role == "Menteri Koordinator Bidang Perekonomian"  # listed spelling
    assert person(mentions, "Darmin").canonical_name == "Darmin Nasution"


def test_body_name_running_into_a_place_does_not_become_the_holder():
    body = (
        "Chief Executive Officer (CEO) Badan Pengelola Investasi (BPI) Daya Anagata Nusantara "
        "(Danantara) Rosan Roeslani hadir di Jakarta."
    )
    mentions = mentions_of(body)
    assert "Anagata" not in names(mentions, EntityType.PERSON)
    assert person(mentions, "Rosan Roeslani").role == "Chief Executive Officer"


def test_firm_ending_and_observer_field_are_not_part_of_the_holder_name():
    body = (
        "Kepala Ekonom Capital Economics Paul Dales menilai inflasi Inggris melambat. "
        "Pengamat Properti Panangian Simanungkalit menilai pasar properti lesu."
    )
    mentions = mentions_of(body)
    dales = person(mentions, "Paul Dales")
    assert (dales.role, dales.affiliation) == ("Kepala Ekonom", "Capital Economics")
    assert person(mentions, "Panangian Simanungkalit").role == "Pengamat Properti"


def test_a_name_that_is_also_a_word_stays_whole_after_an_office():
    body = "Kepala Desa Putri Ayu Lestari mengatakan putri sulungnya sakit."
    assert person(mentions_of(body), "Putri Ayu Lestari").role == "Kepala Desa"


def test_rank_written_in_capitals_is_a_title_not_part_of_the_name():
    body = (
        "Sebelumnya, anggota KBO Satuan Lalu Lintas (Satlantas) Polresta Bandung IPTU Yana "
        "mengatakan jalur itu tergenang."
    )
    assert "Yana" in names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ what is not a person


def test_terms_and_defined_acronyms_are_not_people():
    body = (
        "Cabai dijual dengan Harga Eceran Tertinggi (HET) sebesar Rp55 ribu. Menkeu Sri Mulyani "
        "berbicara dalam Seminar Nasional Ekonomi dan Keuangan Syariah, Rabu (21/4). Massa "
        "menuntut negara menghapus badan Imigrasi dan Bea Cukai (ICE) itu."
    )
    people = names(mentions_of(body), EntityType.PERSON)
    assert people == {"Sri Mulyani"}


def test_acronym_of_a_persons_own_name_keeps_the_person():
    body = "Mantan presiden Susilo Bambang Yudhoyono (SBY) hadir. SBY lalu memberi sambutan."
    mentions = mentions_of(body)
    assert person(mentions, "SBY").canonical_name == "Susilo Bambang Yudhoyono"


def test_person_nouns_at_sentence_start_are_not_names():
    body = "Pria yang juga menjabat sebagai Imam Besar itu meminta umat tenang."
    assert names(mentions_of(body), EntityType.PERSON) == set()


def test_guessed_name_the_article_calls_an_area_is_a_place():
    body = (
        "Jembatan itu berada di Desa Krobokan, Kecamatan Juwangi. Banjir juga melanda Desa "
        "Sambeng (Juwangi), kata petugas."
    )
    mentions = mentions_of(body)
    assert "Juwangi" not in names(mentions, EntityType.PERSON)
    assert any(m.surface == "Juwangi" and m.entity_type is EntityType.LOC for m in mentions)


def test_person_written_after_ke_stays_a_person():
    body = (
        "Hasto menolak rencana pemberian gelar pahlawan ke Soeharto. Masuknya nama Soeharto "
        "menimbulkan perdebatan. Soeharto memimpin selama 32 tahun."
    )
    assert "Soeharto" in names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ nicknames


def test_nickname_defined_with_sapaan_resolves_to_the_full_name_and_speaker():
    body = (
        "Menteri PKP Maruarar Sirait meminta pelayanan dipercepat. Pernyataan itu disampaikan "
        "Ara -sapaan Maruarar Sirait- saat mengunjungi MPP.\n\n"
        "\"Saya minta dipercepat lagi supaya rakyat enggak usah bolak-balik,\" kata Ara."
    )
    sentences = split_sentences(body)
    mentions = find_entities(body, sentences)
    assert {m.canonical_name for m in mentions if m.surface == "Ara"} == {"Maruarar Sirait"}
    direct = [q for q in find_quotes(body, sentences, mentions) if q.kind == "direct"]
    assert [q.speaker_name for q in direct] == ["Maruarar Sirait"]


def test_nickname_defined_with_akrab_disapa_resolves_to_the_full_name():
    body = (
        "Presiden Joko Widodo atau yang akrab disapa Jokowi datang ke Solo. Jokowi "
        "mengatakan pasar itu ramai."
    )
    mentions = mentions_of(body)
    assert {m.canonical_name for m in mentions if m.surface == "Jokowi"} == {"Joko Widodo"}


def test_listed_public_figure_named_bare_is_a_person_under_the_name_written():
    body = (
        "Demonstrasi juga digelar di dekat rumah Trump di Florida. Di Los Angeles, demonstran "
        "mengibarkan balon raksasa bergambar Trump."
    )
    mentions = mentions_of(body)
    assert [m.canonical_name for m in mentions if m.surface == "Trump"] == ["Trump", "Trump"]
    assert all(m.entity_type is EntityType.PERSON for m in mentions if m.surface == "Trump")


def test_common_acronyms_and_roman_numerals_are_not_organisations():
    body = (
        "Perusahaan itu melakukan PHK setelah memakai AI. Pada abad XIX, kota itu ramai. "
        "Pelanggan XL mengeluh."
    )
    orgs = {m.surface for m in mentions_of(body) if m.entity_type is EntityType.ORG}
    assert orgs == {"XL"}


def test_named_body_inside_a_longer_one_is_a_mention_too():
    body = (
        "Nantinya Satgas Pangan Polda Sumut turut mengawasi harga. Kasus itu ditangani Inafis "
        "Polresta Jayapura Kota. Saham PT Bank Tabungan Negara naik."
    )
    orgs = {m.canonical_name for m in mentions_of(body) if m.entity_type is EntityType.ORG}
    assert {"Satgas Pangan Polda Sumut", "Polda Sumut", "Polresta Jayapura Kota"} <= orgs
    assert "Bank Tabungan Negara" not in orgs  # "PT" opens the company's own name


def test_police_office_names_the_unit_it_heads():
    body = (
        "Kapolres Tasikmalaya Kota, AKBP Moch Faruk Rozi menyebut sopir itu warganya. "
        "Kapolda Metro Jaya Irjen Karyoto membenarkan."
    )
    mentions = mentions_of(body)
    units = {m.surface: m.canonical_name for m in mentions if m.entity_type is EntityType.ORG}
    assert units == {
        "Kapolres Tasikmalaya Kota": "Polres Tasikmalaya Kota",
        "Kapolda Metro Jaya": "Polda Metro Jaya",
    }
    assert person(mentions, "Moch Faruk Rozi").role == "Kapolres"
