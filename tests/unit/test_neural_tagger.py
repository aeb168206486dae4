"""The BiLSTM-CRF tagger of ``warta tag``, run in numpy from ``ner_neural.npz``."""

from __future__ import annotations

import numpy as np
import pytest
from warta.extract import entities, neural_tagger, span_tagger
from warta.segment import segment

TEXT = (
    "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Kabupaten Subang , Jawa Barat , "
    "pada Kamis ( 4/7 ) pagi ."
)
SENTENCE = TEXT.split()


def test_token_fields_give_every_token_one_value_per_field_with_gazetteer_and_run_marks():
    rows = neural_tagger.token_fields(SENTENCE)
    assert len(rows) == len(SENTENCE)
    assert all(len(row) == len(neural_tagger.FIELDS) for row in rows)
    field = {name: index for index, name in enumerate(neural_tagger.FIELDS)}
    jawa, subang = SENTENCE.index("Jawa"), SENTENCE.index("Subang")
    assert [rows[jawa][field["known"]], rows[jawa + 1][field["known"]]] == ["B-LOC", "I-LOC"]
    assert rows[subang][field["known"]] == "B-LOC" and rows[subang][field["gazetteer"]] == "LOC"
    assert rows[subang - 1][field["rule"]] == "B-LOC|cue"  # "Kabupaten" heads a place
    assert rows[subang - 1][field["cue"]] == "LOC"
    assert rows[SENTENCE.index("Joko")][field["rule"]] == "B-PER|role"
    runs = [row[field["run"]] for row in rows[:4]]  # "Presiden Joko Widodo meresmikan"
    assert runs == ["B", "I", "I", "O"]
    assert rows[SENTENCE.index("Joko")][field["shape"]] == "Aa"


def test_emissions_score_every_tag_of_every_token_and_repeat_exactly():
    scores = neural_tagger.emissions(SENTENCE)
    assert scores.shape == (len(SENTENCE), len(span_tagger.CRF_TAGS))
    assert np.isfinite(scores).all()
    assert np.array_equal(scores, neural_tagger.emissions(list(SENTENCE)))


def test_a_sentence_is_read_in_both_directions():
    """The tag scores of a word depend on the words after it (backward LSTM) and before it."""
    base = neural_tagger.emissions(SENTENCE)
    later_changed = neural_tagger.emissions([*SENTENCE[:-3], "sore", "hari", "."])
    earlier_changed = neural_tagger.emissions(["Menteri", *SENTENCE[1:]])
    widodo = SENTENCE.index("Widodo")
    assert not np.allclose(base[widodo], later_changed[widodo])
    assert not np.allclose(base[widodo], earlier_changed[widodo])


def test_the_president_is_tagged_as_a_person_and_spans_are_well_formed():
    spans = neural_tagger.neural_spans(SENTENCE)
    assert (1, 3, "PER") in spans
    covered: set[int] = set()
    for start, end, label in spans:
        assert 0 <= start < end <= len(SENTENCE) and label in {"PER", "ORG", "LOC"}
        assert covered.isdisjoint(range(start, end))
        covered.update(range(start, end))


def test_lstm_follows_torch_gate_order():
    """One step from a zero state with only the cell gate's input and the output gate open:
    h = sigmoid(o) * tanh(sigmoid(i) * tanh(g)), torch's (input, forget, cell, output) order."""
    size = 2
    weights = {
        "d.weight_ih": np.zeros((4 * size, 1), dtype=np.float32),
        "d.weight_hh": np.zeros((4 * size, size), dtype=np.float32),
        "d.bias_ih": np.array([0, 0, 9, 9, 1, 1, 5, 5], dtype=np.float32),
        "d.bias_hh": np.zeros(4 * size, dtype=np.float32),
    }
    hidden = neural_tagger._lstm(np.zeros((1, 1), dtype=np.float32), weights, "d")
    expected = 1 / (1 + np.exp(-5)) * np.tanh(0.5 * np.tanh(1.0))
    assert hidden.shape == (1, size)
    assert np.allclose(hidden, expected, atol=1e-6)


def test_find_entities_never_loads_the_neural_model():
    neural_tagger.neural_model.cache_clear()
    body = "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang, Jawa Barat, Kamis."
    entities.find_entities(body, segment(body)[1])
    assert neural_tagger.neural_model.cache_info().currsize == 0
    entities.tag_tokens(SENTENCE)
    assert neural_tagger.neural_model.cache_info().currsize == 1


@pytest.fixture
def no_model(monkeypatch):
    monkeypatch.setattr(neural_tagger, "neural_model", lambda: None)


def test_without_the_model_file_the_neural_tagger_adds_nothing(no_model):
    assert neural_tagger.neural_spans(SENTENCE) == []
