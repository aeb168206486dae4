"""Quote extraction: the seed gold quotes and the attribution shapes of Indonesian news."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from warta.extract import quotes
from warta.extract.entities import find_entities
from warta.extract.quotes import find_quotes
from warta.model import EntityType, Quote, Sentence

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))


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
