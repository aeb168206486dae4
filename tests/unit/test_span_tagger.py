"""The sentence span tagger behind ``warta tag``: candidate runs, spans and decoding."""

from __future__ import annotations

from warta.config import shared_dir
from warta.conll import token_tag_sentences
from warta.extract import entities, span_tagger
from warta.extract.entities import tag_tokens

SHARED = shared_dir()


def tokenised(text: str) -> list[str]:
    """CoNLL-style tokens of a test sentence written with spaces around punctuation."""
    return text.split(" ")


def test_name_runs_join_connectors_initials_and_lower_case_place_heads():
    tokens = tokenised(
        "Rombongan Abdurrachman bin Ali tiba di desa Kramas , lalu bertemu Arifin C . Noer "
        "dan warga Afrika barat ."
    )
    runs = [" ".join(tokens[start:end]) for start, end in span_tagger.name_runs(tokens)]
    assert runs == [
        "Rombongan Abdurrachman bin Ali",
        "desa Kramas",
        "Arifin C . Noer",
        "Afrika barat",
    ]


def test_candidate_spans_never_start_or_end_on_a_connector():
    tokens = tokenised("Kunjungan Abdurrachman bin Ali ke Jakarta .")
    texts = {" ".join(tokens[s:e]) for s, e, _, _ in span_tagger.candidate_spans(tokens)}
    assert "Abdurrachman bin Ali" in texts
    assert "Jakarta" in texts
    assert not any(t.startswith("bin") or t.endswith("bin") for t in texts)


def test_tagged_spans_do_not_overlap_and_lie_inside_name_runs():
    sentences = token_tag_sentences(SHARED / "ner" / "nergrit" / "valid.txt")[:150]
    for sentence in sentences:
        tokens = [token for token, _ in sentence]
        runs = span_tagger.name_runs(tokens)
        covered: set[int] = set()
        for start, end, label in span_tagger.tag_spans(tokens):
            assert label in {"PER", "ORG", "LOC"}
            assert covered.isdisjoint(range(start, end))
            covered.update(range(start, end))
            assert any(a <= start and end <= b for a, b in runs)


def test_tag_tokens_falls_back_to_the_rules_without_a_tagger_model(monkeypatch):
    tokens = tokenised("Presiden Joko Widodo meninjau banjir di Kabupaten Demak , Jawa Tengah .")
    expected = entities._rule_tags(tokens)
    monkeypatch.setattr(span_tagger, "tagger_model", lambda: (("O", "PER", "ORG", "LOC"), {}))
    assert tag_tokens(tokens) == expected
