"""Speaker attribution in the shapes of outlets the extractor was not tuned on (Antara, Tempo,
Tribun, Suara, press releases): titles before names, offices standing for their holder,
pronouns pointing back to people, outlets that only receive the quote."""

from __future__ import annotations

import pytest
from warta import segment
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityType, Quote


def quotes_of(body: str) -> list[Quote]:
    _, sentences = segment.segment(body)
    return find_quotes(body, sentences, find_entities(body, sentences))


def speaker_of(body: str, speech_start: str) -> str | None:
    matching = [q for q in quotes_of(body) if q.text.startswith(speech_start)]
    assert len(matching) == 1, [q.text for q in quotes_of(body)]
    return matching[0].speaker_name


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("kata dr. Mesty Ariotedjo, SpA.", "Mesty Ariotedjo"),
        ("ujar Prof. Dr. Ir. Dwi Andreas Santosa.", "Dwi Andreas Santosa"),
        ("kata Dr. Sri Rezeki Hadinegoro.", "Sri Rezeki Hadinegoro"),
        ("ujar Prof. Bambang Brodjonegoro dalam diskusi daring.", "Bambang Brodjonegoro"),
    ],
)
def test_a_title_with_a_dot_after_the_verb_leads_to_the_named_speaker(attribution, speaker):
    body = f'"Anak dengan demam tinggi harus segera dibawa ke puskesmas," {attribution}'
    assert speaker_of(body, "Anak dengan demam") == speaker


def test_an_office_alone_after_the_quote_is_the_person_introduced_with_it():
    body = (
        "Kapolres Metro Jakarta Selatan Kombes Ade Rahmat Idnal menyebut pihaknya telah "
        "memeriksa sepuluh saksi.\n\n"
        "Bupati Bogor Rudy Susmanto juga hadir dalam rilis kasus tersebut.\n\n"
        '"Penyidik masih menunggu hasil autopsi dari rumah sakit," ungkap Kapolres.'
    )
    quote = next(q for q in quotes_of(body) if q.text.startswith("Penyidik"))
    assert quote.speaker_name == "Ade Rahmat Idnal"
    assert quote.speaker_surface == "Kapolres"


def test_an_office_as_subject_or_after_menurut_is_its_holder_not_the_last_person_named():
    body = (
        "Gubernur Jawa Barat Dedi Mulyadi meninjau lokasi longsor di Cianjur, Selasa "
        "(4/3/2025). Ia didampingi Bupati Cianjur Mohammad Wahyu Ferdian.\n\n"
        "Menurut Gubernur, pemerintah provinsi menyiapkan dana Rp 10 miliar untuk relokasi.\n\n"
        "Gubernur menambahkan, warga di zona merah akan dipindahkan sebelum musim hujan."
    )
    indirect = [q for q in quotes_of(body) if q.kind == "indirect"]
    assert [q.speaker_name for q in indirect] == ["Dedi Mulyadi", "Dedi Mulyadi"]


def test_an_abbreviated_office_names_the_minister_it_abbreviates():
    body = (
        "Menteri Kesehatan Budi Gunadi Sadikin meninjau RSUD Cibinong. Ia didampingi Direktur "
        "RSUD Cibinong Vito Anggarino Damay.\n\n"
        '"Rumah sakit daerah harus siap menangani pasien jantung," ujar Menkes.'
    )
    assert speaker_of(body, "Rumah sakit daerah") == "Budi Gunadi Sadikin"


def test_an_office_followed_by_a_name_the_recogniser_missed_is_not_resolved_by_office():
    body = (
        "Direktur Utama PT Pertamina Simon Aloysius Mantiri hadir dalam rapat.\n\n"
        "Gubernur Jawa Barat periode 2018-2023 mengatakan bandara itu akan ramai."
    )
    indirect = [q for q in quotes_of(body) if q.text.startswith("bandara")]
    assert all(q.speaker_name != "Simon Aloysius Mantiri" for q in indirect)


@pytest.mark.parametrize(
    "attribution",
    [
        "kata dia kepada Kompas.com, Senin (3/3/2025).",
        "kata dia saat dihubungi CNNIndonesia.com, Selasa (4/3).",
        "ujarnya kepada wartawan di Mapolres Garut.",
    ],
)
def test_the_outlet_a_quote_was_given_to_is_not_its_speaker(attribution):
    body = (
        "Pengamat transportasi Djoko Setijowarno menilai tarif ojek daring perlu dievaluasi.\n\n"
        f'"Pemerintah harus hadir melindungi pengemudi," {attribution}'
    )
    assert speaker_of(body, "Pemerintah harus hadir") == "Djoko Setijowarno"


def test_kata_beliau_is_a_pronoun_for_the_person_named_before():
    body = (
        "Menteri Keuangan Sri Mulyani Indrawati hadir dalam rapat kerja.\n\n"
        '"APBN tetap menjadi peredam guncangan," kata beliau di hadapan anggota Komisi XI DPR.'
    )
    assert speaker_of(body, "APBN tetap") == "Sri Mulyani Indrawati"


def test_a_description_pointing_back_with_itu_is_the_person_not_the_party_it_names():
    body = (
        "Anggota Komisi III DPR Habiburokhman menanggapi putusan Mahkamah Konstitusi.\n\n"
        '"Putusan itu final dan mengikat," kata politikus Partai Gerindra itu.'
    )
    quote = next(q for q in quotes_of(body) if q.text.startswith("Putusan itu"))
    assert quote.speaker_type is EntityType.PERSON
    assert quote.speaker_name == "Habiburokhman"


def test_a_person_described_at_a_place_is_still_the_speaker():
    body = (
        '"Dengan inflasi yang terus meningkat, warga makin sulit," kata seorang analis di '
        "Karachi, Shahida Wizarat."
    )
    assert speaker_of(body, "Dengan inflasi") == "Shahida Wizarat"


def test_a_pronoun_in_a_new_paragraph_points_to_the_person_not_the_organisation_quoted():
    body = (
        "Ketua Umum PSSI Erick Thohir mengatakan timnas akan berlaga di Jakarta.\n\n"
        '"Tiket dijual mulai Senin," tulis PSSI dalam akun Instagram resminya.\n\n'
        '"Kami berharap stadion penuh," ujarnya.'
    )
    assert speaker_of(body, "Tiket dijual") == "Persatuan Sepak Bola Seluruh Indonesia"
    assert speaker_of(body, "Kami berharap") == "Erick Thohir"


def test_an_organisation_continuing_in_its_own_paragraph_keeps_the_word():
    body = (
        "Kepala BMKG Dwikorita Karnawati meninjau posko banjir.\n\n"
        '"Potensi hujan lebat masih terjadi," tulis BMKG dalam keterangannya. '
        '"Warga di bantaran sungai diminta waspada," lanjutnya.'
    )
    assert speaker_of(body, "Warga di bantaran") == speaker_of(body, "Potensi hujan")
