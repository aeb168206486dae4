"""Quote extraction: the seed gold quotes and the attribution shapes of Indonesian news."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from warta.config import shared_dir
from warta.extract import quotes
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityMention, EntityType, Quote, Sentence

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()


def sentences_of(body: str) -> list[Sentence]:
    try:
        from warta.segment import split_sentences
    except ImportError:
        split_sentences = None
    if split_sentences is not None:
        return split_sentences(body)
    pattern = r"[^\n]+?(?:[.!?][”\"]?(?=\s|$)|$)"
    return [
        Sentence(number, 1, m.start(), m.end(), m.group())
        for number, m in enumerate(re.finditer(pattern, body), start=1)
    ]


def quotes_of(body: str) -> list[Quote]:
    sentences = sentences_of(body)
    return find_quotes(body, sentences, find_entities(body, sentences))


@pytest.fixture(scope="module")
def seed():
    lines = (SHARED / "seed" / "pahami-2024-06-21.txt").read_text(encoding="utf-8").splitlines()
    body = "\n\n".join(lines[1:13])
    gold = json.loads((SHARED / "gold" / "pahami-2024-06-21.gold.json").read_text(encoding="utf-8"))
    return body, quotes_of(body), gold


def test_seed_quotes_match_gold_exactly(seed):
    _, quotes, gold = seed
    assert len(quotes) == len(gold["quotes"])
    for expected in gold["quotes"]:
        matching = [q for q in quotes if q.text.startswith(expected["starts_with"])]
        assert len(matching) == 1, expected["starts_with"]
        quote = matching[0]
        assert quote.kind == expected["kind"]
        assert quote.speaker_name == expected["speaker"]
        assert quote.speaker_type is EntityType.PERSON
        assert quote.reporting_verb == expected["verb"]
        assert quote.cited_source == expected.get("cited_source")
        assert list(quote.co_speaker_names) == expected.get("co_speakers", [])


def test_seed_offsets_point_at_speech_without_quote_marks(seed):
    body, quotes, _ = seed
    assert [q.quote_no for q in quotes] == list(range(1, len(quotes) + 1))
    for quote in quotes:
        assert body[quote.char_start : quote.char_end] == quote.text
        assert quote.text[0] not in '“”"' and quote.text[-1] not in '“”",'


def test_seed_scare_quoted_title_is_not_speech(seed):
    _, quotes, _ = seed
    assert not any(q.text == "kemitraan strategis komprehensif" for q in quotes)


def test_speaker_before_quote_with_straight_quotes():
    body = (
        'Menteri Keuangan Sri Mulyani mengatakan, "Defisit anggaran tetap kami jaga di bawah '
        'tiga persen tahun ini."'
    )
    [quote] = quotes_of(body)
    assert quote.kind == "direct"
    assert quote.speaker_name == "Sri Mulyani"
    assert quote.reporting_verb == "mengatakan"
    assert quote.text.startswith("Defisit anggaran") and quote.text.endswith("tahun ini.")


def test_quote_interrupted_by_attribution_gives_two_rows_with_one_speaker():
    body = (
        "Kapolda Jawa Timur Irjen Nanang Avianto menjelaskan kronologi kejadian.\n\n"
        "“Pelaku sudah kami tangkap semalam di rumahnya,” kata Nanang. “Barang bukti juga sudah "
        "kami amankan untuk diperiksa.”"
    )
    quotes = quotes_of(body)
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        ("direct", "Nanang Avianto"),
        ("direct", "Nanang Avianto"),
    ]
    assert quotes[1].text.startswith("Barang bukti")


def test_pronoun_forms_resolve_to_last_person():
    body = (
        "Direktur Utama Pertamina Simon Aloysius Mantiri meninjau depo bahan bakar di Plumpang.\n\n"
        "“Stok BBM aman hingga akhir tahun dan distribusi berjalan normal,” ujarnya.\n\n"
        "Menurutnya, permintaan solar naik menjelang libur panjang."
    )
    quotes = quotes_of(body)
    assert [q.speaker_name for q in quotes] == ["Simon Aloysius Mantiri"] * 2
    assert [q.speaker_surface for q in quotes] == ["ujarnya", "Menurutnya"]
    assert quotes[1].kind == "indirect" and quotes[1].text.endswith("libur panjang")


def test_indirect_speech_and_menurut_with_cited_source():
    body = (
        "Perdana Menteri Jepang Shigeru Ishiba menegaskan bahwa Tokyo tidak akan menaikkan pajak "
        "konsumsi, seperti dikutip dari Kyodo.\n\n"
        "Menurut Ishiba, ekonomi Jepang masih membutuhkan dukungan fiskal."
    )
    quotes = quotes_of(body)
    assert [(q.kind, q.speaker_name, q.reporting_verb) for q in quotes] == [
        ("indirect", "Shigeru Ishiba", "menegaskan"),
        ("indirect", "Shigeru Ishiba", "Menurut"),
    ]
    assert quotes[0].text.startswith("Tokyo tidak akan")
    assert quotes[1].text == "ekonomi Jepang masih membutuhkan dukungan fiskal"


def test_short_quoted_phrase_without_attribution_is_not_a_quote():
    body = "Program yang disebut “makan bergizi gratis” itu dimulai Januari di sejumlah sekolah."
    assert quotes_of(body) == []


def test_indirect_verb_scan_matches_whole_words_only():
    """The character-class form of the verb regex finds what ``\\b(?:verbs)\\b`` finds."""
    reference = re.compile(rf"\b(?P<verb>{quotes._LONG_VERBS})\b(?:\s+bahwa\b)?[\s,:]*")
    body = (
        "Ia mengatakan bahwa harga naik. Memengatakan bukan kata baku; berkata-kata pun bukan. "
        "Warga menilai, berpendapat dan membantah: subsidi perlu. Pemberkatan gereja berjalan. "
        "Mereka menyebutkan angka itu dan menyebut lagi."
    )
    found = [(m.span(), m.group("verb")) for m in quotes.INDIRECT_RE.finditer(body)]
    assert found == [(m.span(), m.group("verb")) for m in reference.finditer(body)]
    assert [verb for _, verb in found] == [
        "mengatakan",
        "berkata",
        "menilai",
        "berpendapat",
        "membantah",
        "menyebutkan",
        "menyebut",
    ]


def test_verb_scans_by_opening_find_what_the_verb_regex_finds():
    """One literal-led scan for the "me" verbs and one for the "ber" verbs, merged in text order,
    give the same matches as the single verb regex, even with verbs back to back."""
    body = (
        "Ia mengatakan bahwa harga naik. Memengatakan bukan kata baku; berkata-kata pun bukan. "
        "Warga menilai, berpendapat dan membantah: subsidi perlu. Pemberkatan gereja berjalan. "
        "Ketua DPRD berkata menegaskan, berjanji: menyebutkan angka itu, mengungkapkan alasannya "
        "dan mengungkap lagi.\n\nDia berpendapat\nmenambahkan bahwa , memastikan"
    )
    expected = [(m.span(), m.group("verb")) for m in quotes.INDIRECT_RE.finditer(body)]
    assert len(expected) == 14
    assert [(m.span(), m.group("verb")) for m in quotes.indirect_verb_matches(body)] == expected


def test_menurut_scan_finds_what_the_menurut_regex_finds():
    """Matches read at each 'enurut' are those of ``MENURUT_RE.finditer``: not inside a word,
    with or without 'nya', back to back, and at the very start of the text."""
    body = (
        "Menurut Budi, harga naik. Menurutnya, itu wajar.\nmenurut warga pun begitu; "
        "Semenurut itu bukan kata. Dia menurutmenurut saja, menurutnya menurut aturan. enurut"
    )
    expected = [(m.span(), m.group("verb")) for m in quotes.MENURUT_RE.finditer(body)]
    assert len(expected) == 5
    assert [(m.span(), m.group("verb")) for m in quotes.menurut_matches(body)] == expected


def test_indirect_quotes_found_in_each_sentence_with_their_own_speaker():
    body = (
        "Menteri Keuangan Sri Mulyani mengatakan bahwa defisit anggaran tetap terjaga. "
        "Gubernur BI Perry Warjiyo menegaskan suku bunga acuan akan ditahan hingga akhir tahun. "
        "Menurut Josua Pardede, inflasi inti masih rendah pada kuartal ini."
    )
    found = [(q.kind, q.speaker_name, q.reporting_verb) for q in quotes_of(body)]
    assert found == [
        ("indirect", "Sri Mulyani", "mengatakan"),
        ("indirect", "Perry Warjiyo", "menegaskan"),
        ("indirect", "Josua Pardede", "Menurut"),
    ]


# ---------------------------------------------------------------- speakers and quotation marks
# Mentions are written out by hand here so these tests pin the quote rules, whatever the
# recogniser finds.


def mention(body: str, surface: str, kind: EntityType, canonical: str | None = None, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return EntityMention(0, kind, canonical or surface, surface, start, start + len(surface))


def quotes_with(body: str, *mentions: EntityMention) -> list[Quote]:
    sentences = sentences_of(body)
    numbered = [
        replace(m, sentence_no=next(s.sentence_no for s in sentences if s.char_end > m.char_start))
        for m in sorted(mentions, key=lambda m: m.char_start)
    ]
    return find_quotes(body, sentences, numbered)


def test_speaker_is_the_person_after_an_office_and_its_organisation():
    body = (
        '"Saat ini penyidik masih memeriksa sepuluh orang di Gedung Merah Putih," kata Juru '
        "Bicara KPK Budi Prasetyo dalam keterangannya, Selasa (4/11/2025)."
    )
    [quote] = quotes_with(
        body,
        mention(body, "KPK", EntityType.ORG, "Komisi Pemberantasan Korupsi"),
        mention(body, "Budi Prasetyo", EntityType.PERSON),
    )
    assert (quote.speaker_name, quote.speaker_type) == ("Budi Prasetyo", EntityType.PERSON)


def test_short_form_speaker_resolves_to_the_full_name_given_earlier():
    body = (
        "Menko Marves Luhut Binsar Pandjaitan optimistis target investasi tercapai.\n\n"
        '"Itu saya kira tidak ada masalah sama sekali tahun ini," ujar Luhut, Kamis (22/2).'
    )
    # The recogniser kept only the short form: the full name is read from the text.
    [quote] = quotes_with(body, mention(body, "Luhut", EntityType.PERSON, nth=1))
    assert quote.speaker_name == "Luhut Binsar Pandjaitan"
    assert quote.speaker_surface == "Luhut"


def test_nya_pronoun_goes_to_the_last_speaker_not_to_the_object_of_a_sentence():
    body = (
        '"Sudah kami tetapkan sebagai tersangka pekan lalu," ujar Juru Bicara KPK Budi Prasetyo.'
        "\n\nAdapun hari ini KPK memeriksa Yudi terkait kasus tersebut di Kuningan.\n\n"
        '"Saudara YW didalami terkait dengan perencanaan dan penganggaran," tuturnya.'
    )
    quotes = quotes_with(
        body,
        mention(body, "KPK", EntityType.ORG, "Komisi Pemberantasan Korupsi"),
        mention(body, "Budi Prasetyo", EntityType.PERSON),
        mention(body, "KPK", EntityType.ORG, "Komisi Pemberantasan Korupsi", nth=1),
        mention(body, "Yudi", EntityType.PERSON),
    )
    assert [(q.speaker_name, q.speaker_surface) for q in quotes] == [
        ("Budi Prasetyo", "Budi Prasetyo"),
        ("Budi Prasetyo", "tuturnya"),
    ]


def test_organisation_named_by_its_acronym_speaks_and_keeps_the_floor():
    body = (
        '"Dengan ini, pemerintah meniadakan lelang pada enam tanggal tersebut," ungkap DJPPR '
        "Kementerian Keuangan.\n\n"
        '"Pemerintah akan menyampaikan informasi lebih lanjut kepada publik," pungkasnya.'
    )
    quotes = quotes_with(body, mention(body, "Kementerian Keuangan", EntityType.ORG))
    assert [(q.speaker_name, q.speaker_type) for q in quotes] == [("DJPPR", EntityType.ORG)] * 2


def test_name_the_recogniser_missed_is_read_after_the_verb():
    body = (
        '"Kami mengajak nelayan ikut menjaga keamanan pelabuhan," jelas Gede Sukarmadiyasa, '
        "Kamis (15/5/2025)."
    )
    [quote] = quotes_with(body)
    assert (quote.speaker_name, quote.speaker_type) == ("Gede Sukarmadiyasa", EntityType.PERSON)


def test_unnamed_speaker_is_not_taken_from_the_previous_quote():
    body = (
        '"Api merambat cepat karena angin cukup kencang," kata Margaretha Kirana.\n\n'
        '"Api sudah berhasil dipadamkan oleh warga sekitar," kata salah satu warga.'
    )
    quotes = quotes_with(body, mention(body, "Margaretha Kirana", EntityType.PERSON))
    assert [q.speaker_name for q in quotes] == ["Margaretha Kirana", None]


def test_speech_continued_over_a_paragraph_break_is_one_quote():
    body = (
        "Bobby Nasution mengatakan pihaknya berupaya menurunkan inflasi.\n\n"
        '"Kita dekati sama beberapa daerah penghasil cabai.\n\n'
        'Kita sudah kerja sama untuk beberapa komoditi, termasuk cabai merah," kata Bobby.'
    )
    [quote] = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.text.startswith("Kita dekati") and quote.text.endswith("cabai merah")
    assert "\n\n" in quote.text


def test_quote_glued_to_a_full_stop_and_mixed_quotation_marks_are_found():
    body = (
        "Pelabuhan itu telah bervaluasi lebih tinggi dari saat pembelian."
        '"Mereka harus investasi dulu untuk meningkatkan kapasitas," tutupnya.\n\n'
        '“Kedua kapal tidak memiliki dokumen perizinan dari Pemerintah Indonesia," tambahnya.'
    )
    texts = [q.text for q in quotes_of(body) if q.kind == "direct"]
    assert texts == [
        "Mereka harus investasi dulu untuk meningkatkan kapasitas",
        "Kedua kapal tidak memiliki dokumen perizinan dari Pemerintah Indonesia",
    ]


def test_quotation_inside_speech_stays_inside_it():
    body = (
        '"Pada saat itu dia bilang, "sakit, sakit, sakit". Saya akhirnya membawanya ke klinik," '
        "kata Nello."
    )
    assert quotes.quote_spans(body) == [(0, body.index('," kata') + 1)]
