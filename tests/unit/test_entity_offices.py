"""Offices, degrees, initials and nicknames around people's names: where the office ends and the
holder's name begins, on sentences written the way Indonesian outlets write them."""

from __future__ import annotations

from conftest import mentions_of, names
from conftest import person_written as person
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityMention, EntityType
from warta.segment import split_sentences


def person_surfaces(mentions: list[EntityMention]) -> set[str]:
    return {m.surface for m in mentions if m.entity_type is EntityType.PERSON}


def speakers(body: str) -> list[str | None]:
    sentences = split_sentences(body)
    mentions = find_entities(body, sentences)
    return [q.speaker_name for q in find_quotes(body, sentences, mentions) if q.kind == "direct"]


# ------------------------------------------- the body an office belongs to ends before its holder


def test_listed_national_body_after_an_office_leaves_the_rest_of_the_run_to_its_head():
    body = (
        "Kepala Badan Pusat Statistik Amalia Adininggar Widyasanti mengatakan inflasi Oktober "
        "masih terkendali."
    )
    mentions = mentions_of(body)
    head = person(mentions, "Amalia Adininggar Widyasanti")
    assert (head.role, head.affiliation) == ("Kepala", "Badan Pusat Statistik")
    assert "Statistik Amalia Adininggar Widyasanti" not in person_surfaces(mentions)


def test_court_after_an_office_still_takes_the_town_the_lists_do_not_know():
    body = "Ketua Pengadilan Negeri Bangil, Dadi Rachmadi, menunda sidang itu."
    mentions = mentions_of(body)
    dadi = person(mentions, "Dadi Rachmadi")
    assert (dadi.role, dadi.affiliation) == ("Ketua", "Pengadilan Negeri Bangil")


def test_futures_broker_name_runs_to_its_business_word():
    body = (
        "Direktur PT Laba Forexindo Berjangka Ibrahim Assuaibi memperkirakan rupiah melemah. "
        "Sementara itu, Direktur Monex Investindo Futures Lukman Leong mengatakan rupiah "
        "tertekan data inflasi AS."
    )
    mentions = mentions_of(body)
    ibrahim = person(mentions, "Ibrahim Assuaibi")
    assert (ibrahim.role, ibrahim.affiliation) == ("Direktur", "PT Laba Forexindo Berjangka")
    lukman = person(mentions, "Lukman Leong")
    assert (lukman.role, lukman.affiliation) == ("Direktur", "Monex Investindo Futures")


def test_bursa_heads_an_exchange_between_an_office_and_its_holder():
    body = "Direktur Utama Bursa Karbon Inarno Djajadi mengatakan perdagangan kredit karbon naik."
    mentions = mentions_of(body)
    inarno = person(mentions, "Inarno Djajadi")
    assert (inarno.role, inarno.affiliation) == ("Direktur Utama", "Bursa Karbon")
    assert "Bursa Karbon" in names(mentions, EntityType.ORG)


def test_exchange_commission_name_keeps_its_dan():
    body = (
        "Menurut dokumen yang disampaikan ke Komisi Sekuritas dan Bursa AS (SEC), Huang "
        "menjual saham."
    )
    orgs = names(mentions_of(body), EntityType.ORG)
    assert "Komisi Sekuritas dan Bursa AS" in orgs
    assert "Bursa AS" not in orgs


# ---------------------------------------------------------------- degrees after a comma


def test_degree_after_a_comma_is_no_person():
    body = (
        "Menurut dokter spesialis anak dr. Mesty Ariotedjo, SpA, anak perlu tidur cukup. "
        "Dokter spesialis penyakit dalam dr. Bramantya Wicaksana, Sp.PD, mengingatkan hal serupa."
    )
    mentions = mentions_of(body)
    surfaces = {m.surface for m in mentions}
    assert {"SpA", "Sp", "PD"}.isdisjoint(surfaces)
    assert {"Mesty Ariotedjo", "Bramantya Wicaksana"} <= person_surfaces(mentions)


def test_dotted_degrees_after_a_comma_leave_only_the_name():
    body = (
        "Dosen hukum Budi Santoso, S.H., M.H., menjelaskan aturan itu. Peneliti Rina Kartika, "
        "M.Si., menambahkan data terbaru. Eric Jacobs, PhD, peneliti kanker, sependapat."
    )
    mentions = mentions_of(body)
    assert {"Budi Santoso", "Rina Kartika", "Eric Jacobs"} <= person_surfaces(mentions)
    assert {"SH", "MH", "Si", "PhD"}.isdisjoint({m.surface for m in mentions})


