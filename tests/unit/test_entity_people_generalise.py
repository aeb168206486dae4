"""People, their offices and quote speakers in the shapes of outlets the rules were not written
on (Antara, Tempo, Liputan6, Okezone, Tribun, KapanLagi): degrees, social media accounts,
title-case headlines glued to the body, common nouns, one-word names, photo credits,
entertainers, offices that stop where a body's name starts, and reporting verbs with -nya."""

from __future__ import annotations

import pytest
from conftest import mentions_of, names, person_named, person_written
from warta import segment
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityType


def speakers(body: str) -> list[str | None]:
    """Speakers of the direct quotes, in text order."""
    _, sentences = segment.segment(body)
    quotes = find_quotes(body, sentences, find_entities(body, sentences))
    return [quote.speaker_name for quote in quotes if quote.kind == "direct"]


def people(body: str) -> set[str]:
    return names(mentions_of(body), EntityType.PERSON)


# ------------------------------------------------------------ 1. degrees after a name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("dr. Rina Kusuma SpPD-KEMD", "Rina Kusuma"),
        ("dr. Andi Wijaya SpOG", "Andi Wijaya"),
        ("Budi Santoso SH MH", "Budi Santoso"),
        ("dr. Siti Rahma Sp.A(K)", "Siti Rahma"),
        ("dr. Hadi Pranoto Sp.PD-KEMD, M.Kes", "Hadi Pranoto"),
    ],
)
def test_degrees_after_a_name_without_a_comma_are_no_part_of_it(written, name):
    body = (
        f"Kasus diabetes pada anak terus meningkat. {written} mengatakan pola makan menjadi "
        "penyebab utama.\n\n"
        f'"Orang tua harus membatasi minuman manis," kata {written}.'
    )
    assert people(body) == {name}
    assert speakers(body) == [name]


def test_a_compound_specialist_degree_leaves_no_organisation_behind():
    body = "Dokter spesialis penyakit dalam dr. Hadi Pranoto Sp.PD-KEMD menyebut obesitas naik."
    mentions = mentions_of(body)
    assert names(mentions, EntityType.ORG) == set()
    assert names(mentions, EntityType.PERSON) == {"Hadi Pranoto"}


def test_the_supreme_court_after_an_office_is_not_read_as_a_degree():
    body = "Ketua MA Sunarto melantik tiga hakim agung di Jakarta, Senin (3/3/2025)."
    assert person_named(mentions_of(body), "Sunarto").affiliation == "Mahkamah Agung"


# ------------------------------------------------------------ 2. social media accounts


def test_an_official_account_names_its_owner_who_stays_the_speaker():
    body = (
        "Gubernur Jawa Barat Dedi Mulyadi kembali menjadi sorotan. Melalui akun Instagram "
        "Dedi Mulyadi Official, ia mengunggah video saat meninjau sungai.\n\n"
        '"Sungai ini harus bersih dari sampah," kata Dedi dalam video itu.'
    )
    assert people(body) == {"Dedi Mulyadi"}
    assert speakers(body) == ["Dedi Mulyadi"]


def test_a_youtube_channel_after_a_name_is_the_person_not_an_organisation():
    body = (
        "Video itu diunggah di kanal YouTube Deddy Corbuzier TV pada Senin (3/3/2025).\n\n"
        '"Saya tidak pernah takut," kata Deddy Corbuzier.'
    )
    assert people(body) == {"Deddy Corbuzier"}
    assert speakers(body) == ["Deddy Corbuzier"]


def test_an_account_handle_spelling_a_named_person_is_a_mention_of_that_person():
    body = (
        "Mantan Gubernur Jawa Barat Ridwan Kamil mengunggah foto melalui akun Instagram "
        "@ridwankamil.\n\n"
        '"Terima kasih atas doanya," tulis Ridwan Kamil.'
    )
    mentions = mentions_of(body)
    assert person_written(mentions, "@ridwankamil").canonical_name == "Ridwan Kamil"
    assert names(mentions, EntityType.PERSON) == {"Ridwan Kamil"}
    assert speakers(body) == ["Ridwan Kamil"]


def test_a_television_station_outside_an_account_stays_an_organisation():
    body = "Wawancara itu ditayangkan Kompas TV pada Selasa malam."
    assert "Kompas TV" in names(mentions_of(body), EntityType.ORG)


# ------------------------------------------------------------ 3. title-case headlines


def test_a_headline_verb_glued_to_a_name_is_no_part_of_it():
    body = (
        "Trump Targetkan Kesepakatan Dagang dengan China Rampung Bulan Ini\n\n"
        "Presiden Amerika Serikat Donald Trump mengatakan kesepakatan dagang akan rampung. "
        '"Kita hampir selesai," kata Trump.'
    )
    assert people(body) == {"Donald Trump"}
    assert speakers(body) == ["Donald Trump"]


