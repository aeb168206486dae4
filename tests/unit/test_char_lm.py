"""Contextual string embeddings (warta.extract.char_lm): what a tagger can rely on."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
from warta.extract import char_lm

PLUGINS = Path(char_lm.__file__).resolve().parents[2]


def tokens(sentence: str) -> list[str]:
    """A sentence tokenised as the NER sets are: words and punctuation split by spaces."""
    return sentence.split()


DAM = tokens("Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang , Jawa Barat .")
BANK = tokens("Gubernur Bank Indonesia Perry Warjiyo menahan suku bunga acuan .")
RIVER = tokens("Warga membersihkan sampah di tepi sungai Ciliwung .")


def test_one_row_per_token_of_the_advertised_width() -> None:
    embeddings = char_lm.token_embeddings(DAM)
    assert embeddings.shape == (len(DAM), char_lm.embedding_width())
    assert embeddings.dtype == np.float32
    assert np.isfinite(embeddings).all()
    assert char_lm.token_embeddings([]).shape == (0, char_lm.embedding_width())


def test_same_sentence_gives_the_same_embeddings() -> None:
    assert np.array_equal(char_lm.token_embeddings(BANK), char_lm.token_embeddings(BANK))


def test_a_word_reads_differently_in_another_sentence() -> None:
    hidden = char_lm.embedding_width() // 2
    rain = tokens("Kabupaten Subang diguyur hujan deras sejak pagi .")
    after_dam = char_lm.token_embeddings(DAM)[DAM.index("Subang")]
    after_regency = char_lm.token_embeddings(rain)[rain.index("Subang")]
    alone = char_lm.token_embeddings(["Subang"])[0]
    for other in (after_regency, alone):
        assert not np.allclose(after_dam[:hidden], other[:hidden], atol=1e-3)
        assert not np.allclose(after_dam[hidden:], other[hidden:], atol=1e-3)


def test_forward_half_sees_only_the_left_context_backward_half_only_the_right() -> None:
    hidden = char_lm.embedding_width() // 2
    other_name = [*DAM[:2], "Anwar", *DAM[3:]]  # "Presiden Joko Anwar meresmikan ..."
    original = char_lm.token_embeddings(DAM)
    changed = char_lm.token_embeddings(other_name)
    before, after = DAM.index("Joko"), DAM.index("meresmikan")
    assert np.allclose(original[before, :hidden], changed[before, :hidden], atol=1e-6)
    assert not np.allclose(original[before, hidden:], changed[before, hidden:], atol=1e-3)
    assert not np.allclose(original[after, :hidden], changed[after, :hidden], atol=1e-3)
    assert np.allclose(original[after, hidden:], changed[after, hidden:], atol=1e-6)


def test_a_batch_of_sentences_equals_one_by_one() -> None:
    batch = char_lm.sentence_embeddings([DAM, BANK, RIVER])
    for tokens, embeddings in zip([DAM, BANK, RIVER], batch, strict=True):
        assert np.allclose(embeddings, char_lm.token_embeddings(tokens), atol=1e-5)


def test_the_models_know_indonesian_news_from_shuffled_letters() -> None:
    text = "\n" + " ".join(DAM + BANK) + " "
    letters = list(text[1:-1])
    random.Random(7).shuffle(letters)
    scrambled = "\n" + "".join(letters) + " "
    for backward in (False, True):
        fluent = char_lm.bits_per_character(text, backward)
        assert fluent < 3.0
        assert fluent + 1.0 < char_lm.bits_per_character(scrambled, backward)


def test_loads_and_runs_without_torch() -> None:
    script = (
        "import sys; sys.modules['torch'] = None\n"
        "from warta.extract import char_lm\n"
        "print(char_lm.token_embeddings(['Kota', 'Bandung']).shape)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(PLUGINS)},
    )
    assert result.stdout.strip() == f"(2, {char_lm.embedding_width()})"
