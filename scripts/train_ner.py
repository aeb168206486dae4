"""Train the span classifier that retypes or drops the entity rules' candidates.

The rules of ``warta.extract.entities`` propose candidate spans; each is labelled PER/ORG/LOC
when a gold entity of the NERGrit and IDNER-news training sets has exactly its tokens, else O.
A multinomial logistic regression (L2, L-BFGS from scipy) over ``span_features`` is fitted and
its weights are written to ``plugins/warta/gazetteer/ner_model.json``: feature strings and
numbers only, no training sentences. Then run scripts/eval_ner.py and update MODEL_CARD.md.

Usage: PYTHONPATH=plugins .venv/bin/python scripts/train_ner.py [--l2 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ner import SHARED  # noqa: E402
from warta.conll import bio_spans, token_tag_sentences  # noqa: E402
from warta.extract import entities  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "plugins" / "warta" / "gazetteer" / "ner_model.json"
LABELS = ("O", "PER", "ORG", "LOC")
TRAIN_FILES = (("nergrit", "train.txt"), ("idner-news-2k", "train.txt"))


def labelled_candidates(path: Path) -> tuple[list[list[str]], list[int]]:
    """Features and gold label index of every rule candidate the classifier scores."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for sentence in token_tag_sentences(path):
        tokens = [token for token, _ in sentence]
        gold = {(s, e): kind for s, e, kind in bio_spans([tag for _, tag in sentence])}
        starts, ends, position = {}, {}, 0
        for index, token in enumerate(tokens):
            starts[position] = index
            ends[position + len(token)] = index + 1
            position += len(token) + 1
        text = " ".join(tokens)
        for cand in entities._recognise(text):
            if cand.source not in entities.SCORED_SOURCES:
                continue
            span = (starts.get(cand.start), ends.get(cand.end))
            rows.append(entities.span_features(text, cand))
            labels.append(LABELS.index(gold.get(span, "O")))
    return rows, labels


def design_matrix(rows: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    indices = [[vocabulary[f] for f in row if f in vocabulary] for row in rows]
    data = np.ones(sum(len(r) for r in indices))
    pointers = np.cumsum([0, *(len(r) for r in indices)])
    flat = np.fromiter((i for r in indices for i in r), dtype=np.int64)
    return sparse.csr_matrix((data, flat, pointers), shape=(len(rows), len(vocabulary)))


def fit(x: sparse.csr_matrix, y: np.ndarray, l2: float) -> np.ndarray:
    """Softmax regression weights (features x labels) minimising log loss + l2/2 |W|^2."""
    classes = len(LABELS)
    onehot = np.eye(classes)[y]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat.reshape(x.shape[1], classes)
        scores = x @ weights
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        value = -np.log(probs[np.arange(len(y)), y] + 1e-12).sum() + l2 / 2 * (flat @ flat)
        gradient = x.T @ (probs - onehot) + l2 * weights
        return value, gradient.ravel()

    start = np.zeros(x.shape[1] * classes)
    result = optimize.minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x.reshape(x.shape[1], classes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    args = parser.parse_args()
    rows: list[list[str]] = []
    labels: list[int] = []
    for folder, name in TRAIN_FILES:
        more_rows, more_labels = labelled_candidates(SHARED / "ner" / folder / name)
        rows += more_rows
        labels += more_labels
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    frequent = sorted(f for f, c in counts.items() if c >= args.min_count)
    vocabulary = {f: i for i, f in enumerate(frequent)}
    x = design_matrix(rows, vocabulary)
    weights = fit(x, np.array(labels), args.l2)
    names = sorted(vocabulary, key=vocabulary.get)
    kept = {
        name: [round(float(v), 3) for v in weights[index]]
        for index, name in enumerate(names)
        if np.abs(weights[index]).max() >= 0.005
    }
    MODEL_PATH.write_text(
        json.dumps({"labels": list(LABELS), "weights": kept}, ensure_ascii=False, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(rows)} candidates ({sum(1 for y in labels if y)} entities), "
        f"{len(vocabulary)} features, {len(kept)} kept, {MODEL_PATH.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