def test_a_headline_with_a_prefixed_verb_and_an_office_names_no_one():
    body = (
        "Dituduh Cuek Soal Banjir, Bupati Bekasi Angkat Bicara\n\n"
        "Bupati Bekasi Ade Kuswara Kunang membantah tudingan warga. "
        '"Kami sudah turun sejak malam," ujarnya.'
    )
    assert people(body) == {"Ade Kuswara Kunang"}
    assert speakers(body) == ["Ade Kuswara Kunang"]


def test_the_object_of_a_headline_verb_is_not_a_person_of_its_own():
    body = (
        "Prabowo Puji Kinerja Kabinet Merah Putih\n\n"
        "Presiden Prabowo Subianto memuji kinerja para menteri dalam sidang kabinet."
    )
    assert people(body) == {"Prabowo Subianto"}


def test_a_noun_that_is_also_a_headline_verb_opens_a_sentence_before_a_name():
    body = (
        "Jaksa Agung Sanitiar Burhanuddin berjanji menindak jaksa nakal.\n\n"
        "Janji Burhanuddin diucapkan saat Kejaksaan Agung menyerahkan uang pengganti."
    )
    assert people(body) == {"Sanitiar Burhanuddin"}


# ------------------------------------------------------------ 4. capitalised common nouns


@pytest.mark.parametrize(
    "sentence",
    [
        "Anak usia sekolah wajib mendapat imunisasi campak.",
        "Wisman asal Australia mendominasi kunjungan ke Bali.",
        "Tipikor Jakarta menjatuhkan vonis lima tahun penjara.",
        "Besar harapan kami agar proyek ini selesai tahun depan.",
        "Wali murid mengeluhkan biaya seragam yang mahal.",
    ],
)
def test_capitalised_common_nouns_are_no_people(sentence):
    assert people(sentence) == set()


def test_the_public_prosecutor_is_an_office_not_a_person_called_penuntut():
    body = "Jaksa Penuntut Umum Ahmad Fauzi membacakan dakwaan di Pengadilan Tipikor."
    mentions = mentions_of(body)
    assert names(mentions, EntityType.PERSON) == {"Ahmad Fauzi"}
    assert person_named(mentions, "Ahmad Fauzi").role == "Jaksa Penuntut Umum"


# ------------------------------------------------------------ 5. one-word names


def test_a_one_word_name_in_apposition_before_an_office_is_the_speaker():
    body = (
        "Nyono, Kepala Dinas Perhubungan Jatim, menjelaskan arus mudik meningkat.\n\n"
        '"Kami siapkan 200 bus," ujarnya.'
    )
    nyono = person_named(mentions_of(body), "Nyono")
    assert nyono.role == "Kepala Dinas Perhubungan"
    assert speakers(body) == ["Nyono"]


def test_a_one_word_name_after_a_village_head_and_a_comma_holds_the_office():
    body = (
        "Kepala Desa Sukamaju, Utami, menuturkan ratusan rumah terendam.\n\n"
        '"Kami butuh perahu karet," tuturnya.'
    )
    utami = person_named(mentions_of(body), "Utami")
    assert (utami.role, utami.affiliation) == ("Kepala Desa", "Sukamaju")
    assert people(body) == {"Utami"}


def test_a_one_word_name_with_an_age_and_a_village_is_a_person():
    body = (
        "Utami (45), warga Desa Sukamaju, mengatakan banjir datang tengah malam.\n\n"
        '"Air masuk rumah setinggi dada," kata Utami.'
    )
    assert people(body) == {"Utami"}
    assert speakers(body) == ["Utami"]


def test_a_one_word_name_with_an_age_after_a_verb_is_a_person():
    body = "Hal itu diakui Sumarni (38), pedagang di Pasar Legi. Menurutnya, harga cabai naik."
    assert people(body) == {"Sumarni"}


def test_a_numbered_clause_of_a_law_is_no_person_with_an_age():
    body = "Tersangka dijerat Pasal 2 Ayat (1) UU Tipikor dengan ancaman 20 tahun penjara."
    assert people(body) == set()


def test_the_head_of_an_urban_village_and_a_comma_is_followed_by_the_holder():
    body = "Lurah Sukamaju, Darsono, menyampaikan bantuan sudah tiba di posko pengungsian."
    darsono = person_named(mentions_of(body), "Darsono")
    assert (darsono.role, darsono.affiliation) == ("Lurah", "Sukamaju")
    assert people(body) == {"Darsono"}


# ------------------------------------------------------------ 6. photo credits


