"""Organisations and places on outlets warta was not developed on.

Each test pins one error class found by reading warta's output on crawl articles outside every
gold set and outside earlier review samples (Kompas pieces from the regions, detik's regional
desks, CNN Indonesia), reproduced with sentences written for these tests in the style of other
outlets (Antara, Tribun, Tempo, Kontan, Okezone, Liputan6).
"""

from __future__ import annotations

from conftest import mentions_of, names
from warta.model import EntityType

ORG, LOC, PERSON = EntityType.ORG, EntityType.LOC, EntityType.PERSON

# ---------------------------------------------------------------- kinds of body, not bodies


def test_a_state_firm_as_a_kind_is_no_organisation() -> None:
    mentions = mentions_of(
        "Sebagai Badan Usaha Milik Negara (BUMN), perseroan wajib menyetor dividen. Direksi "
        "menyebut status BUMN itu membawa tanggung jawab besar."
    )
    assert "Badan Usaha Milik Negara" not in names(mentions, ORG)


def test_the_ministry_of_state_firms_stays_an_organisation() -> None:
    mentions = mentions_of(
        "Kementerian BUMN menunjuk direksi baru pada Senin (3/3/2025), kata juru bicara "
        "kementerian."
    )
    assert "Kementerian Badan Usaha Milik Negara" in names(mentions, ORG)


def test_members_of_a_non_government_organisation_name_no_body() -> None:
    mentions = mentions_of(
        "Tiga anggota Lembaga Swadaya Masyarakat (LSM) ditangkap saat memeras kepala desa di "
        "Kabupaten Garut, Jawa Barat. Ketiga anggota LSM itu kini ditahan."
    )
    assert "Lembaga Swadaya Masyarakat" not in names(mentions, ORG)
    assert "Kabupaten Garut" in names(mentions, LOC)


def test_state_universities_as_a_kind_are_no_organisation() -> None:
    mentions = mentions_of(
        "Calon mahasiswa yang gagal masuk Perguruan Tinggi Negeri masih bisa memilih Universitas "
        "Muhammadiyah Malang lewat jalur nilai UTBK."
    )
    assert "Perguruan Tinggi Negeri" not in names(mentions, ORG)
    assert "Universitas Muhammadiyah Malang" in names(mentions, ORG)


def test_prosecutors_offices_everywhere_are_no_one_office() -> None:
    mentions = mentions_of(
        "Panglima TNI memerintahkan pengamanan Kejaksaan Tinggi dan Kejaksaan Negeri di seluruh "
        "Indonesia. Di Surabaya, Kejaksaan Negeri Tanjung Perak menyambut baik perintah itu."
    )
    orgs = names(mentions, ORG)
    assert "Kejaksaan Tinggi" not in orgs
    assert "Kejaksaan Negeri" not in orgs


# ---------------------------------------------------------------- acronyms the article defines


def test_a_regency_spelt_out_before_its_acronym_is_what_the_acronym_means() -> None:
    mentions = mentions_of(
        "Bupati Ogan Komering Ilir (OKI) Muchendi Mahzareki meninjau banjir. Pemkab OKI "
        "menyiapkan dapur umum, sementara warga OKI diungsikan ke balai desa."
    )
    assert "Organisasi Kerja Sama Islam" not in names(mentions, ORG)
    assert "Ogan Komering Ilir" in names(mentions, LOC)


def test_a_regency_acronym_after_an_office_named_with_it_is_the_regency() -> None:
    mentions = mentions_of(
        "Surat dakwaan dibacakan Jaksa Kejari Ogan Komering Ilir (OKI), Rina, di Pengadilan "
        "Tipikor Palembang. Jaksa OKI menuntut terdakwa lima tahun penjara."
    )
    assert "Organisasi Kerja Sama Islam" not in names(mentions, ORG)


def test_a_tax_spelt_out_before_its_acronym_is_not_the_united_nations() -> None:
    mentions = mentions_of(
        "Pemkab Sleman menaikkan penerimaan dari Pajak Bumi dan Bangunan (PBB). Wajib pajak "
        "diminta melunasi PBB sebelum jatuh tempo."
    )
    assert "Perserikatan Bangsa-Bangsa" not in names(mentions, ORG)


