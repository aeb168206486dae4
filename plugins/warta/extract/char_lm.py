"""Contextual string embeddings: per-token features from two character language models.

Why: a tagger trained on a few thousand labelled sentences has not seen most names it meets. Two
character LSTMs trained on unlabelled Indonesian news (``scripts/train_char_lm.py``), one reading
left to right and one right to left, carry what the surrounding characters say about a word:
"Sadawarna" after "Bendungan" and before "di Subang" reads as a name even if never seen.

Recipe of Flair (Akbik et al. 2018): the sentence is its tokens joined by single spaces, framed by
a newline before and a space after. The forward model's state after a token's last character and
the backward model's state (on the reversed text) after the token's first character are
concatenated. Inference is numpy only; the float16 weights in ``gazetteer/char_lm.npz`` are read
on first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parents[1] / "gazetteer" / "char_lm.npz"
START, END = "\n", " "  # Flair's framing of a sentence


@dataclass(frozen=True, slots=True)
class _Direction:
    """One LSTM: input gates of every character precomputed, recurrent weights transposed,
    gates reordered to (input, forget, output | cell) so the three sigmoids are one slice."""

    char_gates: np.ndarray  # (vocabulary, 4 * hidden): embedding @ W_ih.T + both biases
    recurrent: np.ndarray  # (hidden, 4 * hidden)
    decoder: np.ndarray  # (hidden, vocabulary): next-character logits from a state
    decoder_bias: np.ndarray  # (vocabulary,)


@dataclass(frozen=True, slots=True)
class _Model:
    index: dict[str, int]  # character -> id; any other character is 0
    forward: _Direction
    backward: _Direction
    hidden: int
    meta: dict


def _direction(weights: np.lib.npyio.NpzFile, prefix: str) -> _Direction:
    hidden = weights[f"{prefix}_w_hh"].shape[1]
    # torch's gate order is (input, forget, cell, output); put the cell gate last
    order = np.concatenate([np.arange(0, 2 * hidden), np.arange(3 * hidden, 4 * hidden),
                            np.arange(2 * hidden, 3 * hidden)])  # fmt: skip
    w_ih = weights[f"{prefix}_w_ih"].astype(np.float32)[order]
    w_hh = weights[f"{prefix}_w_hh"].astype(np.float32)[order]
    bias = (weights[f"{prefix}_b_ih"].astype(np.float32) + weights[f"{prefix}_b_hh"])[order]
    char_gates = weights[f"{prefix}_embedding"].astype(np.float32) @ w_ih.T + bias
    return _Direction(
        np.ascontiguousarray(char_gates),
        np.ascontiguousarray(w_hh.T),
        np.ascontiguousarray(weights[f"{prefix}_decoder_w"].astype(np.float32).T),
        weights[f"{prefix}_decoder_b"].astype(np.float32),
    )


@cache
def _model(path: Path = MODEL_PATH) -> _Model:
    with np.load(path) as weights:
        chars = str(weights["chars"])
        forward, backward = _direction(weights, "f"), _direction(weights, "b")
        meta = json.loads(str(weights["meta"]))
    index = {char: number + 1 for number, char in enumerate(chars)}
    return _Model(index, forward, backward, forward.recurrent.shape[0], meta)


def embedding_width() -> int:
    """Width of one token's embedding: forward and backward hidden states side by side."""
    return 2 * _model().hidden


def framed_text(tokens: list[str], backward: bool = False) -> str:
    """The text a model reads for a sentence: reversed (character by character) for backward."""
    sentence = " ".join(tokens)
    return START + (sentence[::-1] if backward else sentence) + END


def _run(direction: _Direction, batch: np.ndarray) -> np.ndarray:
    """LSTM hidden states (time, batch, hidden) over character ids (time, batch), zero start."""
    steps, size = batch.shape
    hidden = direction.recurrent.shape[0]
    h = np.zeros((size, hidden), dtype=np.float32)
    c = np.zeros((size, hidden), dtype=np.float32)
    out = np.empty((steps, size, hidden), dtype=np.float32)
    for step in range(steps):
        gates = direction.char_gates[batch[step]] + h @ direction.recurrent
        sig = 0.5 + 0.5 * np.tanh(0.5 * gates[:, : 3 * hidden])  # sigmoid without overflow
        c = sig[:, hidden : 2 * hidden] * c + sig[:, :hidden] * np.tanh(gates[:, 3 * hidden :])
        h = sig[:, 2 * hidden :] * np.tanh(c)
        out[step] = h
    return out


def _ids(text: str, index: dict[str, int]) -> list[int]:
    return [index.get(char, 0) for char in text]


def character_states(text: str, backward: bool = False) -> np.ndarray:
    """Hidden state after each character of ``text`` (already framed and, for backward,
    reversed): (len(text), hidden). For checks against the training code."""
    model = _model()
    ids = np.array(_ids(text, model.index), dtype=np.int64)[:, None]
    return _run(model.backward if backward else model.forward, ids)[:, 0, :]


def bits_per_character(text: str, backward: bool = False) -> float:
    """How surprised a model is by ``text`` (after its first character): low for fluent
    Indonesian news, high for noise. Characters outside the vocabulary count as one symbol."""
    model = _model()
    direction = model.backward if backward else model.forward
    ids = np.array(_ids(text[::-1] if backward else text, model.index), dtype=np.int64)
    states = _run(direction, ids[:-1, None])[:, 0, :]
    logits = states @ direction.decoder + direction.decoder_bias
    top = logits.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
    chosen = logits[np.arange(len(ids) - 1), ids[1:]]
    return float((log_norm - chosen).mean() / np.log(2))


def sentence_embeddings(sentences: list[list[str]]) -> list[np.ndarray]:
    """Embeddings of many sentences at once (padded into one batch per direction):
    one (len(tokens), 2 * hidden) float32 array per sentence."""
    model = _model()
    out = []
    results: dict[bool, np.ndarray] = {}
    for backward in (False, True):
        texts = [_ids(framed_text(tokens, backward), model.index) for tokens in sentences]
        width = max((len(ids) for ids in texts), default=0)
        batch = np.zeros((width, len(texts)), dtype=np.int64)
        for column, ids in enumerate(texts):
            batch[: len(ids), column] = ids  # padding after the end never reaches a token
        results[backward] = _run(model.backward if backward else model.forward, batch)
    for column, tokens in enumerate(sentences):
        length = len(" ".join(tokens))
        embeddings = np.empty((len(tokens), 2 * model.hidden), dtype=np.float32)
        position = len(START)  # index of the token's first character in the framed text
        for row, token in enumerate(tokens):
            last = position + len(token) - 1
            # in the reversed text, the token's first character sits at the mirrored index
            first_reversed = len(START) + length - 1 - (position - len(START))
            embeddings[row, : model.hidden] = results[False][last, column]
            embeddings[row, model.hidden :] = results[True][first_reversed, column]
            position += len(token) + 1
        out.append(embeddings)
    return out


def token_embeddings(tokens: list[str]) -> np.ndarray:
    """(len(tokens), 2 * hidden) float32: each token's features in the context of its sentence."""
    if not tokens:
        return np.zeros((0, embedding_width()), dtype=np.float32)
    return sentence_embeddings([tokens])[0]