@pytest.mark.parametrize(
    ("credit", "photographer", "agency"),
    [
        ("(REUTERS/Danny Moloshok)", "Danny Moloshok", "Reuters"),
        ("(ANTARA FOTO/Aprillio Akbar/nym)", "Aprillio Akbar", "Kantor Berita Antara"),
        ("Foto: AP/Mark Schiefelbein", "Mark Schiefelbein", "Associated Press"),
    ],
)
def test_a_photo_credit_names_the_photographer_and_the_agency(credit, photographer, agency):
    body = f"Warga melintasi jalan yang tergenang banjir, Senin (3/2/2025). {credit}"
    mentions = mentions_of(body)
    assert photographer in names(mentions, EntityType.PERSON)
    assert agency in names(mentions, EntityType.ORG)


# ------------------------------------------------------------ 7. entertainers


@pytest.mark.parametrize(
    ("cue", "name"),
    [
        ("Penyanyi", "Sivia Blink"),
        ("Aktris", "Raisa Andriana"),
        ("Aktor", "Raoul Salim"),
        ("Presenter", "Ayu Dewi"),
    ],
)
def test_a_person_cue_of_entertainment_news_introduces_a_person(cue, name):
    body = f"{cue} {name} merilis karya baru berjudul Cinta Lama pekan ini."
    assert person_written(mentions_of(body), name).role == cue


def test_a_surname_that_is_also_the_fasting_month_stays_in_the_name():
    body = "Penyanyi Iqbaal Ramadhan hadir. Selama Ramadhan ia mengurangi jadwal manggung."
    assert people(body) == {"Iqbaal Ramadhan"}


# ------------------------------------------------------------ 8. the office stops at a body


def test_an_english_foundation_after_an_office_is_the_affiliation_not_the_office():
    body = "Ketua Sasakawa Peace Foundation Tohei Sasakawa mengunjungi Jakarta pekan ini."
    mentions = mentions_of(body)
    tohei = person_named(mentions, "Tohei Sasakawa")
    assert (tohei.role, tohei.affiliation) == ("Ketua", "Sasakawa Peace Foundation")
    assert "Sasakawa Peace Foundation" in names(mentions, EntityType.ORG)


def test_the_village_after_a_village_head_is_the_affiliation_not_the_name():
    body = (
        "Kepala Desa Waung Hari Purwanto mengatakan warga sudah dievakuasi.\n\n"
        '"Semua selamat," ujar Hari.'
    )
    hari = person_named(mentions_of(body), "Hari Purwanto")
    assert (hari.role, hari.affiliation) == ("Kepala Desa", "Waung")
    assert speakers(body) == ["Hari Purwanto"]


def test_the_village_before_its_district_is_the_affiliation_of_the_village_head():
    body = "Kepala Desa Sumberejo Kecamatan Wonosari Sutrisno mengatakan warga sudah aman."
    sutrisno = person_named(mentions_of(body), "Sutrisno")
    assert (sutrisno.role, sutrisno.affiliation) == ("Kepala Desa", "Sumberejo")


# ------------------------------------------------------------ 9. portfolios ending in acronyms


def test_a_portfolio_ending_in_an_acronym_belongs_to_the_office():
    body = (
        "Direktur Jenderal Perlindungan WNI Kemlu Judha Nugraha mengatakan pemerintah memantau "
        'kasus itu. "Kami terus berkoordinasi," kata Judha.'
    )
    judha = person_named(mentions_of(body), "Judha Nugraha")
    assert judha.role == "Direktur Jenderal Perlindungan WNI"
    assert judha.affiliation == "Kementerian Luar Negeri"
    assert speakers(body) == ["Judha Nugraha"]


def test_the_secretary_of_a_minister_keeps_the_whole_ministry_in_the_office():
    body = "Sekretaris Menteri Pemuda dan Olah Raga Wafid Muharram membuka acara itu."
    wafid = person_named(mentions_of(body), "Wafid Muharram")
    assert wafid.role == "Sekretaris Menteri Pemuda dan Olah Raga"


def test_a_special_staff_office_runs_on_into_the_office_it_serves():
    body = "Staf Khusus Menteri Keuangan Yustinus Prastowo mengatakan insentif pajak berlanjut."
    yustinus = person_named(mentions_of(body), "Yustinus Prastowo")
    assert yustinus.role == "Staf Khusus Menteri Keuangan"


def test_a_data_centre_joined_by_dan_stays_in_the_office():
    body = "Kepala Pusat Data dan Informasi BNPB Abdul Muhari mengatakan banjir meluas."
    assert people(body) == {"Abdul Muhari"}
    assert person_named(mentions_of(body), "Abdul Muhari").role == (
        "Kepala Pusat Data dan Informasi"
    )