def test_initials_with_an_age_are_a_person_not_a_country() -> None:
    mentions = mentions_of(
        "Polisi menangkap seorang kurir sabu bernama AS (31) di Jalan Lintas Timur, Kabupaten "
        "Pelalawan. AS mengaku dijanjikan upah Rp 50 juta."
    )
    assert "Amerika Serikat" not in names(mentions, LOC)


def test_the_united_states_written_as_as_stays_a_place() -> None:
    mentions = mentions_of("Rupiah melemah ke Rp 16.300 per dolar AS pada Jumat (5/9/2025).")
    assert "Amerika Serikat" in names(mentions, LOC)


# ---------------------------------------------------------------- offices across short forms


def test_office_title_before_an_office_with_short_form_and_region() -> None:
    mentions = mentions_of(
        "Kepala Dinas Sosial (Dinsos) Kabupaten Lombok Timur, Ahmad Fauzi, mengatakan bantuan "
        "sudah disalurkan. Dinsos juga mendata warga miskin baru."
    )
    assert "Dinas Sosial Kabupaten Lombok Timur" in names(mentions, ORG)


def test_regional_police_with_short_form_and_province() -> None:
    mentions = mentions_of(
        "Kepolisian Daerah (Polda) Sulawesi Selatan menangkap dua pengedar sabu di Makassar, "
        "Selasa (14/10/2025)."
    )
    assert "Kepolisian Daerah Sulawesi Selatan" in names(mentions, ORG)
    assert "Kepolisian Daerah" not in names(mentions, ORG)


def test_a_lone_network_name_pointing_back_to_one_court_stays_an_organisation() -> None:
    mentions = mentions_of(
        "Kuasa hukum terdakwa mengajukan banding. Ia menilai Pengadilan Tinggi perlu memeriksa "
        "ulang pertimbangan hakim tingkat pertama."
    )
    assert "Pengadilan Tinggi" in names(mentions, ORG)


def test_an_army_written_before_its_acronym_is_not_its_country() -> None:
    mentions = mentions_of("Serangan militer Israel (IDF) di Gaza menewaskan 20 orang, Selasa.")
    assert "Pasukan Pertahanan Israel" in names(mentions, ORG)


# ---------------------------------------------------------------- one word after a short form


def test_a_task_force_goes_on_after_its_short_form() -> None:
    mentions = mentions_of(
        "Satuan Tugas (Satgas) MBG belum menerima laporan keracunan dari Klaten. Satgas MBG "
        "akan memeriksa dapur penyedia pekan depan."
    )
    orgs = names(mentions, ORG)
    assert "Satuan Tugas" not in orgs
    assert "Satuan Tugas MBG" in orgs


def test_a_pilgrimage_agency_goes_on_after_its_short_form() -> None:
    mentions = mentions_of(
        "Urusan haji dialihkan dari Kementerian Agama ke Badan Penyelenggara (BP) Haji mulai "
        "tahun depan."
    )
    orgs = names(mentions, ORG)
    assert "Badan Penyelenggara Haji" in orgs
    assert "Badan Penyelenggara" not in orgs


def test_a_health_insurer_written_with_its_short_form_is_one_body() -> None:
    mentions = mentions_of(
        "Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan mencatat 1,2 juta peserta baru. "
        "Peserta BPJS Kesehatan bisa mendaftar lewat aplikasi."
    )
    orgs = names(mentions, ORG)
    assert "Badan Penyelenggara Jaminan Sosial" not in orgs
    assert len({name for name in orgs if "Kesehatan" in name}) == 1


def test_a_court_goes_on_with_its_town_after_its_short_form() -> None:
    mentions = mentions_of(
        "Terdakwa mulai disidangkan di Pengadilan Negeri (PN) Cibinong atas dugaan penipuan."
    )
    assert "Pengadilan Negeri Cibinong" in names(mentions, ORG)


def test_a_holder_after_a_short_form_is_no_part_of_the_body() -> None:
    mentions = mentions_of(
        "Kepala Badan Pusat Statistik (BPS) Amalia Adininggar mengatakan inflasi terkendali. "
        "Juru bicara Komisi Pemberantasan Korupsi (KPK) Budi mengatakan penyidik bekerja."
    )
    orgs = names(mentions, ORG)
    assert "Badan Pusat Statistik" in orgs
    assert "Komisi Pemberantasan Korupsi" in orgs


