"""Speakers and reported speech in the shapes of syndicated pieces (Antara, Kontan, Tribun,
Bisnis, Liputan6, Kompas TV): a name spelt once with a typo, an apposition after the speaker's
name, the outlet a quote is taken from, reporting verbs that report no speech, degrees after a
name, short forms that leave out a middle name, and a person introduced after a lead-in."""

from __future__ import annotations

from warta import segment
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import Quote


def quotes_of(body: str) -> list[Quote]:
    _, sentences = segment.segment(body)
    return find_quotes(body, sentences, find_entities(body, sentences))


def quote_starting(body: str, speech_start: str) -> Quote:
    matching = [q for q in quotes_of(body) if q.text.startswith(speech_start)]
    assert len(matching) == 1, [(q.kind, q.text) for q in quotes_of(body)]
    return matching[0]


def indirect_texts(body: str) -> list[str]:
    return [q.text for q in quotes_of(body) if q.kind == "indirect"]


# ---------------------------------------------------------------- a name spelt once with a typo


def test_speaker_spelt_once_one_letter_off_is_the_person_named_more_often():
    body = (
        "Kepala Dinas Perhubungan Kota Malang, Hari Santoso, mengatakan rekayasa lalu lintas "
        "berlaku mulai Senin.\n\n"
        '"Kami siapkan petugas di setiap simpang," kata Hari Santoso.\n\n'
        '"Warga diminta mencari jalur alternatif selama uji coba," ujar Heri Santoso.\n\n'
        "Hari menambahkan, uji coba berlangsung dua pekan."
    )
    assert quote_starting(body, "Warga diminta").speaker_name == "Hari Santoso"


def test_speaker_full_name_with_a_dropped_letter_is_the_name_the_article_gave_first():
    body = (
        "Kasatreskrim Polres Bogor AKP Teguh Kumara mengatakan pelaku sudah ditahan.\n\n"
        '"Pelaku kami jerat dengan pasal pencurian dengan pemberatan," kata AKP Teguh Kumara.'
        "\n\n"
        '"Barang bukti sudah kami amankan," ujar AKP Teguh Kumra di Mapolres.'
    )
    assert quote_starting(body, "Barang bukti").speaker_name == "Teguh Kumara"


def test_two_people_whose_names_differ_by_more_than_one_letter_stay_apart():
    body = (
        '"Harga cabai naik sejak pekan lalu," kata pedagang bernama Dani Saputra.\n\n'
        '"Pembeli mulai berkurang," ujar pedagang lain, Rina Saputri.'
    )
    assert quote_starting(body, "Pembeli mulai").speaker_name == "Rina Saputri"


# ---------------------------------------------------------------- apposition after the name


