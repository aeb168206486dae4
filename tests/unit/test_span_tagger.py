"""The sentence span tagger behind ``warta tag``: candidate runs, spans and decoding."""

from __future__ import annotations

import numpy as np
from warta.config import shared_dir
from warta.conll import token_tag_sentences
from warta.extract import entities, neural_tagger, span_tagger
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


def test_span_model_spans_lie_inside_name_runs_and_tagged_spans_never_overlap():
    sentences = token_tag_sentences(SHARED / "ner" / "nergrit" / "valid.txt")[:150]
    for sentence in sentences:
        tokens = [token for token, _ in sentence]
        runs = span_tagger.name_runs(tokens)
        for start, end, _ in span_tagger.scored_spans(tokens):
            assert any(a <= start and end <= b for a, b in runs)
        covered: set[int] = set()
        for start, end, label in span_tagger.tag_spans(tokens):
            assert label in {"PER", "ORG", "LOC"}
            assert covered.isdisjoint(range(start, end))
            covered.update(range(start, end))


def test_a_span_needs_two_of_the_three_models_with_the_same_tokens_and_type(monkeypatch):
    tokens = tokenised("Maskapai Citilink , Nam Air dan Batik Air terbang ke Pontianak .")
    monkeypatch.setattr(span_tagger, "scored_spans", lambda _: [(1, 2, "ORG"), (6, 8, "ORG")])
    monkeypatch.setattr(
        span_tagger, "crf_spans", lambda _: [(0, 2, "ORG"), (3, 5, "ORG"), (10, 11, "LOC")]
    )
    monkeypatch.setattr(
        neural_tagger, "neural_spans", lambda _: [(1, 2, "ORG"), (3, 5, "ORG"), (10, 11, "ORG")]
    )
    assert span_tagger.tag_spans(tokens) == [(1, 2, "ORG"), (3, 5, "ORG")]


def test_without_the_neural_model_crf_spans_are_added_where_the_span_model_found_nothing(
    monkeypatch,
):
    tokens = tokenised("Maskapai Citilink , Nam Air dan Batik Air terbang ke Pontianak .")
    monkeypatch.setattr(span_tagger, "scored_spans", lambda _: [(1, 2, "ORG"), (6, 8, "ORG")])
    monkeypatch.setattr(
        span_tagger, "crf_spans", lambda _: [(0, 2, "ORG"), (3, 5, "ORG"), (10, 11, "LOC")]
    )
    monkeypatch.setattr(neural_tagger, "neural_model", lambda: None)
    assert span_tagger.tag_spans(tokens) == [
        (1, 2, "ORG"),
        (3, 5, "ORG"),
        (6, 8, "ORG"),
        (10, 11, "LOC"),
    ]


def test_viterbi_never_opens_a_name_with_an_inside_tag():
    """An I- tag may only follow B-/I- of its own type, however strongly a token votes for it."""
    model = span_tagger.crf_model()
    inside_person = span_tagger.CRF_TAGS.index("I-PER")
    emissions = np.zeros((3, len(span_tagger.CRF_TAGS)))
    emissions[[0, 2], inside_person] = 50.0
    path = span_tagger.viterbi(emissions, model.transitions, model.start)
    tags = [span_tagger.CRF_TAGS[i] for i in path]
    assert not tags[0].startswith("I-")
    for previous, tag in zip(tags, tags[1:], strict=False):
        assert span_tagger.crf_transition_allowed(previous, tag)


def test_crf_features_mark_gazetteer_names_and_rule_candidates_as_bio():
    tokens = tokenised("Presiden Joko Widodo meninjau banjir di Kabupaten Demak , Jawa Tengah .")
    features = span_tagger.crf_token_features(tokens)
    assert "k=B-LOC" in features[9] and "k=I-LOC" in features[10]
    assert "r=B-PER|role" in features[1] and "r=I-PER|role" in features[2]
    assert "title" not in features[3] and "w-1=widodo" in features[3]


def test_tag_tokens_falls_back_to_the_rules_without_a_tagger_model(monkeypatch):
    tokens = tokenised("Presiden Joko Widodo meninjau banjir di Kabupaten Demak , Jawa Tengah .")
    expected = entities._rule_tags(tokens)
    monkeypatch.setattr(span_tagger, "tagger_model", lambda: (("O", "PER", "ORG", "LOC"), {}))
    assert tag_tokens(tokens) == expected