def test_a_country_after_a_short_form_is_no_part_of_the_body() -> None:
    mentions = mentions_of(
        "Bantuan sapi itu berasal dari Kementerian Pertanian (Kementan) RI, kata kepala desa."
    )
    assert "Kementerian Pertanian" in names(mentions, ORG)


def test_a_legal_form_in_brackets_is_no_name_word() -> None:
    mentions = mentions_of(
        "Dealer utama surat utang itu adalah PT Bank Mandiri (Persero) Tbk dan PT BRI (Persero) "
        "Tbk."
    )
    orgs = names(mentions, ORG)
    assert not any(name.endswith("Tbk") for name in orgs)


# ---------------------------------------------------------------- acronyms that name no body


def test_an_acronym_spelt_out_after_it_as_a_fee_is_no_organisation() -> None:
    mentions = mentions_of(
        "Beasiswa itu berupa potongan biaya kuliah seperti UKT (Uang Kuliah Tunggal), dan ada "
        "pula uang saku bulanan."
    )
    assert "UKT" not in names(mentions, ORG)


def test_a_body_spelt_out_after_its_acronym_stays_an_organisation() -> None:
    mentions = mentions_of(
        "KPK (Komisi Pemberantasan Korupsi) memanggil dua saksi. Anggota komisi itu hadir."
    )
    assert "Komisi Pemberantasan Korupsi" in names(mentions, ORG)


def test_initials_listed_with_a_comma_before_dan_are_people() -> None:
    mentions = mentions_of(
        "Polisi mengamankan tiga pelaku berinisial SK, MR, dan WS yang sedang memalsukan "
        "dokumen kendaraan."
    )
    assert not names(mentions, ORG)


def test_a_province_acronym_after_the_province_with_its_head_word_keeps_its_name() -> None:
    mentions = mentions_of(
        "Ketua Badan Pengawas Pemilu (Bawaslu) Provinsi Nusa Tenggara Timur (NTT), Nonato, "
        "mengatakan pengawasan diperketat. Warga NTT diminta melapor."
    )
    places = [m.canonical_name for m in mentions if m.entity_type is LOC and m.surface == "NTT"]
    assert places and set(places) == {"Nusa Tenggara Timur"}


# ---------------------------------------------------------------- bodies found bare


def test_the_civil_service_police_written_bare_is_an_organisation() -> None:
    mentions = mentions_of(
        "Satpol PP Kabupaten Sidoarjo menyegel tiga tempat hiburan malam. Sebelumnya Satpol PP "
        "sudah memberi teguran tertulis kepada para pemilik."
    )
    bare = [m for m in mentions if m.surface == "Satpol PP"]
    assert bare and all(m.canonical_name == "Satpol PP Kabupaten Sidoarjo" for m in bare)


# ---------------------------------------------------------------- English names


def test_an_english_university_does_not_end_at_of_before_a_speech_verb() -> None:
    mentions = mentions_of(
        "Juru bicara University of Leeds mengatakan, temuan itu akan diuji ulang tahun depan."
    )
    assert "University of Leeds" in names(mentions, ORG)
    assert "University of" not in names(mentions, ORG)
    assert "Leeds" not in names(mentions, PERSON)


def test_an_english_institute_named_after_a_word_is_one_body() -> None:
    mentions = mentions_of(
        "Selain itu, Kalbis Institute of Technology membuka beasiswa untuk lulusan SMK."
    )
    orgs = names(mentions, ORG)
    assert "Kalbis Institute of Technology" in orgs
    assert "Institute of Technology" not in orgs


# ---------------------------------------------------------------- bodies named after a sultan


def test_a_university_named_after_a_sultan_is_not_cut_at_the_title() -> None:
    mentions = mentions_of(
        "Banjir merendam jalan menuju Universitas Islam Sultan Agung (Unissula) Semarang, "
        "Selasa (4/3/2025)."
    )
    orgs = names(mentions, ORG)
    assert "Universitas Islam Sultan Agung" in orgs
    assert "Universitas Islam" not in orgs
    assert "Agung" not in names(mentions, PERSON)