# ------------------------------------------------------------ 10. offices after the name


def test_an_office_in_apposition_keeps_its_deputy_prefix():
    body = (
        "Muhammad Buldansyah, Wakil Presiden Direktur PT Hutchison 3 Indonesia, mengatakan "
        "jaringan 5G segera hadir."
    )
    assert person_named(mentions_of(body), "Muhammad Buldansyah").role == (
        "Wakil Presiden Direktur"
    )


def test_an_english_association_in_apposition_is_the_affiliation_not_a_person():
    body = (
        "Hendra Sinadia, Direktur Eksekutif Indonesia Mining Association (IMA), menilai aturan "
        "itu memberatkan."
    )
    mentions = mentions_of(body)
    hendra = person_named(mentions, "Hendra Sinadia")
    assert (hendra.role, hendra.affiliation) == (
        "Direktur Eksekutif",
        "Indonesia Mining Association",
    )
    assert names(mentions, EntityType.PERSON) == {"Hendra Sinadia"}


def test_an_english_office_of_a_body_before_a_comma_is_held_by_the_name_after_it():
    body = (
        "Delegasi dipimpin Chairman of the Committee on International Trade of the Arizona "
        "House of Representatives, Tony Rivero, di Balai Kota Jakarta, Senin (20/10/2025)."
    )
    tony = person_named(mentions_of(body), "Tony Rivero")
    assert (tony.role, tony.affiliation) == ("Chairman", "Committee on International Trade")


# ------------------------------------------------------------ 12. known leftovers


def test_the_coach_of_an_age_group_team_keeps_the_team_out_of_the_name():
    body = (
        'Pelatih Timnas Indonesia U-23 Shin Tae-yong memanggil 25 pemain. "Kami siap," kata Shin.'
    )
    mentions = mentions_of(body)
    shin = person_named(mentions, "Shin Tae-yong")
    assert (shin.role, shin.affiliation) == ("Pelatih", "Timnas Indonesia U-23")
    assert "Indonesia" in names(mentions, EntityType.LOC)
    assert speakers(body) == ["Shin Tae-yong"]


def test_puan_is_a_given_name_not_a_title():
    body = 'Ketua DPR Puan Maharani menerima delegasi. "Kita sambut baik," kata Puan Maharani.'
    assert person_named(mentions_of(body), "Puan Maharani").role == "Ketua"


def test_the_head_of_a_numbered_school_named_after_a_comma_holds_the_office():
    body = "Acara itu dihadiri Kepala SMA Negeri 3 Bandung, Siti Aminah, dan para guru."
    siti = person_named(mentions_of(body), "Siti Aminah")
    assert (siti.role, siti.affiliation) == ("Kepala", "SMA Negeri 3 Bandung")


# ------------------------------------------------------------ 13. reporting verbs with -nya

NYA_VERBS = [
    "tukasnya", "tuturnya", "tegasnya", "imbuhnya", "paparnya", "ucapnya", "terangnya",
    "sebutnya", "ungkapnya", "jelasnya", "katanya", "akunya", "kelakarnya", "sesalnya",
    "sanggahnya",
]  # fmt: skip


@pytest.mark.parametrize("verb", NYA_VERBS)
def test_a_reporting_verb_with_nya_points_to_the_last_named_person(verb):
    body = (
        "Sidang itu dipimpin Ketua Majelis Hakim Eko Aryanto. Jaksa Penuntut Umum Ahmad Fauzi "
        "menilai terdakwa berbelit-belit.\n\n"
        f'"Terdakwa tidak kooperatif sejak awal persidangan," {verb}.\n\n'
        f'Ia menambahkan, tuntutan dibacakan pekan depan. "Kami sudah siap," {verb} saat '
        "ditemui di Pengadilan Negeri Jakarta Pusat."
    )
    assert speakers(body) == ["Ahmad Fauzi", "Ahmad Fauzi"]


def test_a_reporting_verb_with_nya_after_a_passive_report_points_to_its_agent():
    body = (
        "Hal itu disampaikan Kepala Dinas Kesehatan Kota Surabaya, Nanik Sukristina, kepada "
        'wartawan, Senin (3/3/2025). "Kami sudah menyiapkan 63 puskesmas," katanya.'
    )
    assert speakers(body) == ["Nanik Sukristina"]


def test_a_nickname_after_atau_and_an_honorific_is_the_full_name():
    body = (
        "Menteri Sosial Saifullah Yusuf atau Gus Ipul menuturkan bantuan sudah disalurkan.\n"
        '"Semua data sudah kami verifikasi," tegasnya.'
    )
    assert people(body) == {"Saifullah Yusuf"}
    assert speakers(body) == ["Saifullah Yusuf"]