def _cluster_features(features: list[str]) -> set[str]:
    """The word-cluster features among a span's or a token's features."""
    return {f for f in features if f[:2] in {"cf", "cl", "cw", "cp", "cn", "c?", "c-", "c+"}
            or (f[:1] == "c" and f[1:2].isdigit())}


def test_unseen_names_after_speech_verbs_of_one_cluster_share_their_cluster_features():
    """Two names the unlabelled news never wrote, each after a different speech verb of one
    cluster ("kata", "ujar"): the span model and the CRF see the same cluster evidence for both,
    so what training learnt about "kata NAME" carries over to "ujar NAME"."""
    said = tokenised("“ Harga cabai sudah turun , ” kata Sutarjo Wiryawan di Pasar Beringharjo .")
    told = tokenised("“ Harga cabai sudah turun , ” ujar Rusmini Sukirman di Pasar Beringharjo .")
    assert span_tagger.cluster_marks("kata") == span_tagger.cluster_marks("ujar")
    assert len(span_tagger.cluster_marks("kata")) > 1
    for name in ("sutarjo", "wiryawan", "rusmini", "sukirman"):
        assert span_tagger.cluster_marks(name) == ("?",)

    def span_features(tokens: list[str]) -> list[str]:
        folded = [token.casefold() for token in tokens]
        return span_tagger.span_tagger_features(tokens, folded, (8, 10, 8, 10), {})

    assert "f=sutarjo" in span_features(said) and "f=rusmini" in span_features(told)
    shared = _cluster_features(span_features(said))
    assert shared == _cluster_features(span_features(told))
    assert {f"cp{mark}" for mark in span_tagger.cluster_marks("kata")} < shared
    first_said = span_tagger.crf_token_features(said)[8]
    first_told = span_tagger.crf_token_features(told)[8]
    assert "c?" in first_said and "w-1=kata" in first_said and "w-1=ujar" in first_told
    assert _cluster_features(first_said) == _cluster_features(first_told)
    verb = span_tagger.crf_token_features(said)[7]
    assert _cluster_features(first_said) != _cluster_features(verb)


def test_unseen_names_after_either_speech_verb_are_tagged_as_people():
    for verb, name in (("kata", "Sutarjo Wiryawan"), ("ujar", "Rusmini Sukirman")):
        tokens = tokenised(f"“ Harga cabai sudah turun , ” {verb} {name} di Pasar Beringharjo .")
        assert tag_tokens(tokens)[8:10] == ["B-PER", "I-PER"]


def test_cluster_marks_name_every_level_and_nothing_at_the_sentence_edges():
    levels, _ = span_tagger.load_word_clusters()
    assert len(levels) >= 2
    assert [mark.split("=")[0] for mark in span_tagger.cluster_marks("jakarta")] == [
        str(level) for level in levels
    ]
    assert span_tagger.cluster_marks("<s>") == span_tagger.cluster_marks("</s>") == ()


def test_vector_scores_add_each_slot_of_the_span_and_average_its_words(monkeypatch):
    """The span model's vector scores: the first word, last word and the word either side each
    add their own slot's row; every word of the span adds its mean-slot row divided by the span's
    length; words without a vector and the sentence's edges add nothing."""
    slots = len(span_tagger.VECTOR_SLOTS)
    table = np.zeros((3, slots, 4))
    words = {"ketua": 0, "budi": 1, "santoso": 2}
    for row in range(3):
        for slot in range(slots):
            table[row, slot] = (10.0 ** row) * (slot + 1)
    monkeypatch.setattr(span_tagger, "tagger_vector_table", lambda: (words, table))
    folded = ["ketua", "budi", "santoso", "wiryo"]
    scores = span_tagger.span_vector_scores(folded, 1, 4)  # "budi santoso wiryo", at the end
    first, last, before, mean = 10 * 1, 0, 1 * 3, (10 + 100) * 5 / 3
    assert np.allclose(scores, [first + last + before + mean] * 4)
    # "ketua" opens the sentence: first 1, last 2, no word before, "budi" after 40, mean 5
    assert np.allclose(span_tagger.span_vector_scores(folded, 0, 1), [48.0] * 4)


def test_committed_vector_scores_cover_the_clustered_words_with_one_row_per_slot():
    rows, table = span_tagger.tagger_vector_table()
    _, clusters = span_tagger.load_word_clusters()
    assert table.shape == (len(rows), len(span_tagger.VECTOR_SLOTS), 4)
    assert "jakarta" in rows and len(rows) >= 0.9 * len(clusters)