def test_a_state_islamic_university_named_after_a_saint_is_one_body() -> None:
    mentions = mentions_of(
        "Wisuda Universitas Islam Negeri (UIN) Sunan Gunung Djati digelar di Bandung pekan ini."
    )
    assert "Sunan Gunung Djati" not in names(mentions, PERSON)


def test_a_professor_after_a_university_stays_a_person() -> None:
    mentions = mentions_of("Rektor Universitas Airlangga Prof. Nasih hadir dalam acara itu.")
    assert "Universitas Airlangga" in names(mentions, ORG)


# ---------------------------------------------------------------- words that are no body here


def test_a_non_bank_portfolio_before_a_body_names_no_bank() -> None:
    mentions = mentions_of(
        "Kepala Eksekutif Pengawas Industri Keuangan Non Bank OJK Agusman mengatakan aturan itu "
        "berlaku tahun depan."
    )
    orgs = names(mentions, ORG)
    assert "Bank OJK" not in orgs
    assert "Otoritas Jasa Keuangan" in orgs


def test_a_listed_word_name_ending_a_company_name_is_no_other_body() -> None:
    mentions = mentions_of(
        "Proyek jalan itu dikerjakan PT Sinar Karya Mandiri. Direktur PT Sinar Karya Mandiri "
        "diperiksa jaksa pekan lalu."
    )
    orgs = names(mentions, ORG)
    assert "PT Sinar Karya Mandiri" in orgs
    assert "PT Bank Mandiri" not in orgs


def test_a_building_named_after_a_body_does_not_take_its_acronym() -> None:
    mentions = mentions_of(
        "Direktur itu berbicara kepada wartawan di Gedung Bursa Efek Indonesia (BEI), Jakarta, "
        "Kamis (9/10/2025). BEI mencatat kenaikan jumlah investor."
    )
    assert "Bursa Efek Indonesia" in names(mentions, ORG)


def test_a_parent_ministry_after_a_short_form_is_no_part_of_the_body() -> None:
    mentions = mentions_of(
        "Menurut laman resmi Direktorat Jenderal Pajak (DJP) Kemenkeu, batas pelaporan SPT "
        "jatuh pada 31 Maret."
    )
    orgs = names(mentions, ORG)
    assert "Kementerian Keuangan" in orgs
    assert not any(name.endswith("Kemenkeu") for name in orgs)


# ---------------------------------------------------------------- business associations


def test_an_industry_association_quoted_by_its_acronym_is_an_organisation() -> None:
    """Business news quotes associations by acronym ("kata Gaikindo"): an organisation, never a
    person, and the acronym links to the full name."""
    mentions = mentions_of(
        "Penjualan mobil turun 5 persen pada Januari, kata Gaikindo. Ketua I Gaikindo Jongkie "
        "Sugiarto mengatakan, pasar menunggu insentif pajak dari pemerintah."
    )
    assert "Gabungan Industri Kendaraan Bermotor Indonesia" in names(mentions, ORG)
    assert not any("Gaikindo" in name for name in names(mentions, PERSON))
    assert "Jongkie Sugiarto" in names(mentions, PERSON)


def test_a_financing_association_and_its_chair_are_told_apart() -> None:
    mentions = mentions_of(
        "Ketua Umum Asosiasi Fintech Pendanaan Bersama Indonesia (AFPI) Entjik S. Djafar "
        "mengatakan, AFPI mendukung pengetatan aturan bunga pinjaman daring oleh OJK."
    )
    assert "Asosiasi Fintech Pendanaan Bersama Indonesia" in names(mentions, ORG)
    assert "Entjik S. Djafar" in names(mentions, PERSON)


def test_a_venue_named_after_its_kind_is_no_person() -> None:
    mentions = mentions_of(
        "Ketua Umum Gaikindo Yohannes Nangoi berbicara usai rapat umum anggota di hotel Pullman, "
        "Thamrin, Jakarta Pusat, Selasa (23/2/2016)."
    )
    assert "Pullman" not in names(mentions, PERSON)
    assert "Yohannes Nangoi" in names(mentions, PERSON)
