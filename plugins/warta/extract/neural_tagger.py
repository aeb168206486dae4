"""Numpy inference of the BiLSTM-CRF token tagger (``ner_neural.npz``) behind ``warta tag``.

Why a neural tagger next to the two linear models of ``span_tagger``: they read sparse
features of fixed windows, so a name's evidence spread over a sentence ("kata ... , warga
desa X") or carried by its spelling alone (an unknown one-word place read as a person)
reaches them only through hand-written conjunctions. A bidirectional LSTM reads the whole
sentence; a character CNN reads the word's letters, so unseen names share evidence with seen
ones of the same shape and affixes.

Inputs of each token: the character CNN of the word (as written), the frozen SVD vector of the
case-folded word (``scripts/train_clusters.py``), already projected by the model's first layer
(a table of ``PROJECTED`` numbers a word, so the vectors themselves are not shipped), and
embeddings of categorical features the linear CRF computes too (``token_fields``): gazetteer
and rule candidate BIO marks, the capitalised-run mark, shape, word clusters, the word's
gazetteer type, cue word, and title / office / stopword marks. The best BIO path of a linear
chain CRF over the LSTM's scores gives the spans.

Trained by scripts/train_ner_neural.py with PyTorch; this module needs numpy only, and the
model is read on the first ``span_tagger.tag_spans`` call (``warta tag``), never by
``find_entities``. ``tag_spans`` keeps the spans two of the three taggers agree on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from warta.conll import bio_spans
from warta.extract.entities import CUES, KNOWN, STOPWORDS, TITLES
from warta.extract.span_tagger import (
    CRF_TAGS,
    FORBIDDEN,
    _known_marks,
    _office_ends_at,
    _rule_marks,
    _token_shape,
    cluster_marks,
    crf_transition_allowed,
    name_runs,
    viterbi,
)
from warta.gazetteer import GAZETTEER_DIR

MODEL_FILE = "ner_neural.npz"
# Names of the categorical fields of ``token_fields``, in order (an embedding table each).
FIELDS = (
    "known", "rule", "run", "shape", "c32", "c128", "c512", "c2048", "gazetteer", "cue", "marks"
)
UNKNOWN = "<unk>"  # index 0 of every vocabulary (characters, words, field values)
PAD = 0


def token_fields(tokens: list[str]) -> list[tuple[str, ...]]:
    """Categorical features of each token, in ``FIELDS`` order (shared with the training data):
    the longest gazetteer name and the rules' candidate covering it as BIO marks, its place in a
    capitalised run, its shape, its word cluster at each level, the gazetteer type of the word,
    its cue type, and whether a title or an office precedes it and whether it is a stopword."""
    known = _known_marks(tokens)
    rules = _rule_marks(tokens)
    runs: dict[int, str] = {}
    for run_start, run_end in name_runs(tokens):
        for index in range(run_start, run_end):
            runs[index] = "B" if index == run_start else "I"
    rows = []
    for index, token in enumerate(tokens):
        lower = token.casefold()
        clusters = cluster_marks(lower)
        levels = [clusters[level] if len(clusters) > level else "?" for level in range(4)]
        marks = (
            "t" if index and tokens[index - 1].rstrip(".") in TITLES else "",
            "r" if index and _office_ends_at(tokens, index) else "",
            "s" if lower in STOPWORDS else "",
        )
        rows.append(
            (
                known.get(index, "O"),
                rules.get(index, "O"),
                runs.get(index, "O"),
                _token_shape(token),
                *levels,
                KNOWN[token].entity_type if token in KNOWN else "-",
                CUES.get(token, "-"),
                "".join(marks) or "-",
            )
        )
    return rows


@dataclass(frozen=True)
class NeuralModel:
    """Vocabularies and weight arrays of the exported tagger (names as in the torch module)."""

    chars: dict[str, int]
    words: dict[str, int]
    fields: tuple[dict[str, int], ...]
    weights: dict[str, np.ndarray]
    max_word_chars: int
    # "" or "char_lm": the tagger also reads char_lm.token_embeddings (warta.extract.char_lm;
    # the committed model has "")
    extra: str

    @property
    def transitions(self) -> np.ndarray:
        return self.weights["crf.transitions"]

    @property
    def start(self) -> np.ndarray:
        return self.weights["crf.start"]


def _vocabulary(data: np.lib.npyio.NpzFile, key: str) -> dict[str, int]:
    """Index of each entry of a newline-joined UTF-8 vocabulary (index 0 is ``UNKNOWN``)."""
    entries = data[key].tobytes().decode("utf-8").split("\n")
    return {entry: index for index, entry in enumerate(entries)}


@cache
def neural_model() -> NeuralModel | None:
    """The exported tagger, read on first use; None without the model file."""
    path = GAZETTEER_DIR / MODEL_FILE
    if not path.exists():
        return None
    with np.load(path) as data:
        weights = {
            key[2:]: data[key].astype(np.float32) for key in data.files if key.startswith("w:")
        }
        chars = _vocabulary(data, "vocab:chars")
        words = _vocabulary(data, "vocab:words")
        fields = tuple(_vocabulary(data, f"vocab:{name}") for name in FIELDS)
        max_word_chars = int(data["max_word_chars"])
        extra = data["extra"].tobytes().decode("utf-8") if "extra" in data.files else ""
    allowed = np.array([[crf_transition_allowed(p, t) for t in CRF_TAGS] for p in CRF_TAGS])
    first_allowed = np.array([crf_transition_allowed("O", t) for t in CRF_TAGS])
    weights["crf.transitions"] = np.where(allowed, weights["crf.transitions"], FORBIDDEN)
    weights["crf.start"] = np.where(first_allowed, weights["crf.start"], FORBIDDEN)
    return NeuralModel(chars, words, fields, weights, max_word_chars, extra)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _lstm(inputs: np.ndarray, weights: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    """Hidden states of one LSTM direction over ``inputs`` (tokens x features), torch's gate
    order (input, forget, cell, output)."""
    return _lstm_steps(inputs[None], weights, (prefix,))[0]


def _lstm_steps(
    inputs: np.ndarray, weights: dict[str, np.ndarray], prefixes: tuple[str, ...]
) -> np.ndarray:
    """Hidden states (directions x tokens x hidden) of several LSTMs, one per prefix, each over
    its own ``inputs[d]`` (tokens x features), stepped together: the per-token Python overhead,
    not the arithmetic, is what a sentence costs. Products are einsums, not matmuls: BLAS
    starts threads for the larger ones, and their spinning cost several times the arithmetic."""
    w_ih = np.stack([weights[f"{p}.weight_ih"] for p in prefixes])
    w_hh = np.stack([weights[f"{p}.weight_hh"] for p in prefixes])
    bias = np.stack([weights[f"{p}.bias_ih"] + weights[f"{p}.bias_hh"] for p in prefixes])
    gates_in = np.einsum("dtf,dgf->dtg", inputs, w_ih) + bias[:, None, :]
    size = w_hh.shape[2]
    recurrent = w_hh.transpose(0, 2, 1)  # directions x hidden x 4*hidden
    hidden = np.zeros((len(prefixes), 1, size), dtype=np.float32)
    cell = np.zeros((len(prefixes), size), dtype=np.float32)
    out = np.empty((len(prefixes), inputs.shape[1], size), dtype=np.float32)
    for step in range(inputs.shape[1]):
        gates = gates_in[:, step] + np.einsum("dh,dhg->dg", hidden[:, 0], recurrent)
        squashed = _sigmoid(gates)
        cell = squashed[:, size : 2 * size] * cell + squashed[:, :size] * np.tanh(
            gates[:, 2 * size : 3 * size]
        )
        hidden = (squashed[:, 3 * size :] * np.tanh(cell))[:, None, :]
        out[:, step] = hidden[:, 0]
    return out


def encode(tokens: list[str], model: NeuralModel) -> dict[str, np.ndarray]:
    """Index arrays of a sentence: characters (tokens x max_word_chars, 0-padded), word rows
    and one column per field (0 for values the training data did not have)."""
    chars = np.zeros((len(tokens), model.max_word_chars), dtype=np.int64)
    for row, token in enumerate(tokens):
        ids = [model.chars.get(char, 1) for char in token[: model.max_word_chars]]
        chars[row, : len(ids)] = ids
    words = np.array([model.words.get(token.casefold(), 0) for token in tokens], dtype=np.int64)
    fields = np.array(
        [
            [vocabulary.get(value, 0) for vocabulary, value in zip(model.fields, row, strict=True)]
            for row in token_fields(tokens)
        ],
        dtype=np.int64,
    ).reshape(len(tokens), len(FIELDS))
    batch = {"chars": chars, "words": words, "fields": fields}
    if model.extra == "char_lm":
        from warta.extract import char_lm  # read only by a tagger trained with it

        batch["extra"] = char_lm.token_embeddings(tokens).astype(np.float32)
    return batch


def emissions(tokens: list[str], model: NeuralModel | None = None) -> np.ndarray:
    """Tag scores (tokens x ``CRF_TAGS``) of the LSTM for one sentence."""
    model = model or neural_model()
    assert model is not None, f"no {MODEL_FILE}"
    return emissions_of(encode(tokens, model), model.weights)


def emissions_of(batch: dict[str, np.ndarray], weights: dict[str, np.ndarray]) -> np.ndarray:
    """``emissions`` from the index arrays of ``encode`` (compared against torch in training)."""
    chars = batch["chars"]
    embedded = weights["char_embedding"][chars]  # tokens x chars x dim
    kernel = weights["char_cnn.weight"]  # filters x dim x width (torch Conv1d, padding width//2)
    width = kernel.shape[2]
    pad = width // 2
    padded = np.pad(embedded, ((0, 0), (pad, pad), (0, 0)))
    windows = np.stack([padded[:, k : k + chars.shape[1]] for k in range(width)], axis=3)
    flat = np.einsum("rk,fk->rf", windows.reshape(-1, kernel.shape[1] * width),
                     kernel.reshape(len(kernel), -1))
    conv = flat.reshape(chars.shape[0], chars.shape[1], -1) + weights["char_cnn.bias"]
    # padded positions count as -inf in the max (as in training)
    conv = np.where((chars > 0)[:, :, None], conv, -np.inf)
    char_vectors = np.maximum(conv.max(axis=1), 0.0)
    char_vectors = np.where(np.isfinite(char_vectors), char_vectors, 0.0)
    parts = [char_vectors, weights["word_projection"][batch["words"]]]
    parts += [weights[f"field.{name}"][batch["fields"][:, k]] for k, name in enumerate(FIELDS)]
    if "extra" in batch:
        parts.append(batch["extra"])
    inputs = np.concatenate(parts, axis=1).astype(np.float32)
    both = _lstm_steps(np.stack([inputs, inputs[::-1]]), weights, ("lstm.forward", "lstm.backward"))
    hidden = np.concatenate([both[0], both[1][::-1]], axis=1)
    return np.einsum("th,gh->tg", hidden, weights["output.weight"]) + weights["output.bias"]


def neural_spans(tokens: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of the best (Viterbi) tag path of the neural tagger; [] without its file."""
    model = neural_model()
    if model is None or not tokens:
        return []
    path = viterbi(emissions(tokens, model).astype(float), model.transitions, model.start)
    return sorted(bio_spans([CRF_TAGS[index] for index in path]))