def test_the_person_an_apposition_describes_speaks_not_a_name_inside_it():
    body = (
        "Sebelumnya, Oluwaseun Adeyemi, juru bicara Badan Manajemen Darurat negara bagian "
        "Kwara (SEMA), menyampaikan kepada AFP, jumlah korban diperkirakan naik."
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert quote.speaker_name == "Oluwaseun Adeyemi"


def test_office_written_after_the_speaker_does_not_take_the_quote_from_him():
    body = (
        '"Korban tewas sekitar 40 orang," kata Oluwaseun Adeyemi, Kepala Operasi Badan '
        "Manajemen Darurat Nasional di negara bagian Kwara, kepada wartawan."
    )
    assert quote_starting(body, "Korban tewas").speaker_name == "Oluwaseun Adeyemi"


def test_two_offices_joined_by_sekaligus_lead_to_the_name_after_them():
    body = (
        '"Literasi keuangan harus dimulai dari keluarga," ujar anggota Dewan Pakar ICMI '
        "sekaligus Rektor Universitas Andalas, Yuliandri, dalam seminar di Padang."
    )
    assert quote_starting(body, "Literasi keuangan").speaker_name == "Yuliandri"


# ---------------------------------------------------------------- the outlet quoted from


def test_outlet_a_quote_is_taken_from_is_never_its_speaker():
    body = (
        "Wakil Ketua Komisi X DPR Lalu Hadrian Irfani menyoroti program sekolah unggulan.\n\n"
        '"Kami mendukung programnya, tapi penunjukan sekolahnya perlu dikaji," kata Lalu '
        "dilansir dari Surya.co.id, Senin (2/6/2025)."
    )
    assert quote_starting(body, "Kami mendukung").speaker_name == "Hadrian Irfani"


def test_statement_quoted_through_an_outlet_has_no_outlet_speaker():
    body = (
        '"Menetapkan susunan direksi perseroan sebagai berikut," tulis keterangan resmi '
        "perseroan yang dikutip dari Bisnis.com, Rabu."
    )
    assert quote_starting(body, "Menetapkan susunan").speaker_name is None


# ---------------------------------------------------------------- reporting verbs with no speech


def test_denied_future_and_purpose_reporting_verbs_report_no_speech():
    body = (
        "Menteri Perdagangan Budi Santoso tidak menyebutkan besaran kuota impor tahun depan. "
        "Ia akan menyampaikan rinciannya pekan depan. Kementerian juga membentuk tim untuk "
        "memastikan pasokan aman. Budi mengatakan harga beras stabil."
    )
    assert indirect_texts(body) == ["harga beras stabil"]


def test_speech_asked_of_someone_is_not_yet_said():
    body = (
        "Anggota Komisi IV DPR Daniel Johan meminta pemerintah menjelaskan alasan impor garam. "
        "Daniel juga mendesak Bulog mengungkap data stok terbaru."
    )
    assert indirect_texts(body) == []


def test_a_person_who_apologises_and_then_explains_does_say_it():
    body = (
        "Direktur Utama PT Transjakarta Welfizon Yuza meminta maaf dan menjelaskan bahwa "
        "gangguan terjadi karena sistem pembayaran."
    )
    (text,) = indirect_texts(body)
    assert text.startswith("gangguan terjadi")


def test_a_term_in_quotation_marks_before_a_me_verb_is_no_quote():
    body = (
        'Rudi Hartono, yang menyebut dirinya "penjaga pasar", mengatakan Pasar Senen dulu '
        "ramai hingga malam."
    )
    assert [q for q in quotes_of(body) if q.kind == "direct"] == []
    (said,) = [q for q in quotes_of(body) if q.reporting_verb == "mengatakan"]
    assert said.speaker_name == "Rudi Hartono"


# ---------------------------------------------------------------- names and degrees


def test_degree_after_the_speakers_name_is_not_the_speaker():
    body = (
        "Rektor Universitas Airlangga Prof. Dr. Mohammad Nasih, M.Ec menegaskan kampus "
        "membuka jalur beasiswa baru."
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert quote.speaker_name == "Mohammad Nasih"


def test_short_form_leaving_out_a_middle_name_is_the_full_name():
    body = (
        "Presiden Direktur PT Bank Mandiri Darmawan Junaidi Sutrisno menyebut kredit tumbuh "
        "sepuluh persen.\n\n"
        '"Kami tetap menjaga kualitas kredit," kata Darmawan Sutrisno dalam paparan kinerja.'
    )
    assert quote_starting(body, "Kami tetap").speaker_name == "Darmawan Junaidi Sutrisno"


def test_office_that_goes_on_after_dan_joins_no_co_speaker():
    body = (
        "Deputi Bidang Koordinasi Hukum dan Pemasyarakatan Kemenko Polkam, Heru Santoso, "
        "mengatakan pemindahan narapidana berjalan lancar."
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert quote.speaker_name == "Heru Santoso"
    assert quote.co_speaker_names == ()


# ---------------------------------------------------------------- a person after a lead-in


def test_ia_after_a_person_introduced_after_a_lead_in_is_that_person():
    body = (
        "Ketua Umum Kadin Anindya Bakrie mengatakan ekspor tumbuh.\n\n"
        "Dari sisi pengusaha, anggota Dewan Pertimbangan Kadin, Sutrisno Iwantono, pun angkat "
        "bicara. Ia menilai insentif pajak perlu diperpanjang."
    )
    matching = [q for q in quotes_of(body) if q.text.startswith("insentif pajak")]
    assert [q.speaker_name for q in matching] == ["Sutrisno Iwantono"]


# ---------------------------------------------------------------- 'Menurut X, …'


def test_name_opening_the_clause_after_menurut_is_talked_about_not_the_speaker():
    body = (
        '"Kami sudah mengusulkan nama itu," kata Ketua Umum Partai Golkar Bahlil Lahadalia.'
        "\n\nMenurut Bahlil, Soeharto adalah tokoh penting di balik pembangunan ekonomi."
    )
    quote = quote_starting(body, "Soeharto adalah")
    assert quote.speaker_name == "Bahlil Lahadalia"


def test_menurut_an_office_and_its_holder_starts_the_view_after_the_holder():
    body = (
        "Menurut peneliti di Pusat Riset Ekologi BRIN, Wahyu Prasetyo, cara pandang terhadap "
        "kemenyan perlu diubah."
    )
    (quote,) = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert quote.text.startswith("cara pandang")
    assert quote.speaker_name == "Wahyu Prasetyo"


def test_subject_of_a_denied_reporting_verb_still_speaks_the_next_quote():
    body = (
        "Direktur Bina Usaha Perdagangan Kemendag Ninuk Rahayu mengatakan aturan sedang "
        "dibahas. Sayang, Ninuk enggan menyebut detail regulasi tersebut. "
        '"Kami sudah lakukan simulasi dengan para pelaku usaha," ujarnya.'
    )
    assert [q.kind for q in quotes_of(body)] == ["indirect", "direct"]
    assert quote_starting(body, "Kami sudah").speaker_name == "Ninuk Rahayu"


def test_a_name_after_an_office_holders_comma_is_the_holder_not_an_apposition():
    body = '"Kami ajukan peninjauan kembali," kata kuasa hukum Bambang Tri, Pardiman.'
    assert quote_starting(body, "Kami ajukan").speaker_name == "Pardiman"


def test_people_listed_as_present_after_a_lead_in_do_not_take_the_pronoun():
    body = (
        "Menteri BUMN Erick Thohir meninjau pabrik baterai di Karawang. Selain dirinya, tampak "
        "pula Kepala BKPM Bahlil Lahadalia. Ia menjelaskan pabrik mulai beroperasi tahun depan."
    )
    matching = [q for q in quotes_of(body) if q.text.startswith("pabrik mulai")]
    assert [q.speaker_name for q in matching] == ["Erick Thohir"]


# ------------------------------------------------ speakers found on pages of unseen outlets


def test_a_long_description_with_an_acronym_points_back_to_the_speaker():
    """'kata pria yang menjabat sebagai Presiden Direktur PT X (IAMI) ini' is the man already
    speaking, not the company his office names."""
    body = (
        "Ketua Umum Gaikindo Yohannes Nangoi mengatakan, pabrik baru akan menyerap tenaga kerja "
        "lokal.\n\n"
        '"Kalau membangun pabrik, mereka membutuhkan tenaga kerja lokal. Itu untungnya bagi '
        'masyarakat," kata pria yang menjabat sebagai Presiden Direktur PT Isuzu Astra Motor '
        "Indonesia (IAMI) ini."
    )
    assert quote_starting(body, "Kalau membangun").speaker_name == "Yohannes Nangoi"


def test_a_staff_member_named_after_the_person_they_work_for_is_the_speaker():
    """'kata staf Ajib, Vivi': Vivi speaks, about her employer; her later 'ujarnya' is hers."""
    body = (
        "Ketua DPRD Sumut Ajib Shah tidak masuk kantor sejak ditetapkan sebagai tersangka.\n\n"
        '"Belum pulang dari Jakarta. Belum tahu kapan pulangnya," kata staf Ajib, Vivi saat '
        "ditemui di Medan.\n\n"
        '"Kemarin sih untuk datang ke agenda partai. Dari Senin belum pulang," ujarnya.'
    )
    assert quote_starting(body, "Belum pulang").speaker_name == "Vivi"
    assert quote_starting(body, "Kemarin sih").speaker_name == "Vivi"