def test_degree_speaker_is_the_doctor_before_it():
    body = '"Anak perlu tidur cukup," kata dr. Mesty Ariotedjo, SpA, di Jakarta.'
    assert speakers(body) == ["Mesty Ariotedjo"]


def test_acronym_after_a_comma_that_is_no_degree_is_still_named():
    body = "Partai Demokrat, PD, menolak usulan itu."
    assert "PD" in {m.surface for m in mentions_of(body)}


# ------------------------------------------------------ one-word short forms of regional offices


def test_short_form_of_a_regional_office_alone_is_no_person():
    body = "Kadispendik mengatakan kegiatan belajar tetap berjalan seperti biasa."
    assert "Kadispendik" not in person_surfaces(mentions_of(body))


def test_short_forms_of_regional_offices_give_their_holders_an_office():
    body = (
        "Kadispendik Jatim Aries Agung Paewai mengatakan sekolah tetap dibuka. "
        "Kasatpol PP Kecamatan Senen Aries Cahyadi mengerahkan petugas. "
        "Kapuspenkum Kejagung Anang Supriatna membenarkan penyitaan itu."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Aries Agung Paewai").role == "Kadispendik"
    assert person(mentions, "Aries Cahyadi").role == "Kasatpol PP"
    assert person(mentions, "Anang Supriatna").role == "Kapuspenkum"
    assert {"Kadispendik", "Kasatpol", "Kapuspenkum"}.isdisjoint(person_surfaces(mentions))


def test_unlisted_short_forms_of_regional_offices_are_read_from_their_shape():
    body = (
        "Kadisperkimtan Kabupaten Bogor Budi Santoso mengatakan rumah itu layak huni. "
        "Kasatresnarkoba Polres Garut AKP Deni Rahman memimpin penggerebekan."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Budi Santoso").role == "Kadisperkimtan"
    assert person(mentions, "Deni Rahman").role == "Kasatresnarkoba"
    assert "Kadisperkimtan" not in person_surfaces(mentions)


# ----------------------------------------------------------- portfolios joined by "dan"


def test_portfolio_joined_by_dan_stays_in_the_office():
    body = "Menteri Investasi dan Hilirisasi Rosan Roeslani mengatakan investasi tumbuh."
    rosan = person(mentions_of(body), "Rosan Roeslani")
    assert rosan.role == "Menteri Investasi dan Hilirisasi"
    assert "Hilirisasi" not in person_surfaces(mentions_of(body))


def test_portfolio_before_a_bracketed_short_form_is_all_office():
    body = (
        '"Tidak ada masalah," kata Direktur Jenderal Mineral dan Batu Bara (Minerba) '
        "Kementerian ESDM, Tri Winarno, di Jakarta. Kepala Departemen Pengelolaan Moneter dan "
        "Aset Sekuritas (DPMA) BI Erwin Gunawan Hutapea menyampaikan hal serupa."
    )
    mentions = mentions_of(body)
    assert {"Bara", "Batu Bara", "Sekuritas", "Aset Sekuritas"}.isdisjoint(
        person_surfaces(mentions)
    )
    erwin = person(mentions, "Erwin Gunawan Hutapea")
    assert erwin.role == "Kepala Departemen Pengelolaan Moneter dan Aset Sekuritas"
    assert erwin.affiliation == "Bank Indonesia"


def test_initials_in_brackets_after_an_office_mark_the_holders_name():
    body = (
        "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan Agus Harimurti "
        "Yudhoyono (AHY) mengatakan penyelesaian utang masih dibahas."
    )
    ahy = person(mentions_of(body), "Agus Harimurti Yudhoyono")
    assert ahy.role == "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan"


def test_portfolio_joined_by_dan_before_a_comma_is_all_office():
    body = (
        "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan, Agus Harimurti "
        "Yudhoyono, menyebut Jakarta harus selamat dari banjir rob."
    )
    ahy = person(mentions_of(body), "Agus Harimurti Yudhoyono")
    assert ahy.role == "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan"
    assert ahy.affiliation is None


def test_dan_between_two_offices_still_separates_them():
    body = "Menteri Keuangan Sri Mulyani dan Gubernur BI Perry Warjiyo hadir di Istana."
    mentions = mentions_of(body)
    assert person(mentions, "Sri Mulyani").role == "Menteri Keuangan"
    assert person(mentions, "Perry Warjiyo").role == "Gubernur"


# --------------------------------------------------- offices that are also given names


def test_raja_and_emir_open_a_name_when_a_full_name_follows():
    body = (
        "Pendiri PSI, Raja Juli Antoni, menyebut pihaknya solid. Pengamat politik Emir "
        "Chairullah menilai langkah itu wajar."
    )
    mentions = mentions_of(body)
    raja = person(mentions, "Raja Juli Antoni")
    assert raja.role == "Pendiri"
    assert "Antoni" not in person_surfaces(mentions)
    assert "Chairullah" not in person_surfaces(mentions)


def test_raja_after_another_office_is_the_holders_given_name():
    body = "Rapat itu dihadiri Menteri Kehutanan Raja Juli, Menteri Perdagangan Budi Santoso."
    assert person(mentions_of(body), "Raja Juli").role == "Menteri Kehutanan"


def test_raja_and_emir_stay_offices_before_a_single_name_a_place_or_a_title():
    body = (
        "Raja Salman menerima kunjungan Presiden. Emir Qatar Sheikh Tamim bin Hamad Al Thani "
        "juga hadir. Raja Charles III dan Raja Salman bin Abdulaziz mengirim ucapan. "
        "Ia bertemu dengan Raja Belgia, Raja Philippe, di Istana Laeken."
    )
    mentions = mentions_of(body)
    assert person(mentions, "Salman").role == "Raja"
    tamim = person(mentions, "Sheikh Tamim bin Hamad Al Thani")
    assert (tamim.role, tamim.affiliation) == ("Emir", "Qatar")
    assert person(mentions, "Charles III").role == "Raja"
    assert person(mentions, "Salman bin Abdulaziz").role == "Raja"
    assert person(mentions, "Philippe").role == "Raja"


# ------------------------------------------------------- initials of public figures


def test_initials_of_a_public_figure_are_a_person_named_as_the_article_names_him():
    body = (
        "Menko Infrastruktur Agus Harimurti Yudhoyono meninjau proyek itu. AHY mengatakan "
        "pembangunan berjalan baik. Mantan Wapres Jusuf Kalla juga hadir. JK menyebut proyek "
        "itu penting."
    )
    mentions = mentions_of(body)
    ahy, jk = person(mentions, "AHY"), person(mentions, "JK")
    assert ahy.canonical_name == "Agus Harimurti Yudhoyono"
    assert jk.canonical_name == "Jusuf Kalla"


def test_three_letter_initials_are_a_person_without_the_full_name():
    body = "Wakil Ketua MPR itu hadir. HNW mengatakan sikap pemerintah sudah tepat."
    hnw = person(mentions_of(body), "HNW")
    assert hnw.canonical_name in ("HNW", "Hidayat Nur Wahid")


def test_two_letter_initials_need_the_full_name_in_the_article():
    body = (
        "Dengan menggunakan CT scan, para peneliti melihat tengkorak itu. Pemindaian CT "
        "menunjukkan retakan kecil."
    )
    assert "CT" not in person_surfaces(mentions_of(body))


def test_initials_the_article_defines_for_someone_else_keep_that_name():
    body = (
        "Jaksa menetapkan Direktur DNR Logistics Herry Tho (HT) sebagai tersangka. HT diduga "
        "menerima aliran dana."
    )
    names = {m.canonical_name for m in mentions_of(body) if m.surface == "HT"}
    assert "Hary Tanoesoedibjo" not in names


def test_speaker_written_as_initials_is_the_full_name():
    body = (
        "Wakil Presiden ke-10 dan ke-12 Jusuf Kalla menghadiri acara itu. "
        '"Perdamaian itu penting," kata JK di Makassar.'
    )
    assert speakers(body) == ["Jusuf Kalla"]


# ---------------------------------------------------- nicknames introduced after the name


def test_nickname_with_sapaan_akrabnya_is_the_person_named_before():
    body = (
        "Menteri Koordinator Bidang Pangan Zulkifli Hasan meninjau gudang Bulog. Zulhas, "
        "sapaan akrabnya, mengatakan stok beras cukup."
    )
    zulhas = person(mentions_of(body), "Zulhas")
    assert zulhas.canonical_name == "Zulkifli Hasan"


def test_nickname_forms_with_the_full_name_in_the_same_phrase():
    for body in (
        "Zulkifli Hasan atau yang akrab disapa Zulhas hadir di Lampung. Zulhas mengatakan "
        "harga stabil.",
        "Zulhas, sapaan akrab Zulkifli Hasan, mengatakan harga stabil. Zulhas juga meninjau "
        "pasar.",
    ):
        mentions = mentions_of(body)
        assert {m.canonical_name for m in mentions if m.surface == "Zulhas"} == {
            "Zulkifli Hasan"
        }


def test_speaker_named_by_nickname_with_sapaan_akrabnya():
    body = (
        "Gubernur Jawa Barat Dedi Mulyadi meninjau lokasi banjir. Kang Dedi, sapaan akrabnya, "
        'menyebut, "Kita harus siaga sebelum bencana."'
    )
    assert speakers(body) == ["Dedi Mulyadi"]
